import type { Source } from '../authoring/essay-schema.ts';

/** A source's parts, formatted for display in the essay's language. */
export interface FormattedCitation {
  author: string | undefined;
  title: string;
  publisher: string | undefined;
  date: string | undefined;
  url: string | undefined;
  accessed: string | undefined;
}

/** `2025-04-11` (string or Date) → `11 April 2025` in `lang`; anything else unchanged. */
export function formatDate(value: string | Date | undefined, lang: string): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

export function formatCitation(source: Source, lang: string): FormattedCitation {
  return {
    author: source.author,
    title: source.title,
    publisher: source.publisher,
    date: formatDate(source.date, lang),
    url: source.url,
    accessed: formatDate(source.accessed, lang),
  };
}
