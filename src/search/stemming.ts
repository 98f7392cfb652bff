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

/**
 * The build log's line on the search index's languages: which Pagefind stems (a search for
 * `clock` finds `clocks`), and which it indexes without stemming (a word is found only as it
 * is written).
 */
export function searchLanguagesNotice(languages: readonly string[]): string {
  const stemmed = languages.filter(isStemmed);
  const unstemmed = languages.filter((lang) => !isStemmed(lang));
  // Only the parts that name a language: "stemmed en; without stemming none" said nothing.
  const parts = [
    ...(stemmed.length > 0 ? [`stemmed ${stemmed.join(', ')}`] : []),
    ...(unstemmed.length > 0
      ? [`without stemming ${unstemmed.join(', ')}: there a search finds a word only as it is written, not its other forms`]
      : []),
  ];
  return `Search languages: ${parts.join('; ')}.`;
}
