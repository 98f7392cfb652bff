import { expect, test } from 'vitest';
import { parseLocator } from '../../src/sources/locator.ts';

test.each([
  ['12', '12', 'page'],
  ['12–15', '12–15', 'page'],
  ['xiv', 'xiv', 'page'],
  ['p. 12', '12', 'page'],
  ['pp.3-5', '3-5', 'page'],
  ['chap. 3', '3', 'chapter'],
  ['chapter 3', '3', 'chapter'],
  ['§ 4', '4', 'section'],
  ['§4', '4', 'section'],
  ['para. 2', '2', 'paragraph'],
  ['vol. 2', '2', 'volume'],
])('"%s" is %s, a %s', (written, locator, label) => {
  expect(parseLocator(written)).toEqual({ locator, label });
});

test('a kind of place the style cannot word, or nothing, is not a locator', () => {
  expect(parseLocator('folio 3')).toBeUndefined();
  expect(parseLocator('  ')).toBeUndefined();
});
