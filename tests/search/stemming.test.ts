import { expect, test } from 'vitest';
import { isStemmed, searchLanguagesNotice } from '../../src/search/stemming.ts';

test('Pagefind stems English, German, Russian…, by primary subtag; not Hebrew, Polish or Japanese', () => {
  for (const lang of ['en', 'en-GB', 'de', 'ru', 'fr-CA', 'nb']) expect(isStemmed(lang), lang).toBe(true);
  for (const lang of ['he', 'pl', 'ja', 'zh-Hant']) expect(isStemmed(lang), lang).toBe(false);
});

test('the build log names the languages search stems and those it indexes without stemming, in one line', () => {
  expect(searchLanguagesNotice(['ar', 'el', 'ja'])).toBe(
    'Search languages: stemmed ar, el; without stemming ja: there a search finds a word only as it is written, not its other forms.',
  );
  expect(searchLanguagesNotice(['de', 'en'])).toBe('Search languages: stemmed de, en.');
  expect(searchLanguagesNotice(['he'])).toBe(
    'Search languages: without stemming he: there a search finds a word only as it is written, not its other forms.',
  );
});
