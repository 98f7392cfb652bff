/**
 * A source as a note or the list of sources gives it: HTML made by the essay's citation style
 * (src/sources/format-citations.ts), in its language, safe to write into the page.
 */
export type FormattedCitation = string;

/** `2025-04-11` (string or Date) → `11 April 2025` in `lang`; anything else unchanged. */
export function formatDate(value: string | Date | undefined, lang: string): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}
