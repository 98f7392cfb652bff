import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { mdxToMdast } from 'satteri';
import { essayFrontmatter, slugOf, type EssaySource, type Problem } from './problems.ts';
import { essaySources, type SiteSources } from '../sources/essay-sources.ts';
import { cslLocaleFor, FALLBACK_LOCALE } from '../sources/format-citations.ts';
import { analyzeEssay, componentsInOrder, summarizeSourcing, type EssayStructure, type SourcingSummary } from '../essay/structure.ts';
import { ASSET_EXTENSIONS, checkEssayTree } from './rules/index.ts';
import type { ImportKind } from './rules/essay-code.ts';
import { idPrefix } from '../essay/ids.ts';

/** The site an essay's links are checked against. */
export interface SiteAddresses {
  /** The base path, starting and ending with `/`. */
  base: string;
  /** Every address of the site below the base (`''`, `search/`, `essays/on-time/`); undefined not to check internal links. */
  pages: ReadonlySet<string> | undefined;
  /** The folder essay paths are relative to, to look for the images they name; without it, images are not looked for. */
  root?: string;
  /** Essays may run code when the site is built (the `runEssayCode` option): off unless every author is trusted. */
  runEssayCode?: boolean;
  /** The site's bibliography files and citation style. */
  sources?: SiteSources;
  /** Whether a file is there, by its absolute path: `existsSync` unless the caller keeps a record of what was asked. */
  exists?: (path: string) => boolean;
}

export interface EssaySourcing {
  file: string;
  summary: SourcingSummary;
  problems: Problem[];
  /** The CSL locale its citations are worded in, and whether it is English for want of the essay's language. */
  citationLocale?: { lang: string; locale: string; fallback: boolean };
}

/**
 * Reads one essay file the way the build will (same parser, same analysis) to check its
 * notes and scenarios, run the rules of src/authoring/rules/ on its text, and count what
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
  // Mistakes in the frontmatter's sources are reported by the frontmatter checks; those in
  // bibliography files and styles here, at their file's line.
  const cited = essaySources({
    root: site.root ?? process.cwd(),
    file: essay.file,
    frontmatter: essayFrontmatter(essay),
    source: essay.source,
    site: site.sources ?? { bibliography: [] },
  });
  const sources = cited.sources;
  const slug = slugOf(essay);
  const structure = analyzeEssay(componentsInOrder(tree), {
    file: essay.file,
    idPrefix: idPrefix(slug),
    sources,
  });
  const links = { base: site.base, page: `essays/${slug}/`, componentIds: componentIds(structure, idPrefix(slug)), pages: site.pages };
  const { root, exists = existsSync } = site;
  const fileExists = root === undefined ? undefined : (url: string) => exists(resolve(root, dirname(essay.file), url));
  const code = site.runEssayCode ? false : root === undefined ? undefined : { importKind: importKindFor(root, essay.file) };
  const findings: Problem[] = checkEssayTree(tree, {
    links,
    ...(fileExists ? { fileExists } : {}),
    ...(code !== undefined ? { code } : {}),
  }).map(({ line, column, message, fix, severity }) => ({
    file: essay.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message,
    fix,
    ...(severity === 'warning' ? { severity } : {}),
  }));
  const problems = [...cited.problems, ...structure.problems, ...findings].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const summary = summarizeSourcing(structure);
  return { file: essay.file, summary, problems, ...(summary.sourced > 0 ? { citationLocale: citationLocale(essay) } : {}) };
}

/**
 * The CSL locale an essay's citations are worded in. Asked only of an essay that cites: the
 * locales are Citation.js's, and an essay without a citation need not load it (some 100 modules,
 * 80 ms of a rebuild's checks, on the build's thread before Astro starts).
 */
