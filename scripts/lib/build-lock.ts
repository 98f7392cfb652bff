import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIsRunning } from '../../src/publishing/staging.ts';

/**
 * Takes the project's build lock (waiting for it) for work that runs Astro itself: a build,
 * a dev server; returns its release. One build at a time in a project, across test files,
 * Vitest processes and the benchmark: Astro writes the list of content modules to the
 * project's own `.astro/` folder whatever the output and cache folders are, so two builds of
 * different essay folders at once can render with each other's list
 * ("UnknownContentCollectionError").
 */
export function acquireBuildLock(root: string): () => void {
  const lock = join(root, '.tmp', 'build.lock');
  const owner = join(lock, 'pid');
  const deadline = Date.now() + 10 * 60_000;
  mkdirSync(join(root, '.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isAbandoned(lock, owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Another build has held ${lock} for ten minutes.`, { cause: error });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  return () => rmSync(lock, { recursive: true, force: true });
}

/** Whether the process holding the lock has gone (killed mid-build), so the lock may be taken. */
function isAbandoned(lock: string, owner: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(owner, 'utf8'));
  } catch {
    // Taken a moment ago and its owner not yet written; or left empty by a crash.
    try {
      return Date.now() - statSync(lock).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  // Held by this very process, which asks again: a test that timed out left it taken (the
  // tests of one file run one after another, so no other use of it is under way here).
  return pid === process.pid || !processIsRunning(pid);
}
