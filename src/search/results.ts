/**
 * What the search page shows for a query, made from Pagefind's results: pure functions,
 * so the wording, the choice of sections and what counts as a match are tested without a
 * browser.
 */
import type { Labels } from '../strings/labels.ts';

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

/**
 * How an essay's word stands to a word searched for: the word itself (the same word, a
 * longer one it begins, or the word with another ending: the same stem), or only a word
 * close to it.
 */
export type Match = 'word' | 'near';

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

/** How many sections of one essay are listed; the rest are one click away on the page. */
const SECTIONS_PER_ESSAY = 3;

/** How many of an essay's close words are named. */
const CLOSE_WORDS_NAMED = 3;

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
    const text = unescape(marked ? piece.slice('<mark>'.length, -'</mark>'.length) : piece);
    if (text !== '') parts.push({ text, marked });
  });
  return parts;
}

const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

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

/** Unmarks the runs whose word is not one searched for, joining the text around them. */
function markOnly(parts: ExcerptPart[], keep: (word: string) => boolean): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const part of parts) {
    const marked = part.marked && keep(part.text);
    const last = out[out.length - 1];
    if (!marked && last && !last.marked) last.text += part.text;
    else out.push({ text: part.text, marked });
  }
  return out;
}

// What counts as the same word. Pagefind matches a word searched for with every indexed
// word that begins with its stem, and, when there is none, with the longest indexed word
// that its stem begins with: "Axolotl" finds "a", "beaver" finds "be". The words of the
// page at the matched places are checked here against the query instead.

/** Letters, digits, combining marks and connectors (`_`): what Pagefind keeps of a word. */
const NOT_WORD = /[^\p{L}\p{N}\p{M}\p{Pc}]+/gu;
/** Accents go, as in Pagefind's search, but for the Japanese voicing marks. */
const ACCENTS = /(?![\u3099\u309A])\p{M}/gu;
/** The shortest shared beginning that makes two words related rather than merely alike. */
const MIN_STEM = 3;
/** The longest ending that one form of a word may have and another not ("-en", "-ies"). */
const MAX_ENDING = 3;

const fold = (text: string): string => text.normalize('NFD').replace(ACCENTS, '').normalize('NFC').toLowerCase();

/**
 * The words of a query as they are compared: lowercased, without accents or punctuation, as
 * Pagefind reads them ("Verhandlungen," is `verhandlungen`, "git-absorb" `gitabsorb`).
 */
export function queryTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map((word) => fold(word).replace(NOT_WORD, ''))
    .filter((term) => term !== '');
}

/** Languages written without spaces between words (Pagefind's list). */
const UNSPACED_LANGUAGES = ['zh', 'ja', 'th'];

/**
 * The query to search the index of `language` with: in a language written without spaces
 * between words, split into its words, as Pagefind does only when the page is in that
 * language (it splits by the page's language, not the index's).
 *
 * @example queryFor('ja', '平和への道') // '平和 へ の 道'
 */
export function queryFor(language: string, query: string): string {
  if (!UNSPACED_LANGUAGES.includes(language) || typeof Intl.Segmenter !== 'function') return query;
  return [...new Intl.Segmenter(language, { granularity: 'word' }).segment(query)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment)
    .join(' ');
}

/** The forms of a word of the page: whole ("git-absorb" is `gitabsorb`) and its parts (`git`, `absorb`). */
function forms(word: string): string[] {
  const folded = fold(unescape(word));
  return [...new Set([folded.replace(NOT_WORD, ''), ...folded.split(NOT_WORD)])].filter((form) => form !== '');
}

function formMatch(form: string, term: string): Match | undefined {
  // The word itself, or a longer one it begins (a word still being typed).
  if (form.startsWith(term)) return 'word';
  const a = [...form];
  const b = [...term];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  if (common < MIN_STEM) return undefined;
  // The same stem with other endings: "Verhandlung" for "Verhandlungen", "negotiating" for
  // "negotiations". A long query may lose a longer ending than a short one.
  const ending = Math.min(MAX_ENDING, Math.floor(b.length / 4));
  if (b.length - common <= ending && a.length - common <= MAX_ENDING) return 'word';
  // Related, but not the word: "study" for "studies", "bridge" for "bridgework".
  return common * 2 >= b.length ? 'near' : undefined;
}

