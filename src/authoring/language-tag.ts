import tags from 'language-tags';

/**
 * Whether `tag` is a language tag whose every subtag is in IANA's Language Subtag Registry
 * (RFC 5646), read with `language-tags`: `en`, `fr-CA`, `zh-Hant` are; `zz-qq`, well formed
 * but naming no language, is not. Checked before the build, not at every page, so the registry
 * stays out of the site's own bundle.
 */
export function isRegisteredLanguage(tag: string): boolean {
  return tags(tag).valid();
}

/** The problem with a language tag, for an author: undefined when it is a registered one. */
export function languageTagProblem(tag: string): string | undefined {
  if (isRegisteredLanguage(tag)) return undefined;
  return `"${tag}" is not a language in the IANA registry of language tags`;
}
