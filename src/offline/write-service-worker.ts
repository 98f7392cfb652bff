/**
 * Generates the service worker in the staging folder, after the search index is written
 * (issue 7, part 1; issue 20, the reader's cost).
 *
 * Every file of the finished site is listed with a revision, as Workbox's precache expects (the
 * MD5 of its content; the name itself for content-hashed names), and its size. The files are sorted by
 * src/offline/offline-files.ts: the shell is precached on a first visit (its list takes the
 * place of `self.__WB_MANIFEST` in the worker, as Workbox's own `injectManifest` does); the
 * rest of the site, and the downloads, go into `offline-site.json` with their sizes, for
 * when a reader asks to save the whole site. esbuild bundles
 * src/offline/browser/service-worker.ts with Workbox into one minified `sw.js`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { FileRevisions, md5 } from './file-revisions.ts';
import { CONTENT_HASHED_PATH, SERVICE_WORKER_FILE } from './offline-routes.ts';
import { SITE_LIST_FILE, fileGroup, siteList, type SiteList } from './offline-files.ts';
import { fillOfflineSizes } from './offline-sizes.ts';
import { rewritePage } from '../publishing/pages.ts';
import type { SiteLabels } from '../strings/labels.ts';

export interface ServiceWorkerOptions {
  /** The base path, `/` or `/sub/`. */
  base: string;
  /** The site's language: the home page's "save for offline" control says the sizes in it. */
  lang: string;
  /** The site's own labels (the `strings` option), for those sizes' words. */
  siteLabels?: SiteLabels | undefined;
  /** Where the files' revisions are kept for the next build (`FileRevisions`); without it, every file is read. */
  revisionsFile?: string | undefined;
}

export interface ServiceWorkerResult {
  /** How many files the service worker precaches on a first visit: the shell. */
  count: number;
  /** How many bytes it downloads to precache them, at most once per build. */
  bytes: number;
  /** The rest of the site and the downloads, saved when a reader asks. */
  list: SiteList;
  /** How many files the whole site has (downloads and sw.js included), to compare. */
  siteCount: number;
  /** Their size in bytes. */
  siteBytes: number;
}

const SOURCE = resolve(import.meta.dirname, 'browser/service-worker.ts');
const MANIFEST_PLACEHOLDER = 'self.__WB_MANIFEST';

export async function writeServiceWorker(siteDir: string, options: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const revisions = new FileRevisions(options.revisionsFile);
  const files = listSiteFiles(siteDir, revisions);
  revisions.save();
  const all = files.filter(({ url }) => url !== SERVICE_WORKER_FILE && url !== SITE_LIST_FILE);
  const list = siteList(all.map(({ url, revision, bytes }) => ({ file: url, revision: revision ?? url, bytes })));

  // The home page says what saving the whole site downloads: filled in before the shell's
  // revisions are taken, as the page is part of it.
  const home = join(siteDir, 'index.html');
  const homeHtml = readFileSync(home, 'utf8');
  const filled = fillOfflineSizes(homeHtml, list, options.lang, options.siteLabels);
  const shell = all
    .filter((entry) => fileGroup(entry.url) === 'shell')
    .map(({ url, revision, bytes }) =>
      url === 'index.html' && filled !== homeHtml
        ? { url, revision: md5(filled), bytes: Buffer.byteLength(filled) }
        : { url, revision, bytes },
    );
  if (filled !== homeHtml) rewritePage(home, filled);
  writeFileSync(join(siteDir, SITE_LIST_FILE), JSON.stringify(list));
  const entries: ManifestEntry[] = shell.map(({ url, revision }) => ({ url, revision }));

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
      __BUILD_ID__: JSON.stringify(buildId(all)),
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

  // The whole site as published: the files listed above (their sizes as they are now), and the two just written.
  const written = [SERVICE_WORKER_FILE, SITE_LIST_FILE, ...(filled !== homeHtml ? ['index.html'] : [])];
  const site = [
    ...files.filter(({ url }) => !written.includes(url)).map(({ bytes }) => bytes),
    ...written.map((url) => statSync(join(siteDir, url)).size),
  ];
  return {
    count: shell.length,
    bytes: shell.reduce((sum, entry) => sum + entry.bytes, 0),
    list,
    siteCount: site.length,
    siteBytes: site.reduce((sum, bytes) => sum + bytes, 0),
  };
}

/** The precache list written into a built `sw.js`, for tests and reports. */
export function readPrecacheManifest(serviceWorker: string): ManifestEntry[] {
  const list = /\[\{"url":.*?\}\]/s.exec(serviceWorker);
  if (!list) throw new Error('No precache list found in the service worker.');
  return JSON.parse(list[0]) as ManifestEntry[];
}

/** A short hash of the list of every file: any changed file of the site changes it. */
function buildId(entries: ReadonlyArray<{ url: string; revision?: string | null }>): string {
  return createHash('sha256')
    .update(JSON.stringify(entries.map(({ url, revision }) => [url, revision])))
    .digest('hex')
    .slice(0, 12);
}

/** A file of the site as the precache names it: its path from the site's root, and its revision. */
export interface ManifestEntry {
  url: string;
  /** The MD5 of its content; null for a content-hashed name, which changes when the content does. */
  revision: string | null;
}

/**
 * Every file of the site: its revision (as Workbox's `getManifest` gives it, with the
 * content-hashed paths left unrevisioned; read and hashed only where `revisions` has none) and
 * its size, in path order.
 */
function listSiteFiles(siteDir: string, revisions: FileRevisions): Array<ManifestEntry & { bytes: number }> {
  return (
    readdirSync(siteDir, { recursive: true, withFileTypes: true })
      .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
      .map(({ entry, path }) => ({ entry, path, url: relative(siteDir, path).split(sep).join('/') }))
      // Hidden files (a host's own, such as .nojekyll) are no part of what a reader fetches.
      .filter(({ entry, url }) => entry.isFile() && !url.split('/').some((part) => part.startsWith('.')))
      .map(({ path, url }) => {
        const stats = statSync(path);
        const revision = CONTENT_HASHED_PATH.test(url) ? null : revisions.revision(url, path, stats);
        return { url, revision, bytes: stats.size };
      })
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  );
}