const better = (a: Match | undefined, b: Match | undefined): Match | undefined => (a === 'word' || b === 'word' ? 'word' : (a ?? b));

/**
 * How a word of an essay, as written there ("Verhandlungen."), stands to a word searched
 * for, given as `queryTerms` gives it: undefined when it is neither that word nor close.
 *
 * @example wordMatch('Verhandlungen.', 'verhandlung') // 'word'
 * @example wordMatch('be', 'beaver') // undefined
 */
export function wordMatch(word: string, term: string): Match | undefined {
  return forms(word).reduce<Match | undefined>((best, form) => better(best, formMatch(form, term)), undefined);
}

/** The best match of a word of the page with any of the words searched for. */
const bestMatch = (word: string, terms: readonly string[]): Match | undefined =>
  terms.reduce<Match | undefined>((best, term) => better(best, wordMatch(word, term)), undefined);

/** The words of the page's text, in the order Pagefind numbers them. */
function pageWords(data: PagefindResultData): string[] {
  const text = data.raw_content ?? '';
  // Pagefind separates the words of scripts written without spaces with zero-width spaces.
  return text.includes('\u200B') ? text.split('\u200B') : text.split(/[^\S\uFEFF]+/);
}

/** The page's words at `locations`. */
const wordsAt = (words: readonly string[], locations: readonly number[]): string[] =>
  locations.flatMap((location) => (words[location] === undefined ? [] : [words[location]]));

/** The words Pagefind matched on the page; its title and standfirst when it says none (a match in its metadata only). */
function matchedWords(data: PagefindResultData): string[] {
  const matched = wordsAt(pageWords(data), data.locations ?? []);
  return matched.length > 0 ? matched : `${data.meta['title'] ?? ''} ${data.meta['standfirst'] ?? ''}`.split(/\s+/);
}

/**
 * Whether a result holds the words searched for (`word`: each of them, or its stem), only
 * words close to them (`near`), or neither (undefined: Pagefind's answer is not shown).
 */
export function resultMatch(data: PagefindResultData, terms: readonly string[]): Match | undefined {
  const words = matchedWords(data);
  const perTerm = terms.map((term) => words.reduce<Match | undefined>((best, word) => better(best, wordMatch(word, term)), undefined));
  if (perTerm.every((match) => match === 'word')) return 'word';
  return perTerm.every((match) => match !== undefined) ? 'near' : undefined;
}

function bestScore(section: PagefindSubResult): number {
  return Math.max(0, ...(section.weighted_locations ?? []).map((location) => location.balanced_score));
}

/** A word as the reader would write it: without the punctuation around it. */
const bare = (word: string): string => unescape(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

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

/** The query in a search page address (`?q=drones`), trimmed; empty when there is none. */
export function queryFromSearch(search: string): string {
  return new URLSearchParams(search).get('q')?.trim() ?? '';
}

/** The key that takes the reader to the search field (`aria-keyshortcuts`). */
export const SEARCH_SHORTCUT = '/';

/** The parts of a `keydown` event that decide whether it is the search shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

/**
 * Whether a key press is the search shortcut: `/` alone, never while the reader is writing
 * in a field (`typing`), and never with Ctrl, Alt or Meta, which belong to the browser, the
 * system and assistive technology. Shift is allowed: on German or French keyboards it is how
 * `/` is typed.
 */
export function isSearchShortcut(press: KeyPress, typing: boolean): boolean {
  return (
    press.key === SEARCH_SHORTCUT &&
    !typing &&
    !press.ctrlKey &&
    !press.altKey &&
    !press.metaKey &&
    press.isComposing !== true &&
    press.defaultPrevented !== true
  );
}
