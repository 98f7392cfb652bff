import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../config/options.ts';
import { formatBylineReport, type EssayByline } from './byline-report.ts';
import { formatProblems, type Problem } from './problems.ts';
import { formatSourcingReport, sourcingReportData, type EssaySourcing } from './check-essay.ts';
import { checkEssayFolder, checkOnCompile } from './essay-folder.ts';
import type { ChecksCacheOptions } from './checks-cache.ts';

/** Every author mistake of the essays, as one error: the build stops, the list says what to fix. */
export class EssayProblems extends Error {
  override name = 'EssayProblems';
}

function fail(problems: readonly Problem[]): never {
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  const count = `${problems.length === 1 ? 'a problem' : `${problems.length} problems`}${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`;
  throw new EssayProblems(`The essays have ${count} to fix before the site can be built:\n${formatProblems(problems)}`);
}

/** What the checks found, kept for the reports at the end of the build. */
export interface EssayChecks {
  sourcing: EssaySourcing[];
  bylines: EssayByline[];
  /** The essay file of each slug, by its path from the project root. */
  essayFiles: ReadonlyMap<string, string>;
}

/**
 * Checks the essay files before Astro reads them, so that an author mistake stops the
 * build with `file:line`, what is wrong and how to fix it, instead of a stack trace or,
 * worse, a warning and a site with an essay missing. In `astro dev` the server still
 * starts: each essay's problems stop its own page, on the terminal and in the browser's
 * error overlay, until they are fixed. With `requireSources`, a claim still awaiting its
 * source fails the build.
 */
export function checkEssays(
  root: string,
  config: SiteConfig,
  command: string,
  logger: AstroIntegrationLogger,
  checksCache?: ChecksCacheOptions,
): EssayChecks {
  // In `astro dev`, the essay plugin checks each essay again on every save.
  checkOnCompile(command === 'dev');
  const checksStarted = performance.now();
  const checked = checkEssayFolder(root, { ...config, checksCache });
  // On the process's performance timeline, where `npm run bench` reads it (scripts/bench/build-probe.ts).
  performance.measure('essay checks', { start: checksStarted });
  // Every problem of every essay in one run, so an author fixes them all at once.
  const { problems } = checked;
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const stops = problems.length > warnings.length || (config.strict && warnings.length > 0);
  if (stops && command === 'dev') logger.error(`The essays have problems to fix:\n${formatProblems(problems)}`);
  else if (stops) fail(problems);
  if (warnings.length > 0 && !stops) {
    logger.warn(
      `${warnings.length === 1 ? 'A warning' : `${warnings.length} warnings`} (STRICT=1 makes them fail the build):\n${formatProblems(warnings)}`,
    );
  }
  if (checked.counts && checked.counts.reused > 0) {
    const { checked: made, reused } = checked.counts;
    logger.info(`Essays checked: ${made} of ${made + reused} (${reused} unchanged since the last build, checked then).`);
  }
  // A draft is built nowhere: one line each, so an author who forgot the flag sees why a page is missing.
  for (const draft of checked.drafts) logger.info(`Draft, not published: ${draft} (draft: true in its frontmatter).`);
  if (config.requireSources && command === 'build') {
    const awaiting: Problem[] = checked.sourcing.flatMap(({ file, summary }) =>
      summary.awaiting.map((note) => ({
        file,
        ...(note.line ? { line: note.line } : {}),
        ...(note.column ? { column: note.column } : {}),
        message: `note ${note.number} awaits a source${note.needed ? `: ${note.needed}` : '.'}`,
        fix: 'add the source to the frontmatter `sources:` or to a `bibliography:` file, and cite it with <Footnote source="key" />.',
      })),
    );
    if (awaiting.length > 0) fail(awaiting);
  }
  return { sourcing: checked.sourcing, bylines: checked.bylines, essayFiles: checked.essayFiles };
}

/**
 * At the end of a build: the byline report (the essays whose page shows no author or no
 * date), and the sourcing report, note by note in reports/ beside the site (sourcing.md and
 * .json), its summary in the log.
 */
export function reportEssayChecks(
  checks: EssayChecks,
  { root, outDir, config }: { root: string; outDir: string; config: SiteConfig },
): string[] {
  const lines: string[] = [];
  // A notice, not a warning: an essay may rightly name no author or give no date, and
  // `strict` must not push an author to invent one (src/authoring/byline-report.ts).
  const bylineReport = formatBylineReport(checks.bylines);
  if (bylineReport) lines.push(bylineReport);
  if (checks.sourcing.length === 0) return lines;
  // The note-by-note list goes to files beside the site, not into it, and not all into
  // the log: a site of 500 essays would print thousands of lines.
  const reportDir = join(dirname(outDir), 'reports');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, 'sourcing.md');
  writeFileSync(reportFile, `# Sourcing report\n\n\`\`\`text\n${formatSourcingReport(checks.sourcing)}\n\`\`\`\n`);
  writeFileSync(join(reportDir, 'sourcing.json'), `${JSON.stringify(sourcingReportData(checks.sourcing), null, 2)}\n`);
  lines.push(formatSourcingReport(checks.sourcing, { full: config.requireSources, reportFile: relative(root, reportFile) }));
  return lines;
}
