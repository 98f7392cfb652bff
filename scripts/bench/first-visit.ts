/**
 * What a reader's first visit to one essay costs in the service worker's downloads, the budget
 * of issue 20 (150 KB, whatever the site's size): each file of the precache list written into
 * `sw.js`, the essay page the worker keeps once the reader opens it, and `sw.js` itself, gzipped
 * (-9) as a host that compresses sends them. Read from the built site; the browser test
 * tests/browser/offline-budget.test.ts weighs what Chromium and Firefox actually cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { precachedPath } from '../../src/offline/offline-routes.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';

/** Issue 20: what a first visit may cost the reader in the service worker's downloads, at any site size. */
export const FIRST_VISIT_BUDGET = 150 * 1024;

export interface FirstVisit {
  /** Files downloaded: the precache list, the essay page and sw.js. */
  files: number;
  /** Their bytes, each gzipped on its own. */
  gzip: number;
}

/** The first visit to `page` (`essays/<slug>/`) of the site in `siteDir`; undefined for a site with no service worker. */
export function firstVisit(siteDir: string, page: string): FirstVisit | undefined {
  const worker = join(siteDir, 'sw.js');
  if (!existsSync(worker)) return undefined;
  const shell = readPrecacheManifest(readFileSync(worker, 'utf8')).map((entry) => precachedPath(entry.url));
  const files = [...new Set([...shell, precachedPath(page), 'sw.js'])];
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(siteDir, file)), { level: 9 }).byteLength, 0);
  return { files: files.length, gzip };
}
