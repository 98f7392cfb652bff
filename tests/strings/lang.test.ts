import { expect, test } from 'vitest';
import { textDirection } from '../../src/strings/lang.ts';

test('right-to-left languages and scripts get dir="rtl"', () => {
  expect(textDirection('en')).toBe('ltr');
  expect(textDirection('ar')).toBe('rtl');
  expect(textDirection('he-IL')).toBe('rtl');
  expect(textDirection('az-Arab')).toBe('rtl');
  expect(textDirection('zh-Hant')).toBe('ltr');
});
