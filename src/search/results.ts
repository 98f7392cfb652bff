/**
 * What a search found across the language indexes: which results to load, the essays to
 * list, and the sentence that announces them. Pure functions, like the rest of src/search/
 * outside browser/, so the wording and the choice of results are tested without a browser.
 */
import type { Labels } from '../strings/labels.ts';
import type { PagefindResultData } from './pagefind-index.ts';
import { toSearchHit, type SearchHit } from './search-hit.ts';
import { queryFor, queryTerms, type Match } from './word-match.ts';

/**
 * How many matching essays are listed at once, each one fetch of its text (a Pagefind
 * fragment, about 3.5 KB): on a site of 500 essays that all hold the word, the first search
 * was 278 ms and 141 KiB listing 20, and 250 ms and 107 KiB listing 10 (npm run bench --
 * <dir> --only search). Ten is a search engine's first page; a reader wanting more adds a word.
 */
export const RESULTS_SHOWN = 10;

/** A result of one language's index, in the order of all results by score; `data` once loaded. */
export interface RankedResult {
  language: string;
  data: PagefindResultData | undefined;
}

/**
 * Which results (by position, best first) to load the text of: those that can be listed,
 * and the best of each language's index, which stands for the rest of that index (see
 * `searchOutcome`).
 */
export function resultsToLoad(ranked: ReadonlyArray<{ language: string }>, shown = RESULTS_SHOWN): Set<number> {
  const load = new Set<number>();
  const languages = new Set<string>();
  ranked.forEach(({ language }, position) => {
    if (position < shown || !languages.has(language)) load.add(position);
    languages.add(language);
  });
  return load;
}

export interface SearchOutcome {
  /** The essays to list: those with the words searched for, best first, then those with close words. */
  hits: SearchHit[];
  /** How many essays hold the words searched for. */
  found: number;
  /** How many of them are listed. */
  shown: number;
  /** How many essays hold only words close to them. */
  near: number;
}

/**
 * What a search found, from its results in the order of their scores. A result whose text
 * was not loaded (past those listed) is taken to match as the best loaded result of its
 * language's index does: Pagefind matches a word searched for the same way on every page of
 * one index (with the indexed words that begin with its stem, or failing any, with one word
 * its stem begins with).
 */
export function searchOutcome(ranked: readonly RankedResult[], opening: string, query: string, shown = RESULTS_SHOWN): SearchOutcome {
  const hits = ranked.map(({ language, data }) =>
    data === undefined ? undefined : toSearchHit(data, opening, queryTerms(queryFor(language, query))),
  );
  const byLanguage = new Map<string, Match | undefined>();
  ranked.forEach(({ language, data }, position) => {
    if (data !== undefined && !byLanguage.has(language)) byLanguage.set(language, hits[position]?.match);
  });
  const matches = ranked.map(({ language, data }, position) => (data === undefined ? byLanguage.get(language) : hits[position]?.match));
  const listed = (match: Match) => hits.filter((hit): hit is SearchHit => hit?.match === match);
  const words = listed('word').slice(0, shown);
  return {
    hits: [...words, ...listed('near')].slice(0, shown),
    found: matches.filter((match) => match === 'word').length,
    shown: words.length,
    near: matches.filter((match) => match === 'near').length,
  };
}

/** What the status line says, and a screen reader announces, once a search has finished. */
export function searchStatus(labels: Labels, outcome: SearchOutcome, query: string): string {
  const found = labels.searchResults(outcome.found, query, outcome.shown);
  if (outcome.near === 0) return found;
  const near = labels.searchNearResults(outcome.near, query, outcome.found);
  return outcome.found === 0 ? near : `${found} ${near}`;
}
