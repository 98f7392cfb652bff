import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBylineReport, type EssayByline } from '../lib/byline-report.ts';
import { formatProblems, type Problem } from '../lib/essay-checks.ts';
import { settings } from '../lib/settings.ts';
import { formatSourcingReport, sourcingReportData, type EssaySourcing } from '../lib/sourcing.ts';
import { checkEssayFolder, checkOnCompile } from './essay-files.ts';

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
 * It also prints the byline report: the essays whose page shows no author or no date.
 */
export default function essayChecks(): AstroIntegration {
  let sourcing: EssaySourcing[] = [];
  let bylines: EssayByline[] = [];
  let root = process.cwd();
  return {
    name: 'essay-checks',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        // Not `config.root.pathname`: that is percent-encoded ("My%20Essays"), not a path.
        root = fileURLToPath(config.root);
        // In `npm run dev`, the plugin checks each essay again on every save.
        checkOnCompile(command === 'dev');
        const checksStarted = performance.now();
        const checked = checkEssayFolder(root, settings());
        // On the process's performance timeline, where `npm run bench` reads it (scripts/bench/build-probe.ts).
        performance.measure('essay checks', { start: checksStarted });
        sourcing = checked.sourcing;
        bylines = checked.bylines;
        // Every problem of every essay in one run, so an author fixes them all at once.
        const { problems } = checked;
        const warnings = problems.filter((problem) => problem.severity === 'warning');
        const stops = problems.length > warnings.length || (settings().strict && warnings.length > 0);
        // The dev server still starts: each essay's problems stop its own page, on the
        // terminal and in the browser's error overlay, until they are fixed.
        if (stops && command === 'dev') logger.error(`The essays have problems to fix:\n${formatProblems(problems)}`);
        else if (stops) fail(problems);
        if (warnings.length > 0 && !stops) {
          logger.warn(
            `${warnings.length === 1 ? 'A warning' : `${warnings.length} warnings`} (STRICT=1 makes them fail the build):\n${formatProblems(warnings)}`,
          );
        }
        if (settings().requireSources) {
          const awaiting: Problem[] = sourcing.flatMap(({ file, summary }) =>
            summary.awaiting.map((note) => ({
              file,
              ...(note.line ? { line: note.line } : {}),
              ...(note.column ? { column: note.column } : {}),
              message: `note ${note.number} awaits a source${note.needed ? `: ${note.needed}` : '.'}`,
              fix: 'cite the source with <Footnote source="id" /> and add it to the frontmatter sources.',
            })),
          );
          if (awaiting.length > 0) fail(awaiting);
        }
      },
      'astro:build:done': () => {
        // A notice, not a warning: an essay may rightly name no author or give no date, and
        // STRICT must not push an author to invent one (src/lib/byline-report.ts).
        const bylineReport = formatBylineReport(bylines);
        if (bylineReport) console.log(`\n${bylineReport}`);
        if (sourcing.length === 0) return;
        // The note-by-note list goes to files beside the site, not into it, and not all into
        // the log: a site of 500 essays would print thousands of lines.
        const reportDir = join(dirname(resolve(root, settings().outDir)), 'reports');
        mkdirSync(reportDir, { recursive: true });
        const reportFile = join(reportDir, 'sourcing.md');
        writeFileSync(reportFile, `# Sourcing report\n\n\`\`\`text\n${formatSourcingReport(sourcing)}\n\`\`\`\n`);
        writeFileSync(join(reportDir, 'sourcing.json'), `${JSON.stringify(sourcingReportData(sourcing), null, 2)}\n`);
        // Printed as the build's own report: scripts/build.ts keeps Astro's logger to warnings.
        console.log(`\n${formatSourcingReport(sourcing, { full: settings().requireSources, reportFile: relative(root, reportFile) })}`);
      },
    },
  };
}
