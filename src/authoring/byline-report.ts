/** What an essay's frontmatter gives for the byline at the top of its page. */
export interface EssayByline {
  file: string;
  /** Whether it names at least one author (`authors:`). */
  authors: boolean;
  /** Whether it gives a date (`published:` or `updated:`). */
  dated: boolean;
}

/** The byline facts of one essay, from its frontmatter as written (dates still text). */
export function essayByline(file: string, frontmatter: Readonly<Record<string, unknown>>): EssayByline {
  const authors = frontmatter['authors'];
  const given = (value: unknown) => value instanceof Date || (typeof value === 'string' && value.trim() !== '');
  return {
    file,
    authors: Array.isArray(authors) && authors.some(given),
    dated: given(frontmatter['published']) || given(frontmatter['updated']),
  };
}

/** In the build log, at most this many essays are named; the rest are counted. */
const LISTED_ESSAYS = 10;

/**
 * A notice for the build log naming the essays whose page shows no author or no date, or
 * undefined when every essay has both. It is not a warning, and STRICT does not make it
 * fail the build: an essay may rightly have neither (the author is not known, the date was
 * not kept), and the fix for a missing author is never to invent one.
 *
 *   Byline report
 *     content/essays/a.mdx: no author, no date
 *     1 of 3 essays shows no author or no date. Where they are known, add authors: and published: …
 */
export function formatBylineReport(essays: readonly EssayByline[]): string | undefined {
  const missing = essays.filter((essay) => !essay.authors || !essay.dated);
  if (missing.length === 0) return undefined;
  const lines = ['Byline report'];
  for (const { file, authors, dated } of missing.slice(0, LISTED_ESSAYS)) {
    lines.push(`  ${file}: ${[authors ? [] : ['no author'], dated ? [] : ['no date']].flat().join(', ')}`);
  }
  if (missing.length > LISTED_ESSAYS) lines.push(`  …and ${missing.length - LISTED_ESSAYS} more essays without an author or a date.`);
  const count = `${missing.length} of ${essays.length} essay${essays.length === 1 ? '' : 's'}`;
  lines.push(
    `  ${count} ${missing.length === 1 ? 'shows' : 'show'} no author or no date. Where they are known, add authors: and published: to the frontmatter; where they are not, leave them out rather than guess.`,
  );
  return lines.join('\n');
}
