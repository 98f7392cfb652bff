import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The folder a build writes into before the site is complete: beside the output folder, on
 * the same file system, so publishing is one rename and a failed build leaves the previous
 * site exactly as it was. Removed when the process ends without publishing it, however the
 * build ended (an author's mistake, a crash in Astro, Ctrl-C).
 */
export function createStaging(outDir: string): { dir: string; publish: () => void; discard: () => void } {
  mkdirSync(dirname(outDir), { recursive: true });
  const dir = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-staging-`));
  const discard = () => rmSync(dir, { recursive: true, force: true });
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
      forget();
    },
    discard: () => {
      discard();
      forget();
    },
  };
}

/** Swaps the finished staging folder into place, so `outDir` is never half written. */
function publish(from: string, to: string): void {
  // mkdtemp makes the staging folder 0700: a copy that keeps modes (rsync -a, scp -p, a
  // tarball) would be unreadable to the web server's user. The site is public: 0755/0644.
  makeReadable(from);
  const previous = `${from}-previous`;
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
