/**
 * What the search page shows for a query, made from Pagefind's results: pure functions,
 * so the wording and the choice of sections are tested without a browser.
 */

/** A place in an essay's text Pagefind matched, with the heading (or note) it falls under. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; element: string; location: number };
  locations: number[];
  weighted_locations?: Array<{ balanced_score: number; location: number }>;
}

/** The parts of a Pagefind result (`await result.data()`) that the search page uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

/** A run of excerpt text, marked when it is one of the words searched for. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface SearchSection {
  /** The section's heading, "Note 2", or the start of the essay. */
  label: string;
  url: string;
  excerpt: ExcerptPart[];
}

/** One essay that matched: its title and standfirst, and the sections where the words are. */
export interface SearchHit {
  title: string;
  standfirst: string | undefined;
  url: string;
  sections: SearchSection[];
}

/** Where, under the base path, the build writes the index and Pagefind's search code. */
export const SEARCH_BUNDLE_PATH = 'pagefind/';

/** How many sections of one essay are listed; the rest are one click away on the page. */
const SECTIONS_PER_ESSAY = 3;

/**
 * Splits a Pagefind excerpt into text and marked words. Pagefind escapes only `<` and `>`
 * in page text and wraps matches in `<mark>`, so nothing here is ever parsed as HTML.
 *
 * @example parseExcerpt('2,200 <mark>drones</mark> at') // [{ text: '2,200 ', marked: false }, { text: 'drones', marked: true }, { text: ' at', marked: false }]
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
    const marked = piece.startsWith('<mark>');
    const text = (marked ? piece.slice('<mark>'.length, -'</mark>'.length) : piece).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (text !== '') parts.push({ text, marked });
  });
  return parts;
}

/**
 * An excerpt without the heading Pagefind puts at its start ("Heading. Text…", or
 * "Heading? Text…"), which the result already shows as the section's link. The heading's
 * words may be marked too, so it is cut across runs.
 */
export function withoutHeading(parts: ExcerptPart[], heading: string): ExcerptPart[] {
  const text = parts.map((part) => part.text).join('');
  // Pagefind ends the heading with a full stop unless it already ends in punctuation.
  const prefix = /[.?!:…]$/.test(heading) ? `${heading} ` : `${heading}. `;
  if (!text.startsWith(prefix)) return parts;
  let cut = prefix.length;
  const rest: ExcerptPart[] = [];
  for (const part of parts) {
    if (cut >= part.text.length) {
      cut -= part.text.length;
      continue;
    }
    rest.push(cut > 0 ? { text: part.text.slice(cut), marked: part.marked } : part);
    cut = 0;
  }
  return rest;
}

function bestScore(section: PagefindSubResult): number {
  return Math.max(0, ...(section.weighted_locations ?? []).map((location) => location.balanced_score));
}

/**
 * The display form of one result: the essay's title and standfirst (from the page's
 * metadata), and up to `maxSections` of the sections where the words were found, the
 * best matches chosen and then listed in the order they come in the essay.
 */
export function toSearchHit(data: PagefindResultData, opening: string, maxSections = SECTIONS_PER_ESSAY): SearchHit {
  const title = data.meta['title']?.trim() || data.url;
  const chosen = [...data.sub_results]
    .sort((a, b) => bestScore(b) - bestScore(a))
    .slice(0, maxSections)
    .sort((a, b) => (a.anchor?.location ?? -1) - (b.anchor?.location ?? -1));
  const sections: SearchSection[] = chosen.map((section) => ({
    // Without an anchor the match is before the first heading, and Pagefind repeats the page title.
    label: section.anchor ? section.title : opening,
    url: section.url,
    excerpt: section.anchor ? withoutHeading(parseExcerpt(section.excerpt), section.title) : parseExcerpt(section.excerpt),
  }));
  if (sections.length === 0) sections.push({ label: opening, url: data.url, excerpt: parseExcerpt(data.excerpt) });
  return { title, standfirst: data.meta['standfirst']?.trim() || undefined, url: data.url, sections };
}

/** How many matching essays are listed at once; a short essay site rarely has more. */
export const RESULTS_SHOWN = 20;

/** The query in a search page address (`?q=drones`), trimmed; empty when there is none. */
export function queryFromSearch(search: string): string {
  return new URLSearchParams(search).get('q')?.trim() ?? '';
}

/** The `languages` of Pagefind's `pagefind-entry.json`: one index per page language. */
export type PagefindLanguages = Record<string, { page_count: number }>;

/**
 * The language indexes to merge into a search, so essays in every language are found.
 * Pagefind opens one index: the page's language, or its primary subtag, or else the
 * language with the most pages (its `findIndex`); every other index is merged in.
 *
 * @example languagesToMerge({ en: { page_count: 3 }, fr: { page_count: 1 } }, 'en') // ['fr']
 */
export function languagesToMerge(languages: PagefindLanguages, pageLang: string): string[] {
  const codes = Object.keys(languages);
  const lang = pageLang.toLowerCase();
  const opened =
    codes.find((code) => code === lang) ??
    codes.find((code) => code === lang.split('-')[0]) ??
    [...codes].sort((a, b) => (languages[b]?.page_count ?? 0) - (languages[a]?.page_count ?? 0))[0];
  return codes.filter((code) => code !== opened);
}
