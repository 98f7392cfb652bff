/**
 * How the build makes a language's search index: the same for the index the search step makes
 * (write-search-index.ts) and for one a rebuild begins while Astro renders (early-search-index.ts),
 * so that a page is indexed the same either way.
 */
import * as pagefind from 'pagefind';

/**
 * What is never essay text, even inside an essay's `data-pagefind-body`: navigation (the
 * table of contents is a `nav`). Note markers, sidenote and preview copies and back-links
 * carry `data-pagefind-ignore` where they are rendered.
 */
export const SEARCH_EXCLUDE_SELECTORS = ['nav'];

/** A new index in Pagefind's process for the essays in `language` (one language per index: its stemmer and WebAssembly). */
export async function newSearchIndex(language: string): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE_SELECTORS, forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}
