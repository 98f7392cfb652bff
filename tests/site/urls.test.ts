import { expect, test } from 'vitest';
import { essayPath, joinBase } from '../../src/site/urls.ts';

test('internal URLs carry the base path', () => {
  expect(joinBase('/', essayPath('a'))).toBe('/essays/a/');
  expect(joinBase('/sub/', '/essays/a/')).toBe('/sub/essays/a/');
  expect(joinBase('/sub', '')).toBe('/sub/');
});
