import { readEssays, searchableWords, type BuiltEssay, type Passage } from '../../scripts/lib/essay-words.ts';

/** A word to search for, and the passage of an essay it must lead to. */
export interface WordToFind {
  essay: BuiltEssay;
  passage: Passage;
  word: string;
  /** In how many passages, titles and standfirsts of the site the word is: 1 when only here. */
  spread: number;
}

/**
 * For each passage of each essay of a built site, its most distinctive word: the one found in
 * the fewest passages, titles and standfirsts of the whole site, the longest of those. Passages
 * without a searchable word are left out. Tests search for these words instead of naming words
 * of one essay, so they hold for whatever essays the site has.
 */
export function wordsToFind(siteDir: string): WordToFind[] {
  const essays = readEssays(siteDir);
  const texts = essays.flatMap((essay) => [essay.title, essay.standfirst, ...essay.passages.map((passage) => passage.text)]);
  const spread = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(searchableWords(text).map((w) => w.toLowerCase()))) spread.set(word, (spread.get(word) ?? 0) + 1);
  }
  const rarity = (word: string) => spread.get(word.toLowerCase()) ?? 0;
  return essays.flatMap((essay) =>
    essay.passages.flatMap((passage) => {
      const [word] = searchableWords(passage.text).sort((a, b) => rarity(a) - rarity(b) || b.length - a.length);
      return word === undefined ? [] : [{ essay, passage, word, spread: rarity(word) }];
    }),
  );
}
