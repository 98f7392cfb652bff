import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  checkEncoding,
  checkEssays,
  checkFileNames,
  checkFileTypes,
  checkFrontmatter,
  checkUniqueSlugs,
  essayFrontmatter,
  rememberFrontmatter,
  slugOf,
  type EssaySource,
  type Problem,
} from './problems.ts';
import { EssayChecksCache, type CheckCounts, type ChecksCacheOptions, type EssayFindings } from './checks-cache.ts';
import { essayByline, type EssayByline } from './byline-report.ts';
import { listPagePath, paginate } from '../site/pagination.ts';
import { STATEMENT_PATH } from '../publishing/site-files.ts';
import { analyzeEssayFile, mdxSyntaxProblem, type EssaySourcing } from './check-essay.ts';

/** Every file under `dir`, in a stable order. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The essays folder as the checks read it. */
interface EssayFolder {
  essays: EssaySource[];
  /** Files that are not MDX, by their path from the project root. */
  otherFiles: string[];
  /** Essays that are not UTF-8, reported as such and not read as text at all. */
  unreadable: Problem[];
}

function readEssayFolder(root: string, essaysDir: string): EssayFolder {
  const dir = join(root, essaysDir);
  const files = listFiles(dir);
  const unreadable: Problem[] = [];
  const essays = files
    .filter((path) => path.endsWith('.mdx'))
    .flatMap((path): EssaySource[] => {
      const bytes = readFileSync(path);
      const encoding = checkEncoding(relative(root, path), bytes);
      if (encoding) unreadable.push(encoding);
      return encoding ? [] : [{ file: relative(root, path), relativePath: relative(dir, path), source: bytes.toString('utf8') }];
    });
  return { essays, otherFiles: files.filter((path) => !path.endsWith('.mdx')).map((path) => relative(root, path)), unreadable };
}

/**
 * The essay file of each slug, by its path from the project root (`content/essays/on-time.mdx`),
 * for a message about an essay that later steps know by its slug alone.
 */
export function essayFilesBySlug(root: string, essaysDir: string): Map<string, string> {
  return filesBySlug(readEssayFolder(root, essaysDir).essays);
}

function filesBySlug(essays: readonly EssaySource[]): Map<string, string> {
  return new Map(essays.map((essay) => [slugOf(essay), essay.file]));
}

/**
 * Every address of the site below its base path, for the link checks: its own pages,
 * the files of public/, and each essay that will be built (drafts are not).
 */
function sitePages(root: string, essays: readonly EssaySource[], essaysPerPage: number): Set<string> {
  const publicDir = join(root, 'public');
  const publicFiles = existsSync(publicDir) ? listFiles(publicDir).map((path) => relative(publicDir, path).split(sep).join('/')) : [];
  const published = essays.filter((essay) => essayFrontmatter(essay)['draft'] !== true).map((essay) => `essays/${slugOf(essay)}/`);
  const listPages = paginate(published, essaysPerPage).map((page) => listPagePath(page.number));
  return new Set(['', 'search/', STATEMENT_PATH, '404.html', 'manifest.webmanifest', ...listPages, ...publicFiles, ...published]);
}

export interface FolderCheck {
  /** Every problem, errors and warnings, essay by essay in file order. */
  problems: Problem[];
  /** Each essay's notes, for the sourcing report. */
  sourcing: EssaySourcing[];
  /** Whether each published essay (not a draft) names an author and gives a date, for the byline report. */
  bylines: EssayByline[];
  /** The essays marked `draft: true`, which the build skips. */
  drafts: string[];
  /** The essay file of each slug, by its path from the project root: what `essayFilesBySlug` reads again, from the checks' own reading. */
  essayFiles: Map<string, string>;
}

function bylinesOf(essays: readonly EssaySource[]): EssayByline[] {
  return essays.flatMap((essay) => {
    const frontmatter = essayFrontmatter(essay);
    return frontmatter['draft'] === true ? [] : [essayByline(essay.file, frontmatter)];
  });
}

