import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AXE_RULE_TAGS, AXE_VIEWPORTS, REFLOW_WIDTHS, type ColourScheme } from './accessibility-audits.ts';

/** A tool the audits run, at the version the lock file installs. */
export interface AuditTool {
  name: string;
  version: string;
}

/** A page audited by pa11y-ci in another state than as loaded: its address and the steps taken first. */
export interface AuditedState {
  url: string;
  actions: string[];
}

/**
 * What the accessibility statement says of how the site is tested: every fact read from
 * the project's own files (`.pa11yci.json`, the lock file, src/publishing/accessibility-audits.ts),
 * none typed into the page, so the statement says what the tests do.
 */
export interface StatementFacts {
  pa11y: { tool: AuditTool; standard: string; runners: AuditTool[]; states: AuditedState[] };
  axe: { tool: AuditTool; ruleTags: readonly string[]; viewports: typeof AXE_VIEWPORTS; reflowWidths: readonly number[] };
  /** What drives Chromium for the audits and browser tests. */
  browserDriver: AuditTool;
  /** The Nu Html Checker, when the project installs it. */
  htmlChecker: AuditTool | undefined;
  /** The project's version, and the commit when the build ran in a git checkout. */
  version: string;
  commit: string | undefined;
  /** The build's date, YYYY-MM-DD (UTC). */
  builtOn: string;
}

interface LockFile {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> } | undefined>;
}

interface Pa11yConfig {
  defaults: { standard?: string; runners?: string[] };
  urls?: Array<string | { url: string; actions?: unknown[] }>;
}

/** The package each of pa11y's runners audits with, as pa11y names it in its dependencies. */
const RUNNER_PACKAGES: Record<string, { name: string; dependency: string }> = {
  htmlcs: { name: 'HTML_CodeSniffer', dependency: '@pa11y/html_codesniffer' },
  axe: { name: 'axe-core', dependency: 'axe-core' },
};

/**
 * The installed version of `name` as seen from the package at `from` (a lock file key such
 * as `node_modules/pa11y`, or `''` for the project), resolved the way Node resolves it: the
 * nearest `node_modules/<name>` walking up from `from`.
 */
export function lockedVersion(lock: LockFile, name: string, from = ''): string {
  let folder = from;
  for (;;) {
    const version = lock.packages[`${folder ? `${folder}/` : ''}node_modules/${name}`]?.version;
    if (version) return version;
    if (!folder) throw new Error(`package-lock.json has no ${name}${from ? ` for ${from}` : ''}: run npm install.`);
    const parent = folder.lastIndexOf('/node_modules/');
    folder = parent === -1 ? '' : folder.slice(0, parent);
  }
}

/** The statement's facts from the files' contents; `now` is the build's time. */
export function statementFacts({
  pa11yConfig,
  lock,
  version,
  commit,
  now,
}: {
  pa11yConfig: Pa11yConfig;
  lock: LockFile;
  version: string;
  commit: string | undefined;
  now: Date;
}): StatementFacts {
  const pa11yFolder = 'node_modules/pa11y';
  const runners = (pa11yConfig.defaults.runners ?? ['htmlcs']).map((runner) => {
    const known = RUNNER_PACKAGES[runner];
    if (!known)
      throw new Error(`.pa11yci.json runs "${runner}", which the accessibility statement cannot describe: add it to RUNNER_PACKAGES.`);
    return { name: known.name, version: lockedVersion(lock, known.dependency, pa11yFolder) };
  });
  const states = (pa11yConfig.urls ?? []).map((entry) =>
    typeof entry === 'string'
      ? { url: entry, actions: [] }
      : { url: entry.url, actions: (entry.actions ?? []).filter((action) => typeof action === 'string') },
  );
  const hasVnu = lock.packages['node_modules/vnu-jar'] !== undefined;
  return {
    pa11y: {
      tool: { name: 'pa11y-ci', version: lockedVersion(lock, 'pa11y-ci') },
      standard: pa11yConfig.defaults.standard ?? 'WCAG2AA',
      runners,
      states,
    },
    axe: {
      tool: { name: 'axe-core', version: lockedVersion(lock, 'axe-core') },
      ruleTags: AXE_RULE_TAGS,
      viewports: AXE_VIEWPORTS,
      reflowWidths: REFLOW_WIDTHS,
    },
    browserDriver: { name: 'Puppeteer', version: lockedVersion(lock, 'puppeteer-core') },
    htmlChecker: hasVnu ? { name: 'Nu Html Checker', version: lockedVersion(lock, 'vnu-jar') } : undefined,
    version,
    commit,
    builtOn: now.toISOString().slice(0, 10),
  };
}

/** The current commit's short hash, or undefined outside a git checkout (a tarball of the project). */
function currentCommit(root: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Where a packed Essay Press keeps the facts of its own tests (written by `npm pack`, scripts/write-audit-facts.ts). */
export const PACKED_FACTS = new URL('./audit-facts.json', import.meta.url);

/**
 * The statement's facts for the site at `root`, as built now: from the project's own test
 * configuration when it has one (Essay Press's repository, or a site that keeps its own
 * audits), otherwise from the facts Essay Press's package was released with, which are the
 * tests its pages passed.
 */
export function siteStatementFacts(root: string, now = new Date()): StatementFacts {
  const own = ['package.json', '.pa11yci.json', 'package-lock.json'].every((file) => existsSync(join(root, file)));
  if (own || !existsSync(PACKED_FACTS)) return readStatementFacts(root, now);
  const packed = JSON.parse(readFileSync(PACKED_FACTS, 'utf8')) as StatementFacts;
  return { ...packed, builtOn: now.toISOString().slice(0, 10) };
}

/** The statement's facts for the project at `root`, as built now. */
export function readStatementFacts(root = process.cwd(), now = new Date()): StatementFacts {
  const read = (file: string): unknown => {
    const path = join(root, file);
    if (!existsSync(path))
      throw new Error(
        `The accessibility statement says how the site is tested from ${file}, which is missing. Fix: restore it (git checkout -- ${file}).`,
      );
    return JSON.parse(readFileSync(path, 'utf8'));
  };
  const { version } = read('package.json') as { version: string };
  return statementFacts({
    pa11yConfig: read('.pa11yci.json') as Pa11yConfig,
    lock: read('package-lock.json') as LockFile,
    version,
    commit: currentCommit(root),
    now,
  });
}

/** "axe-core 4.14.1" */
export function toolWithVersion({ name, version }: AuditTool): string {
  return `${name} ${version}`;
}

/** The audited viewports grouped by width, in the order first met: `[{ width: 375, schemes: ['light', 'dark'] }, …]`. */
export function viewportsByWidth(viewports: StatementFacts['axe']['viewports']): Array<{ width: number; schemes: ColourScheme[] }> {
  const byWidth = new Map<number, ColourScheme[]>();
  for (const { width, scheme } of viewports) byWidth.set(width, [...(byWidth.get(width) ?? []), scheme]);
  return [...byWidth].map(([width, schemes]) => ({ width, schemes }));
}
