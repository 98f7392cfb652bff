import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT, shellEnv } from '../support/build-site.ts';

/**
 * A new author's first step is to replace the sample essay, or to delete it before writing their
 * own. The site-level tests read whatever essays the site has, so they must pass, unchanged, on a
 * project whose content/essays/ holds other essays, or none: here they run, in a nested Vitest, on
 * a copy of the project whose essays are tests/fixtures/replaced-essays/ (an English essay with
 * notes, sources and scenarios, a German one with a slug of its own, one without sections, and a
 * Russian one, without scenarios, whose headings' ids are in Cyrillic and so percent-encoded in
 * links to them), and on one with no essays at all.
 */
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vitest.config.ts',
  '.pa11yci.json',
  'src',
  'content',
  'public',
  'scripts',
  'tests',
];

/** The tests of the built site that read its essays; browsers and audits are left out, as the slowest. */
const SITE_TESTS = [
  'tests/build/pages.test.ts',
  'tests/build/first-essay.test.ts',
  'tests/build/search-index.test.ts',
  'tests/build/search-page.test.ts',
  'tests/build/components.test.ts',
  'tests/build/base-path.test.ts',
];

interface JsonReport {
  numFailedTests: number;
  numPassedTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

const scratch = mkdtempSync(join(ROOT, '.tmp', 'replace-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test.each([
  {
    name: 'other essays',
    essays: 'tests/fixtures/replaced-essays',
    // Checks that read the site's essays, and ran on these: per section, per reference, per essay.
    ran: [
      'a distinctive word of each section',
      'on every essay of the site',
      'every essay page of the site is indexed',
      'the page lists the essays of the home page and links to each of their sections',
    ],
  },
  {
    name: 'no essays at all',
    essays: undefined,
    ran: ['every essay page of the site is indexed', 'the page lists the essays of the home page and links to each of their sections'],
  },
])(
  'with content/essays/ holding $name, the site-level tests pass, and the sample essay’s own tests are skipped, saying why',
  { timeout: 300_000 },
  ({ name, essays, ran }) => {
    const project = join(scratch, name.replaceAll(' ', '-'));
    for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(project, file), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    rmSync(join(project, 'content/essays'), { recursive: true });
    if (essays) cpSync(join(ROOT, essays), join(project, 'content/essays'), { recursive: true });
    else mkdirSync(join(project, 'content/essays'));

    const reportFile = join(project, 'report.json');
    // The nested run and its builds start from the environment of a shell, not of this worker.
    const env = shellEnv();
    // Bounded: its three builds and the tests take about 15 s on two busy cores.
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--project=site',
        '--reporter=json',
        // Its caches would fill the shared node_modules with entries for a folder that is then removed.
        '--no-cache',
        '--no-fsModuleCache',
        `--outputFile=${reportFile}`,
        ...SITE_TESTS,
      ],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...env, NO_COLOR: '1' },
        timeout: 240_000,
        killSignal: 'SIGKILL',
      },
    );
    const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport) : undefined;
    // What went wrong, from the report when there is one: the tests that failed and why.
    const failures = report?.testResults.flatMap((file) => [
      ...(file.message ? [`${file.name}: ${file.message}`] : []),
      ...file.assertionResults
        .filter((result) => result.status === 'failed')
        .map((result) => `${result.fullName}\n${result.failureMessages.join('\n').slice(0, 1500)}`),
    ]);
    expect(run.status, failures?.join('\n\n') || `${run.stdout}\n${run.stderr}`.slice(-6000)).toBe(0);
    if (!report) throw new Error('The nested run wrote no report.');

    expect(report.testResults.map((file) => file.name.slice(project.length + 1)).sort()).toEqual([...SITE_TESTS].sort());
    expect(report.numFailedTests).toBe(0);
    const tests = report.testResults.flatMap((file) =>
      file.assertionResults.map((result) => ({ file: file.name.slice(project.length + 1), ...result })),
    );
    // Only the sample essay's own tests are skipped, and their names say why.
    const skipped = tests.filter((result) => result.status !== 'passed');
    expect(skipped.filter((result) => !result.fullName.includes('(skipped: '))).toEqual([]);
    expect(skipped.filter((result) => result.file === 'tests/build/first-essay.test.ts').length).toBeGreaterThan(0);
    for (const check of ran) {
      expect(
        tests.some((result) => result.fullName.includes(check) && result.status === 'passed'),
        check,
      ).toBe(true);
    }
  },
);
