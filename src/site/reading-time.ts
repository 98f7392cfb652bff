/** Words per minute for an adult reading continuous prose on screen. */
const WORDS_PER_MINUTE = 230;

/** Counts words in MDX source, ignoring frontmatter, tags, expressions and Markdown marks. */
export function countWords(mdx: string): number {
  const prose = mdx
    .replace(/^---[\s\S]*?\n---/, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_>`[\]()|-]+/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read, never less than one. */
export function readingMinutes(mdx: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(countWords(mdx) / wordsPerMinute));
}
