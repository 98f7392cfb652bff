/**
 * What counts as a match: the words of a query as Pagefind reads them, and how a word of an
 * essay stands to each (the word itself, or only close to it), so the search page shows
 * only the results that hold what was searched for.
 */
import { unescapeText, type PagefindResultData } from './pagefind-index.ts';

/**
 * How an essay's word stands to a word searched for: the word itself (the same word, a
 * longer one it begins, or the word with another ending: the same stem), or only a word
 * close to it.
 */
export type Match = 'word' | 'near';

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

/** A word as it is compared: lowercased, without accents. */
export const fold = (text: string): string => text.normalize('NFD').replace(ACCENTS, '').normalize('NFC').toLowerCase();

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
  return (
    [...new Intl.Segmenter(language, { granularity: 'word' }).segment(query)]
      // A segment with a letter or a digit is a word, whatever isWordLike says: Firefox 140's
      // segmenter calls 鉄道 ("railway"), alone, no word, which left nothing to search for.
      .filter((segment) => segment.isWordLike || /[\p{L}\p{N}]/u.test(segment.segment))
      .map((segment) => segment.segment)
      .join(' ')
  );
}

/** The forms of a word of the page: whole ("git-absorb" is `gitabsorb`) and its parts (`git`, `absorb`). */
function forms(word: string): string[] {
  const folded = fold(unescapeText(word));
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
export const bestMatch = (word: string, terms: readonly string[]): Match | undefined =>
  terms.reduce<Match | undefined>((best, term) => better(best, wordMatch(word, term)), undefined);

/** The words of the page's text, in the order Pagefind numbers them. */
export function pageWords(data: PagefindResultData): string[] {
  const text = data.raw_content ?? '';
  // Pagefind separates the words of scripts written without spaces with zero-width spaces.
  return text.includes('\u200B') ? text.split('\u200B') : text.split(/[^\S\uFEFF]+/);
}

/** The page's words at `locations`. */
export const wordsAt = (words: readonly string[], locations: readonly number[]): string[] =>
  locations.flatMap((location) => (words[location] === undefined ? [] : [words[location]]));

/** The words Pagefind matched on the page; its title and standfirst when it says none (a match in its metadata only). */
export function matchedWords(data: PagefindResultData): string[] {
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