/**
 * Every check of the essays folder: files, frontmatter, slugs, and each essay's text.
 * With `only` (an absolute path, as on a save in `npm run dev`), the text of that essay
 * alone is analysed, against the whole site's slugs and pages.
 */
export function checkEssayFolder(
  root: string,
  {
    essaysDir,
    base,
    essaysPerPage,
    runEssayCode = false,
    bibliography = [],
    csl,
    checksCache,
  }: {
    essaysDir: string;
    base: string;
    essaysPerPage: number;
    runEssayCode?: boolean;
    bibliography?: readonly string[];
    csl?: string | undefined;
    /** Where the last build's findings are kept, to take those of the essays whose inputs are unchanged (src/authoring/checks-cache.ts). */
    checksCache?: ChecksCacheOptions | undefined;
  },
  only?: string,
): FolderCheck & { counts?: CheckCounts } {
  const { essays, otherFiles, unreadable } = readEssayFolder(root, essaysDir);
  const cache = only === undefined && checksCache ? new EssayChecksCache({ root, ...checksCache }) : undefined;
  for (const essay of cache ? essays : []) {
    const data = cache?.frontmatter(essay);
    if (data) rememberFrontmatter(essay, data);
  }
  const site = { base, pages: sitePages(root, essays, essaysPerPage), root, runEssayCode, sources: { bibliography, csl } };
  if (only !== undefined) {
    const file = relative(root, resolve(only));
    const essay = essays.find((candidate) => candidate.file === file);
    const sourcing = essay ? [analyzeEssayFile(essay, site)].filter((result) => result !== undefined) : [];
    const problems = [
      ...unreadable,
      ...(essay ? checkEssays([essay]) : []),
      ...checkUniqueSlugs(essays),
      ...sourcing.flatMap((result) => result.problems),
    ];
    // The essay's own problems, and those of files that are not essays (its bibliography, the config).
    const isEssay = new Set(essays.map((candidate) => candidate.file));
    return {
      problems: uniqueProblems(problems.filter((problem) => problem.file === file || !isEssay.has(problem.file))),
      sourcing,
      bylines: bylinesOf(essay ? [essay] : []),
      drafts: [],
      essayFiles: filesBySlug(essays),
    };
  }
  cache?.setSite(site.pages);
  const findings = essays.map((essay): EssayFindings => {
    const check = (exists?: (path: string) => boolean): EssayFindings => {
      const sourcing = analyzeEssayFile(essay, exists ? { ...site, exists } : site);
      // Only an essay the analysis could not parse is parsed again, for the syntax error's words and place.
      return { frontmatter: checkFrontmatter(essay), syntax: sourcing ? undefined : mdxSyntaxProblem(essay), sourcing };
    };
    return cache ? cache.findings(essay, essayFrontmatter(essay), check) : check();
  });
  cache?.save();
  const sourcing = findings.flatMap((essay) => essay.sourcing ?? []);
  return {
    // In the order of `checkEssays`, then each essay's text.
    problems: [
      ...unreadable,
      ...checkFileTypes(otherFiles),
      ...checkFileNames(essays),
      ...findings.flatMap((essay) => essay.frontmatter),
      ...checkUniqueSlugs(essays),
      ...findings.flatMap((essay) => essay.syntax ?? []),
      // A site-wide bibliography's problem is found by every essay that reads it: reported once.
      ...uniqueProblems(sourcing.flatMap((essay) => essay.problems)),
    ],
    sourcing,
    bylines: bylinesOf(essays),
    drafts: essays.filter((essay) => essayFrontmatter(essay)['draft'] === true).map((essay) => essay.file),
    essayFiles: filesBySlug(essays),
    ...(cache ? { counts: cache.counts } : {}),
  };
}

let onCompile = false;

/** Whether the essay plugin checks each essay again as it compiles it: in `npm run dev`, on every save. */
export function checksOnCompile(): boolean {
  return onCompile;
}

/** Turned on by the integration when Astro runs the dev server. */
export function checkOnCompile(enabled: boolean): void {
  onCompile = enabled;
}

/** The problems, each once (a site-wide bibliography's are found by every essay). */
function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
