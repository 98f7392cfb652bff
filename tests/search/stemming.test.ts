import { expect, test } from 'vitest';
import { isStemmed, stemmingNotice } from '../../src/search/stemming.ts';

test('Pagefind stems English, German, Russian…, by primary subtag; not Hebrew, Polish or Japanese', () => {
  for (const lang of ['en', 'en-GB', 'de', 'ru', 'fr-CA', 'nb']) expect(isStemmed(lang), lang).toBe(true);
  for (const lang of ['he', 'pl', 'ja', 'zh-Hant']) expect(isStemmed(lang), lang).toBe(false);
});

test('the build log names the languages a search cannot find other forms of a word in, and says nothing otherwise', () => {
  expect(stemmingNotice(['en', 'de'])).toBeUndefined();
  expect(stemmingNotice(['en', 'he'])).toBe(
    'Search in he: no stemming for this language, so a search finds a word only as it is written, not its other forms.',
  );
});
