import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKED_FACTS } from './accessibility-statement.ts';

let fingerprint: string | undefined;

/**
 * A digest of this integration's code (every file under src/, and the package's version), for
 * what the build keeps between builds (the downloads, the essay pages): a change to the code,
 * even without a new version while developing, makes all of it stale.
 */
export function codeFingerprint(): string {
  const src = resolve(import.meta.dirname, '..');
  // The facts `npm pack` writes beside the code are data for the accessibility statement, a page
  // Astro renders on every build. Written while a site is built twice (the tests pack the
  // package beside the builds), they would make the second build take nothing from the first.
  fingerprint ??= folderFingerprint(src, resolve(src, '../package.json'), [fileURLToPath(PACKED_FACTS)]);
  return fingerprint;
}

/** A digest of `manifest`'s bytes and of every file under `folder` but those `leftOut` (absolute paths), by path and bytes. */
export function folderFingerprint(folder: string, manifest: string, leftOut: readonly string[] = []): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(manifest));
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !leftOut.includes(file))
    .sort();
  for (const file of files) hash.update(file.slice(folder.length).split(sep).join('/')).update(readFileSync(file));
  return hash.digest('hex');
}
