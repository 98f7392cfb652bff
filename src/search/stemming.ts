/**
 * The languages Pagefind stems (its `pagefind_stem` crate's Snowball algorithms: Arabic,
 * Armenian, Basque, Catalan, Danish, Dutch, English, Finnish, French, German, Greek, Hindi,
 * Hungarian, Indonesian, Irish, Italian, Lithuanian, Nepali, Norwegian, Portuguese, Romanian,
 * Russian, Serbian, Spanish, Swedish, Tamil, Turkish and Yiddish), by primary language subtag.
 * In any other language a search finds a word only as it is written, not its other forms.
 */
const STEMMED = new Set([
  'ar',
  'hy',
  'eu',
  'ca',
  'da',
  'nl',
  'en',
  'fi',
  'fr',
  'de',
  'el',
  'hi',
  'hu',
  'id',
  'ga',
  'it',
  'lt',
  'ne',
  'no',
  'nb',
  'nn',
  'pt',
  'ro',
  'ru',
  'sr',
  'es',
  'sv',
  'ta',
  'tr',
  'yi',
]);

/** Whether Pagefind finds other forms of a word (`clocks` for `clock`) in this language. */
export function isStemmed(lang: string): boolean {
  return STEMMED.has(lang.toLowerCase().split('-')[0] ?? '');
}

/** The build log's line for the search index's languages without stemming; undefined when every one has it. */
export function stemmingNotice(languages: readonly string[]): string | undefined {
  const unstemmed = languages.filter((lang) => !isStemmed(lang));
  if (unstemmed.length === 0) return undefined;
  return `Search in ${unstemmed.join(', ')}: no stemming for ${unstemmed.length === 1 ? 'this language' : 'these languages'}, so a search finds a word only as it is written, not its other forms.`;
}
