import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkEncoding, checkEssays, formatProblems, readFrontmatter, slugOf, type EssaySource, type Problem } from '../lib/essay-checks.ts';
import { settings } from '../lib/settings.ts';
import { analyzeEssayFile, formatSourcingReport, sourcingReportData, type EssaySourcing } from '../lib/sourcing.ts';

/** Every file under `dir`, in a stable order. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Every address of the site below its base path, for the link checks: its own pages,
 * the files of public/, and each essay that will be built (drafts are not).
 */
function sitePages(root: string, essays: readonly EssaySource[]): Set<string> {
  const publicDir = join(root, 'public');
  const publicFiles = existsSync(publicDir) ? listFiles(publicDir).map((path) => relative(publicDir, path).split(sep).join('/')) : [];
  const published = essays.filter((essay) => readFrontmatter(essay.source)['draft'] !== true).map((essay) => `essays/${slugOf(essay)}/`);
  return new Set(['', 'search/', '404.html', 'manifest.webmanifest', ...publicFiles, ...published]);
}

function fail(problems: readonly Problem[]): never {
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  const count = `${problems.length === 1 ? 'a problem' : `${problems.length} problems`}${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`;
  throw new Error(`The essays have ${count} to fix before the site can be built:\n${formatProblems(problems)}`);
}

/**
 * Checks the essay files before Astro reads them, so that an author mistake stops the
 * build with `file:line`, what is wrong and how to fix it, instead of a stack trace or,
 * worse, a warning and a site with an essay missing. At the end of a build, writes the
 * sourcing report note by note to reports/ beside the site (sourcing.md and .json) and
 * prints its summary; with REQUIRE_SOURCES=1, a claim still awaiting its source fails it.
 */
export default function essayChecks(): AstroIntegration {
  let sourcing: EssaySourcing[] = [];
  let root = process.cwd();
  return {
    name: 'essay-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        // Not `config.root.pathname`: that is percent-encoded ("My%20Essays"), not a path.
        root = fileURLToPath(config.root);
        const dir = join(root, settings().essaysDir);
        const files = listFiles(dir);
        // A file that is not UTF-8 is reported as such, and not read as text at all.
        const unreadable: Problem[] = [];
        const essays: EssaySource[] = files
          .filter((path) => path.endsWith('.mdx'))
          .flatMap((path) => {
            const bytes = readFileSync(path);
            const encoding = checkEncoding(relative(root, path), bytes);
            if (encoding) unreadable.push(encoding);
            return encoding ? [] : [{ file: relative(root, path), relativePath: relative(dir, path), source: bytes.toString('utf8') }];
          });
        const otherFiles = files.filter((path) => !path.endsWith('.mdx')).map((path) => relative(root, path));
        const site = { base: settings().base, pages: sitePages(root, essays) };
        sourcing = essays.map((essay) => analyzeEssayFile(essay, site)).filter((result) => result !== undefined);
        // Every problem of every essay in one run, so an author fixes them all at once.
        const problems = [...unreadable, ...checkEssays(essays, otherFiles), ...sourcing.flatMap((essay) => essay.problems)];
        const warnings = problems.filter((problem) => problem.severity === 'warning');
        if (problems.length > warnings.length || (settings().strict && warnings.length > 0)) fail(problems);
        if (warnings.length > 0) {
          logger.warn(`${warnings.length === 1 ? 'A warning' : `${warnings.length} warnings`} (STRICT=1 makes them fail the build):\n${formatProblems(warnings)}`);
        }
        if (settings().requireSources) {
          const awaiting: Problem[] = sourcing.flatMap(({ file, summary }) =>
            summary.awaiting.map((note) => ({
              file,
              ...(note.line ? { line: note.line } : {}),
              message: `note ${note.number} awaits a source${note.needed ? `: ${note.needed}` : '.'}`,
              fix: 'cite the source with <Footnote source="id" /> and add it to the frontmatter sources.',
            })),
          );
          if (awaiting.length > 0) fail(awaiting);
        }
      },
      'astro:build:done': ({ logger }) => {
        if (sourcing.length === 0) return;
        // The note-by-note list goes to files beside the site, not into it, and not all into
        // the log: a site of 500 essays would print thousands of lines.
        const reportDir = join(dirname(resolve(root, settings().outDir)), 'reports');
        mkdirSync(reportDir, { recursive: true });
        const reportFile = join(reportDir, 'sourcing.md');
        writeFileSync(reportFile, `# Sourcing report\n\n\`\`\`text\n${formatSourcingReport(sourcing)}\n\`\`\`\n`);
        writeFileSync(join(reportDir, 'sourcing.json'), `${JSON.stringify(sourcingReportData(sourcing), null, 2)}\n`);
        logger.info(`\n${formatSourcingReport(sourcing, { full: settings().requireSources, reportFile: relative(root, reportFile) })}`);
      },
    },
  };
}
