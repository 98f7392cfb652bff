/**
 * Pagefind as the site uses it: the shape of its results and of its entry file, how it
 * escapes page text, and where the build writes its indexes (one per language). The build
 * (write-search-index.ts) and the search page (browser/search-page.ts) share these.
 */

/** A place in an essay's text Pagefind matched, with the heading (or note) it falls under. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; element: string; location: number };
  /** The matched words, as positions among the words of the page's `raw_content`. */
  locations: number[];
  weighted_locations?: Array<{ balanced_score: number; location: number }>;
}

/** The parts of a Pagefind result (`await result.data()`) that the search page uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
  /** The page's indexed text, `<` and `>` escaped: what `locations` count the words of. */
  raw_content?: string;
  /** Where the matched words are, as positions among the words of `raw_content`. */
  locations?: number[];
}

/** Pagefind's `pagefind-entry.json`: one index per page language, and the WebAssembly it is searched with. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** Where, under the base path, the build writes the search indexes: one folder per language. */
export const SEARCH_BUNDLE_PATH = 'pagefind/';

/** The attribute of the search page's root that names the language folders to search. */
export const SEARCH_LANGUAGES_ATTRIBUTE = 'data-languages';

/**
 * The search index an essay in `lang` is in (its folder under `SEARCH_BUNDLE_PATH`): its
 * primary language subtag, lowercased, since a language's dialects share its stemming.
 *
 * @example searchLanguage('fr-CA') // 'fr'
 */
export function searchLanguage(lang: string): string {
  return lang.trim().toLowerCase().split('-')[0] || 'unknown';
}

/** The search indexes of essays in these languages, once each, in order: the value of `SEARCH_LANGUAGES_ATTRIBUTE`. */
export function searchLanguages(langs: readonly string[]): string[] {
  return [...new Set(langs.map(searchLanguage))].sort();
}

/** Page text as written: Pagefind escapes only `<` and `>` in it. */
export const unescapeText = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
