/**
 * One essay as the search page lists it: its title and standfirst, and the sections where
 * the words searched for (or close ones) are, each with its excerpt.
 */
import { markOnly, parseExcerpt, withoutHeading, type ExcerptPart } from './excerpt.ts';
import { unescapeText, type PagefindResultData, type PagefindSubResult } from './pagefind-index.ts';
import { bestMatch, fold, matchedWords, pageWords, resultMatch, wordsAt, type Match } from './word-match.ts';

/** One section of a listed essay: its label, its address and its excerpt. */
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
  /** `near` when the essay has only words close to those searched for: nothing is marked then. */
  match: Match;
  /** For a near match, the essay's words that are close to the query, as written. */
  closeWords: string[];
  sections: SearchSection[];
}

/** How many sections of one essay are listed; the rest are one click away on the page. */
const SECTIONS_PER_ESSAY = 3;

/** How many of an essay's close words are named. */
const CLOSE_WORDS_NAMED = 3;

function bestScore(section: PagefindSubResult): number {
  return Math.max(0, ...(section.weighted_locations ?? []).map((location) => location.balanced_score));
}

/** A word as the reader would write it: without the punctuation around it. */
const bare = (word: string): string => unescapeText(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * The display form of one result, or undefined when it holds neither the words searched
 * for nor words close to them (`resultMatch`): the essay's title and standfirst (from the
 * page's metadata), and up to `maxSections` of the sections where the words were found, the
 * best matches chosen and then listed in the order they come in the essay. Only the words
 * searched for are marked: in an essay with only close words, none is.
 */
export function toSearchHit(
  data: PagefindResultData,
  opening: string,
  terms: readonly string[],
  maxSections = SECTIONS_PER_ESSAY,
): SearchHit | undefined {
  const match = resultMatch(data, terms);
  if (match === undefined) return undefined;
  const words = pageWords(data);
  const keep = (word: string) => match === 'word' && bestMatch(word, terms) === 'word';
  // The sections that hold what made the essay a match: a word searched for, or a close one.
  const holds = (section: PagefindSubResult) => wordsAt(words, section.locations).some((word) => bestMatch(word, terms) === match);
  const title = data.meta['title']?.trim() || data.url;
  const chosen = data.sub_results
    .filter(holds)
    .sort((a, b) => bestScore(b) - bestScore(a))
    .slice(0, maxSections)
    .sort((a, b) => (a.anchor?.location ?? -1) - (b.anchor?.location ?? -1));
  const sections: SearchSection[] = chosen.map((section) => ({
    // Without an anchor the match is before the first heading, and Pagefind repeats the page title.
    label: section.anchor ? section.title : opening,
    url: section.url,
    excerpt: markOnly(section.anchor ? withoutHeading(parseExcerpt(section.excerpt), section.title) : parseExcerpt(section.excerpt), keep),
  }));
  if (sections.length === 0) sections.push({ label: opening, url: data.url, excerpt: markOnly(parseExcerpt(data.excerpt), keep) });
  const closeWords = new Map<string, string>();
  if (match === 'near') {
    for (const word of matchedWords(data).filter((word) => bare(word) !== '' && bestMatch(word, terms) === 'near')) {
      // Each word once, as it is first written.
      if (!closeWords.has(fold(bare(word)))) closeWords.set(fold(bare(word)), bare(word));
    }
  }
  return {
    title,
    standfirst: data.meta['standfirst']?.trim() || undefined,
    url: data.url,
    match,
    closeWords: [...closeWords.values()].slice(0, CLOSE_WORDS_NAMED),
    sections,
  };
}
