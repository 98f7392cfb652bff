import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

let fingerprint: string | undefined;

/**
 * A digest of this integration's code (every file under src/, and the package's version), for
 * what the build keeps between builds (the downloads, the essay pages): a change to the code,
 * even without a new version while developing, makes all of it stale.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const src = resolve(import.meta.dirname, '..');
  const hash = createHash('sha256');
  hash.update(readFileSync(resolve(src, '../package.json')));
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(src.length).split(sep).join('/')).update(readFileSync(file));
  fingerprint = hash.digest('hex');
  return fingerprint;
}
