/**
 * Runs pa11y-ci (htmlcs and axe, WCAG 2 AA) over every page of a built site, served on
 * 127.0.0.1, in the system Chromium. The URL list is made from the built files, so a new
 * essay is audited without editing anything. Extra runs of a page in another state (with
 * pa11y actions) come from the `urls` of .pa11yci.json, written relative to the site; `{word}`
 * in them stands for a word the site's search finds, taken from its first essay (a run that
 * needs one is left out when the site has no essays).
 *
 *   node scripts/audit-a11y.ts [dist]      exit 0 only when every page was audited with zero issues
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { requireBrowser } from './lib/browser.ts';
import { searchWords } from './lib/essay-words.ts';
import { listPages } from '../src/publishing/pages.ts';
import { extraRuns, type UrlEntry } from './lib/pa11y-extra-runs.ts';
import { auditFailures, type Pa11yReport } from './lib/pa11y-report.ts';
import { serveDirectory } from './lib/static-server.ts';

const root = resolve(import.meta.dirname, '..');

/** Audits the site in `distDir` (served under `base`); resolves to the list of failures. */
export async function auditSite(
  distDir: string,
  base = '/',
  { extraRuns: withExtraRuns = true } = {},
): Promise<{ failures: string[]; audited: string[] }> {
  const config = JSON.parse(readFileSync(join(root, '.pa11yci.json'), 'utf8')) as { defaults: Record<string, unknown>; urls?: UrlEntry[] };
  const server = await serveDirectory(distDir, base);
  // The system's temporary folder: the project's .tmp/ does not exist on a fresh clone.
  const scratch = mkdtempSync(join(tmpdir(), 'essay-pa11y-'));
  try {
    const pageUrls = listPages(distDir).map((page) => new URL(page, server.url).href);
    const extra = withExtraRuns ? extraRuns(config.urls ?? [], server.url, searchWords(distDir)[0]) : [];
    const urls: UrlEntry[] = [...pageUrls, ...extra];
    const chromeLaunchConfig = { ...(config.defaults['chromeLaunchConfig'] as object), executablePath: requireBrowser() };
    const configFile = join(scratch, 'pa11yci.json');
    writeFileSync(configFile, JSON.stringify({ ...config, defaults: { ...config.defaults, chromeLaunchConfig }, urls }, null, 2));
    const pa11yCi = join(root, 'node_modules/pa11y-ci/bin/pa11y-ci.js');
    const { stdout } = await promisify(execFile)(process.execPath, [pa11yCi, '--config', configFile, '--json'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      // pa11y-ci exits 2 when it found issues; its JSON report is still on stdout.
      if (error.stdout?.trim().startsWith('{')) return { stdout: error.stdout };
      throw new Error(`pa11y-ci did not run: ${error.stderr || error.message}`);
    });
    const report = JSON.parse(stdout) as Pa11yReport;
    const expected = urls.map((entry) => (typeof entry === 'string' ? entry : entry.url));
    return { failures: auditFailures(report, expected), audited: Object.keys(report.results) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await server.close();
  }
}

if (import.meta.main) {
  const distDir = resolve(root, process.argv[2] ?? 'dist');
  const { failures, audited } = await auditSite(distDir, process.env['BASE_PATH']);
  if (failures.length > 0) {
    console.error(`Accessibility audit failed (${failures.length}):\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`Accessibility audit passed: ${audited.length} page run(s), zero issues (pa11y-ci, htmlcs + axe, WCAG2AA).`);
  }
}
