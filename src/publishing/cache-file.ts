import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file of the build's cache whole or not at all: into a file of its own, then renamed
 * into place, so that a build stopped halfway leaves no half-written file for the next build to
 * read. The process id in the temporary name keeps two builds on one cache apart.
 */
export function writeCacheFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}
