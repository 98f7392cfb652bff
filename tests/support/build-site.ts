import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  /** The process exit code: 0 for success. */
  status: number | null;
  /** stdout and stderr together, colours removed. */
  output: string;
  /** Where the site was (or would have been) written, in a scratch folder the caller removes. */
  outDir: string;
}

/**
 * Runs the real build script (`npm run build`'s) in a child process, into a fresh
 * folder under `.tmp/`, with its own content cache. `env` sets ESSAYS_DIR, BASE_PATH…
 */
export function buildSite(env: Record<string, string> = {}): BuildResult {
  const scratch = mkdtempSync(join(ROOT, '.tmp', 'test-'));
  const outDir = join(scratch, 'dist');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', OUT_DIR: outDir, CACHE_DIR: join(scratch, 'cache'), ...env },
  });
  // The content cache is only needed while building.
  rmSync(join(scratch, 'cache'), { recursive: true, force: true });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir };
}
