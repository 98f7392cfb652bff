import { expect, test } from 'vitest';
import { isRegisteredLanguage, languageTagProblem } from '../../src/authoring/language-tag.ts';

test('a language tag names a language of the IANA registry, with registered script and region', () => {
  for (const tag of ['en', 'fr-CA', 'zh-Hant', 'sr-Latn-RS', 'ru', 'he', 'ar']) expect(isRegisteredLanguage(tag), tag).toBe(true);
  for (const tag of ['zz-qq', 'zz', 'english', 'en-ZZZ']) expect(isRegisteredLanguage(tag), tag).toBe(false);
  expect(languageTagProblem('zz-qq')).toBe('"zz-qq" is not a language in the IANA registry of language tags');
  expect(languageTagProblem('de')).toBeUndefined();
});
