import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { acquireBuildLock as acquireProjectBuildLock } from '../../scripts/lib/build-lock.ts';
import { IMPORT_META_ENV_NAMES } from '../../src/config/environment.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Astro's own command line: every test build is `astro build`, as `npm run build` is (which adds
 * only a Node option for speed, docs/architecture.md).
 */
export const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * The environment of a shell, not of a test worker: without Vitest's own variables and the
 * `import.meta.env` values it sets (`NODE_ENV=test`, `BASE_URL=/`…), which Astro would read
 * over its own. For every Astro build, dev server or nested test run a test starts.
 */
export function shellEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TINYPOOL)/.test(name) && !IMPORT_META_ENV_NAMES.includes(name)),
  );
}

/**
 * Longer than a test's build takes on a loaded machine, and short enough that a second run
 * still ends within a test's 120 s (vitest.config.ts). A site of hundreds of essays asks for more.
 */
const BUILD_TIMEOUT_MS = 75_000;

export interface BuildResult {
  /** The process exit code: 0 for success. */
  status: number | null;
  /** stdout and stderr together, colours removed. */
  output: string;
  /** stdout and stderr together, as written (a non-TTY pipe, as in CI or a log file). */
  rawOutput: string;
  /** Where the site was (or would have been) written, in a scratch folder the caller removes. */
  outDir: string;
}

/**
 * Runs the real build (`astro build`, as `npm run build` does) in a child process, into a fresh
 * folder under `.tmp/`, with its own content cache. `env` sets ESSAYS_DIR, BASE_PATH…
 * (`undefined` removes a variable, such as the NO_COLOR set here); `config` names another
 * Astro config file than the project's, for options no variable sets (`strings`).
 */
export function buildSite(
  env: Record<string, string | undefined> = {},
  { timeoutMs = BUILD_TIMEOUT_MS, config }: { timeoutMs?: number; config?: string } = {},
): BuildResult {
  const scratch = mkdtempSync(join(ROOT, '.tmp', 'test-'));
  const outDir = join(scratch, 'dist');
  const build = () =>
    withBuildLock(() =>
      spawnSync(process.execPath, [ASTRO, 'build', ...(config ? ['--config', config] : [])], {
        cwd: ROOT,
        encoding: 'utf8',
        env: definedOnly({ ...shellEnv(), NO_COLOR: '1', FORCE_COLOR: '0', OUT_DIR: outDir, CACHE_DIR: join(scratch, 'cache'), ...env }),
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      }),
    );
  let result = build();
  // Seen on a loaded 2-core machine, about once in a hundred builds: astro's process.exit()
  // waited forever on V8's background compiler threads in Node's platform shutdown, after the
  // build had finished and said all it had to say (nodejs/node#54918, open). A build that
  // outlives the timeout is run once more, not waited on.
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    console.warn(`astro build (${JSON.stringify(env)}) did not exit within ${timeoutMs / 1000} s: run once more.`);
    result = build();
  }
  // The content cache is only needed while building.
  rmSync(join(scratch, 'cache'), { recursive: true, force: true });
  const rawOutput = `${result.stdout}\n${result.stderr}`;
  // eslint-disable-next-line no-control-regex
  const output = rawOutput.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output, rawOutput, outDir };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Runs one build at a time in this project (see `acquireBuildLock`). */
function withBuildLock<T>(run: () => T): T {
  const release = acquireBuildLock();
  try {
    return run();
  } finally {
    release();
  }
}

/** Takes the build lock (waiting for it), for work that runs Astro itself, such as a dev server; returns its release. */
export function acquireBuildLock(): () => void {
  return acquireProjectBuildLock(ROOT);
}
