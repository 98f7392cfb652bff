import { expect, test } from 'vitest';
import { aroundValue, languageMark } from '../../src/strings/marking.ts';

test('words in another language than their element are marked with its lang and direction', () => {
  expect(languageMark('en', 'ar')).toEqual({ lang: 'en', dir: 'ltr' });
  expect(languageMark('en', 'ja')).toEqual({ lang: 'en', dir: 'ltr' });
  expect(languageMark('ar', 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
});

test('words in the element’s language, whatever its region, are not marked', () => {
  expect(languageMark('ar', 'ar')).toBeUndefined();
  expect(languageMark('ar-EG', 'ar')).toBeUndefined();
  expect(languageMark('en', 'en-GB')).toBeUndefined();
});

test('a label is split around its value, so the value can keep its own language', () => {
  expect(aroundValue((names) => `By ${names}`)).toEqual(['By ', '']);
  expect(aroundValue((names) => `${names} によって`)).toEqual(['', ' によって']);
  expect(aroundValue(() => 'No value')).toBeUndefined();
  expect(aroundValue((names) => `${names} and ${names}`)).toBeUndefined();
});
