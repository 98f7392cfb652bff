import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Another build is writing the same site now: this one stops before touching its folder. */
export class StagingBusy extends Error {}

/**
 * The folder a build writes into before the site is complete: beside the output folder, on
 * the same file system, so publishing is one rename and a failed build leaves the previous
 * site exactly as it was. Removed when the process ends without publishing it, however the
 * build ended (an author's mistake, a crash in Astro, Ctrl-C).
 *
 * Its name is the same on every build (`.dist-staging` for `dist`): Astro writes the pages' code
 * into it and Node keeps each module's compiled code by its path (its compile cache, which
 * `astro` turns on), so a folder named afresh each time made every build compile those modules
 * from nothing and leave one more cache entry per module behind, for good. A lock file beside it
 * (`.dist-staging.lock`, the build's process id) keeps two builds of one site out of each other's way.
 */
export function createStaging(outDir: string): { dir: string; publish: () => void; discard: () => void } {
  mkdirSync(dirname(outDir), { recursive: true });
  const dir = join(dirname(outDir), `.${basename(outDir)}-staging`);
  const lock = `${dir}.lock`;
  claim(lock, dir);
  // Left by a build that was killed before it could clear up (SIGKILL, a power cut).
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const release = () => rmSync(lock, { force: true });
  const discard = () => {
    rmSync(dir, { recursive: true, force: true });
    release();
  };
  // The build ended without publishing and without saying why in our words (Astro failed
  // while bundling or rendering, and has said what): the last line says what became of dist/.
  const abandon = () => {
    discard();
    process.stderr.write(`\nBuild failed. Nothing was written to ${outDir}.\n`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    discard();
    process.kill(process.pid, signal);
  };
  process.once('exit', abandon);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forget = () => {
    process.off('exit', abandon);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    dir,
    publish: () => {
      publish(dir, outDir);
      release();
      forget();
    },
    discard: () => {
      discard();
      forget();
    },
  };
}

/**
 * Takes the lock for this process, or stops: a lock whose process still runs is another build
 * of the same site; one whose process has ended was left by a build that was killed.
 */
function claim(lock: string, dir: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number.parseInt(readOrEmpty(lock), 10);
    if (holder !== process.pid && processIsRunning(holder))
      throw new StagingBusy(
        `Another build (process ${holder}) is writing this site in ${dir}. Wait for it to finish, or stop it; if no build is running, delete ${lock}.`,
      );
    rmSync(lock, { force: true });
  }
}

/** Whether a process of this id runs now (a lock's holder, say). */
export function processIsRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Swaps the finished staging folder into place, so `outDir` is never half written. */
function publish(from: string, to: string): void {
  // The staging folder is the site: whatever the umask made of it, a copy that keeps modes
  // (rsync -a, scp -p, a tarball) must be readable to the web server's user. 0755/0644.
  makeReadable(from);
  const previous = `${from}-previous`;
  // Left by a build killed between the two renames below.
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(to)) renameSync(to, previous);
  renameSync(from, to);
  rmSync(previous, { recursive: true, force: true });
}

/** Folders 0755 and files 0644 throughout `dir`, whatever the umask made of them. */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}
