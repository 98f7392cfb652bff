/**
 * Generates the service worker that keeps the whole site readable offline, in the
 * staging folder, after the search index is written (issue 7, part 1).
 *
 * Workbox's `getManifest` lists every file of the finished site with a revision (the
 * hash of its content; none for content-hashed names), leaving out the downloads and the
 * social cards; esbuild bundles src/offline/browser/service-worker.ts with Workbox into one
 * minified `sw.js`, and the list takes the place of `self.__WB_MANIFEST`, as Workbox's
 * own `injectManifest` does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
// getManifest from its own module: workbox-build's index also loads generateSW and
// injectManifest (Rollup, Babel), 330 ms of every build's start-up for code never run here.
import { getManifest } from 'workbox-build/build/get-manifest.js';
import type { ManifestEntry } from 'workbox-build';
import { CONTENT_HASHED_PATH, SERVICE_WORKER_FILE, isDownload } from './offline-routes.ts';
import { SOCIAL_CARD_DIR } from '../publishing/social-card.ts';

export interface ServiceWorkerOptions {
  /** The base path, `/` or `/sub/`. */
  base: string;
}

export interface ServiceWorkerResult {
  /** How many files the service worker precaches. */
  count: number;
  /** How many bytes it downloads to precache them, at most once per build. */
  bytes: number;
  /** How many files the whole site has (downloads and sw.js included), to compare. */
  siteCount: number;
  /** Their size in bytes. */
  siteBytes: number;
}

const SOURCE = resolve(import.meta.dirname, 'browser/service-worker.ts');
const MANIFEST_PLACEHOLDER = 'self.__WB_MANIFEST';

export async function writeServiceWorker(siteDir: string, options: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: siteDir,
    globPatterns: ['**/*'],
    // The social cards are for link previews, which fetch them from the site, not for readers.
    globIgnores: [SERVICE_WORKER_FILE, `${SOCIAL_CARD_DIR}/**`],
    // Hashed names are their own revision: no second hash, no cache-busting query.
    dontCacheBustURLsMatching: CONTENT_HASHED_PATH,
    // Workbox leaves out files over 2 MB by default, with a warning: an essay's large
    // image would then be missing offline. Every file of the site is precached.
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    // The downloads are copies of the pages: fetched when a reader asks for one.
    manifestTransforms: [(entries) => ({ manifest: entries.filter((entry) => !isDownload(entry.url)), warnings: [] })],
  });
  if (warnings.length > 0) throw new Error(`The service worker's precache is incomplete: ${warnings.join('; ')}`);
  const entries = manifestEntries ?? [];

  const bundle = await build({
    entryPoints: [SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
    define: {
      // Workbox logs every decision unless it is built for production.
      'process.env.NODE_ENV': '"production"',
      __SITE_BASE__: JSON.stringify(options.base),
      __BUILD_ID__: JSON.stringify(buildId(entries)),
    },
  });
  const source = bundle.outputFiles[0]?.text ?? '';
  if (source.split(MANIFEST_PLACEHOLDER).length !== 2) {
    throw new Error(`${SOURCE} must use ${MANIFEST_PLACEHOLDER} exactly once, where the precache list goes.`);
  }
  writeFileSync(
    join(siteDir, SERVICE_WORKER_FILE),
    source.replace(MANIFEST_PLACEHOLDER, () => JSON.stringify(entries)),
  );

  const site = siteFiles(siteDir);
  return { count, bytes: size, siteCount: site.length, siteBytes: site.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** The precache list written into a built `sw.js`, for tests and reports. */
export function readPrecacheManifest(serviceWorker: string): ManifestEntry[] {
  const list = /\[\{"url":.*?\}\]/s.exec(serviceWorker);
  if (!list) throw new Error('No precache list found in the service worker.');
  return JSON.parse(list[0]) as ManifestEntry[];
}

/** A short hash of the precache list: any changed file of the site changes it. */
function buildId(entries: readonly ManifestEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
}

function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
