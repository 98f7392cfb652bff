import { mdxToMdast } from 'satteri';
import { readFrontmatter, slugOf, type EssaySource, type Problem } from './essay-checks.ts';
import { sourceSchema } from './essay-schema.ts';
import { analyzeEssay, componentsInOrder, summarizeSourcing, type EssayStructure, type SourcingSummary } from './essay-structure.ts';
import { checkEssayTree } from './essay-rules/index.ts';
import { idPrefix } from './ids.ts';

/** The site an essay's links are checked against. */
export interface SiteAddresses {
  /** The base path, starting and ending with `/`. */
  base: string;
  /** Every address of the site below the base (`''`, `search/`, `essays/on-time/`); undefined not to check internal links. */
  pages: ReadonlySet<string> | undefined;
}

export interface EssaySourcing {
  file: string;
  summary: SourcingSummary;
  problems: Problem[];
}

/**
 * Reads one essay file the way the build will (same parser, same analysis) to check its
 * notes and scenarios, run the rules of src/lib/essay-rules/ on its text, and count what
 * still awaits a source. MDX that does not parse is left to the build, which reports it
 * with its own line and column.
 */
export function analyzeEssayFile(essay: EssaySource, site: SiteAddresses = { base: '/', pages: undefined }): EssaySourcing | undefined {
  let tree: ReturnType<typeof mdxToMdast>;
  try {
    tree = mdxToMdast(essay.source);
  } catch {
    return undefined;
  }
  if (tree.type !== 'root') return undefined;
  // Mistakes in the sources themselves are reported by the frontmatter checks.
  const sources = sourceSchema.array().safeParse(readFrontmatter(essay.source)['sources'] ?? []);
  const slug = slugOf(essay);
  const structure = analyzeEssay(componentsInOrder(tree), {
    file: essay.file,
    idPrefix: idPrefix(slug),
    sources: sources.success ? sources.data : [],
  });
  const links = { base: site.base, page: `essays/${slug}/`, componentIds: componentIds(structure, idPrefix(slug)), pages: site.pages };
  const findings: Problem[] = checkEssayTree(tree, { links }).map(({ line, column, message, fix, severity }) => ({
    file: essay.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message,
    fix,
    ...(severity === 'warning' ? { severity } : {}),
  }));
  const problems = [...structure.problems, ...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { file: essay.file, summary: summarizeSourcing(structure), problems };
}

/** The ids the essay's components give on its page, which a `#fragment` may point to. */
function componentIds({ notes, scenarios, figures }: EssayStructure, prefix: string): Set<string> {
  return new Set([
    ...notes.notes.flatMap((note) => [note.id, ...note.references.map((reference) => reference.id)]),
    ...(notes.notes.length > 0 ? [`${prefix}notes`] : []),
    ...scenarios.lists.flatMap((list) => list.scenarios.map((scenario) => scenario.id)),
    ...figures.figures.map((figure) => figure.id),
  ]);
}

/**
 * The editor's view of what is left to source, one block per essay:
 *
 *   content/essays/a.mdx: 8 notes, 2 cite a source, 1 remark, 5 await a source
 *     note 3 (line 14): The Kremlin statement quoted.
 */
export function formatSourcingReport(essays: readonly EssaySourcing[]): string {
  const lines = ['Sourcing report'];
  for (const { file, summary } of essays) {
    const { notes, sourced, remarks, awaiting } = summary;
    lines.push(`  ${file}: ${notes} note${notes === 1 ? '' : 's'}, ${sourced} cite a source, ${remarks} remark${remarks === 1 ? '' : 's'}, ${awaiting.length} await a source`);
    for (const note of awaiting) {
      lines.push(`    note ${note.number}${note.line ? ` (${file}:${note.line})` : ''}: ${note.needed ?? 'no description of what is needed'}`);
    }
  }
  const total = essays.reduce((sum, essay) => sum + essay.summary.awaiting.length, 0);
  lines.push(total === 0 ? '  Every claim with a note has its source.' : `  ${total} claim${total === 1 ? '' : 's'} await${total === 1 ? 's' : ''} a source. Set REQUIRE_SOURCES=1 to fail the build until none do.`);
  return lines.join('\n');
}