function citationLocale(essay: EssaySource): NonNullable<EssaySourcing['citationLocale']> {
  const lang = String(essayFrontmatter(essay)['lang'] ?? 'en');
  const locale = cslLocaleFor(lang);
  return { lang, locale: locale ?? FALLBACK_LOCALE, fallback: locale === undefined };
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

/** How much of the sourcing report to give. */
export interface SourcingReportOptions {
  /**
   * Every essay and every note awaiting a source (the report file, and the build log with
   * REQUIRE_SOURCES=1); otherwise only the essays with a claim awaiting a source, at most
   * ten, and the total, so the log of a large site stays short.
   */
  full?: boolean;
  /** Where the note-by-note report was written, named at the end of a short report. */
  reportFile?: string;
}

/** In the short report, at most this many essays are named. */
const SHORT_REPORT_ESSAYS = 10;

/**
 * The editor's view of what is left to source, one line per essay, and in full each note:
 *
 *   content/essays/a.mdx: 8 notes, 2 cite a source, 1 remark, 5 await a source
 *     note 3 (content/essays/a.mdx:14): The Kremlin statement quoted.
 */
export function formatSourcingReport(essays: readonly EssaySourcing[], { full = true, reportFile }: SourcingReportOptions = {}): string {
  const lines = ['Sourcing report'];
  const listed = full ? essays : essays.filter((essay) => essay.summary.awaiting.length > 0);
  for (const { file, summary } of full ? listed : listed.slice(0, SHORT_REPORT_ESSAYS)) {
    const { notes, sourced, fromBibliography, fromFrontmatter, remarks, awaiting } = summary;
    const origins = sourced > 0 ? ` (${fromBibliography} from a bibliography, ${fromFrontmatter} from the frontmatter)` : '';
    lines.push(
      `  ${file}: ${notes} note${notes === 1 ? '' : 's'}, ${sourced} cite a source${origins}, ${remarks} remark${remarks === 1 ? '' : 's'}, ${awaiting.length} await a source`,
    );
    if (!full) continue;
    for (const note of awaiting) {
      lines.push(
        `    note ${note.number}${note.line ? ` (${file}:${note.line})` : ''}: ${note.needed ?? 'no description of what is needed'}`,
      );
    }
  }
  if (!full && listed.length > SHORT_REPORT_ESSAYS)
    lines.push(`  …and ${listed.length - SHORT_REPORT_ESSAYS} more essays with claims awaiting a source.`);
  const total = essays.reduce((sum, essay) => sum + essay.summary.awaiting.length, 0);
  lines.push(
    total === 0
      ? `  Every claim with a note has its source (${essays.length} essay${essays.length === 1 ? '' : 's'}).`
      : `  ${total} claim${total === 1 ? '' : 's'} await${total === 1 ? 's' : ''} a source in ${listed.length} of ${essays.length} essay${essays.length === 1 ? '' : 's'}. Set REQUIRE_SOURCES=1 to fail the build until none do.`,
  );
  if (!full && total > 0 && reportFile) lines.push(`  Note by note: ${reportFile}`);
  const english = essays.filter((essay) => essay.citationLocale?.fallback);
  if (english.length > 0)
    lines.push(
      `  Citations in English, as no CSL locale has the essay's language: ${english.map((essay) => `${essay.file} (${essay.citationLocale?.lang})`).join(', ')}.`,
    );
  return lines.join('\n');
}

/** The sourcing report as data, for tools: each essay's counts and the notes awaiting a source. */
export function sourcingReportData(essays: readonly EssaySourcing[]) {
  return {
    essays: essays.map(({ file, summary }) => ({
      file,
      ...summary,
      awaiting: summary.awaiting.map((note) => ({ ...note, line: note.line ?? null, needed: note.needed ?? null })),
    })),
    awaiting: essays.reduce((sum, essay) => sum + essay.summary.awaiting.length, 0),
  };
}

/** The site's own components, which an essay may import by a relative path. */
const SITE_COMPONENTS = 'src/components';

/**
 * What a relative import of the essay at `file` names: an image beside the essay, or an
 * `.astro` component in the site's components folder (src/components/); anything else is
 * code, which an essay may not run.
 */
function importKindFor(root: string, file: string): (specifier: string) => ImportKind | undefined {
  const components = resolve(root, SITE_COMPONENTS);
  return (specifier) => {
    const path = specifier.split('?')[0] ?? specifier;
    if (path !== specifier) return undefined;
    if (ASSET_EXTENSIONS.test(path)) return 'asset';
    const target = resolve(root, dirname(file), path);
    const inside = relative(components, target);
    return path.endsWith('.astro') && !inside.startsWith('..') && !inside.startsWith(sep) ? 'component' : undefined;
  };
}

/**
 * An essay whose MDX does not parse, reported as every other mistake is (the essay's path
 * from the project, its line and column, a fix) before the build starts, instead of by the
 * bundler, which names the file by its absolute path and says only "Build failed".
 */
export function mdxSyntaxProblem(essay: EssaySource): Problem | undefined {
  try {
    mdxToMdast(essay.source);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const [, line, column, message = text] = /^(\d+):(\d+): (.*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/s.exec(text) ?? [];
    return {
      file: essay.file,
      ...(line ? { line: Number(line) } : {}),
      ...(column ? { column: Number(column) } : {}),
      message: `the MDX does not parse: ${message.replace(/\.?$/, '.')}`,
      fix: 'close every element you open (<div>…</div>), quote every attribute value (name="value"), and write a { or < that is text as \\{ or \\<.',
    };
  }
}
