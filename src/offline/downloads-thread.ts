/**
 * What one thread does to make the offline downloads (write-downloads.ts shares the essays
 * out): `writeEssayGroup` makes a group's downloads, or those it takes from a queue shared with
 * other threads; `writeEarlyDownloads`, in a worker
 * started while Astro renders, makes the downloads of each page as soon as Astro has written it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DOWNLOAD_FORMATS } from './downloads.ts';
import type { CacheEntry } from './downloads-cache.ts';
import {
  downloadTargets,
  essayDownloads,
  sharedJob,
  type DownloadFile,
  type EarlyEssay,
  type EssayJob,
  type OfflineDownloadsOptions,
} from './essay-downloads.ts';
import type { EssayMetadata } from './offline-article.ts';
import { essayPath } from '../site/urls.ts';
import { letOthersRun } from '../publishing/step-order.ts';
import { emptyQueue, taken } from './worker-share.ts';

/** One worker's share of the essays, and what it needs to make their downloads. */
export interface EssayGroup {
  siteDir: string;
  slugs: readonly string[];
  options: OfflineDownloadsOptions;
  buildTime: Date;
  /** Only copy the essays whose downloads the cache has, and leave out the others. */
  cachedOnly?: boolean;
  /**
   * Shared with the other threads making the same essays' downloads: each takes the next essay
   * from it when free (`sharedQueue`). Without it, this thread makes every essay of `slugs`.
   */
  queue?: Int32Array;
  /** The cache keys of the essays the cache was found not to have (`EssayGroupResult.uncached`). */
  uncached?: Readonly<Record<string, string>>;
  /** What was made while Astro rendered (`EarlyDownloads`), taken where its key still holds. */
  early?: Readonly<Record<string, EarlyEssay>>;
}

/** What a thread made of its group (`writeEssayGroup`), as `OfflineDownloadsResult` counts it, and for the cache. */
export interface EssayGroupResult {
  files: DownloadFile[];
  metadata: EssayMetadata[];
  reused: number;
  early: number;
  /**
   * The cache keys of the essays the cache does not have, by slug, when only copying from it:
   * the pass that makes them then neither reads their pages for a key again nor looks in the cache.
   */
  uncached: Record<string, string>;
  /** The cache's entries of this group's essays, found or made (`DownloadsCache.kept`). */
  kept: Record<string, CacheEntry>;
}

/** The downloads of a group of essays (or of those this thread takes from its queue), one essay after another, on this thread. */
export async function writeEssayGroup({
  siteDir,
  slugs,
  options,
  buildTime,
  cachedOnly = false,
  uncached = {},
  early,
  queue,
}: EssayGroup): Promise<EssayGroupResult> {
  const shared = sharedJob(siteDir, options, buildTime, cachedOnly, uncached, early);
  const { cache, uncached: keys } = shared;
  const files: DownloadFile[] = [];
  const metadata: EssayMetadata[] = [];
  let reused = 0;
  let fromEarly = 0;
  for (const index of queue ? taken(queue, slugs.length) : slugs.keys()) {
    // Pagefind, beside this step, waits on this thread's event loop (letOthersRun).
    await letOthersRun();
    const slug = slugs[index] as string;
    const pageFile = join(siteDir, essayPath(slug), 'index.html');
    try {
      const written = await writeEssayDownloads({ ...shared, slug, pageFile });
      if (!written) continue;
      files.push(...written.files);
      metadata.push(written.metadata);
      if (written.reused) reused += 1;
      if (written.early) fromEarly += 1;
    } catch (error) {
      if (queue) emptyQueue(queue, slugs.length);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${relative(siteDir, pageFile)}: the offline downloads of this essay could not be made. ${reason}`, { cause: error });
    }
  }
  return { files, metadata, reused, early: fromEarly, uncached: keys, kept: cache?.kept ?? {} };
}

/**
 * An essay's downloads; undefined when only copying from the cache and the cache has none. Its
 * page is read, not written: the Essay pages step gives it their sizes, in the one write a page has.
 */
async function writeEssayDownloads(
  job: EssayJob,
): Promise<{ files: DownloadFile[]; metadata: EssayMetadata; reused: boolean; early: boolean } | undefined> {
  const pageHtml = readFileSync(job.pageFile, 'utf8');
  const downloads = await essayDownloads(job, pageHtml);
  if (!downloads) return undefined;
  const { sizes, metadata, reused, early = false } = downloads;
  const files = DOWNLOAD_FORMATS.map((format) => ({
    path: relative(job.siteDir, downloadTargets(job)[format]).split(sep).join('/'),
    bytes: sizes[format],
  }));
  return { files, metadata, reused, early };
}

/** What the early worker made, by slug, and its cache entries (`DownloadsCache.kept`). */
export interface EarlyResult {
  made: Record<string, EarlyEssay>;
  kept: Record<string, CacheEntry>;
}

/** What the early worker is given. */
export interface EarlyGroup {
  siteDir: string;
  options: OfflineDownloadsOptions;
  buildTime: Date;
  /** Set to 1 by the build's thread when every page is written (`EarlyDownloads.finish`). */
  finished: Int32Array;
}

/** How long the early worker waits before it looks again for pages Astro has written. */
const EARLY_POLL_MS = 20;

/** A page read while Astro is writing it is empty or lacks its end: it is read again on the next look. */
const WHOLE_PAGE = /<\/html>\s*$/;

/**
 * The early worker's loop: makes the downloads of each essay page Astro has written, until the
 * build's thread says every page is written. A page whose downloads cannot be made yet (an image
 * Astro has still to write) is left for `writeOfflineDownloads`, which makes it and says what
 * is wrong if it still cannot.
 */
export async function writeEarlyDownloads({ siteDir, options, buildTime, finished }: EarlyGroup): Promise<EarlyResult> {
  const shared = sharedJob(siteDir, options, buildTime, false, {});
  const made: Record<string, EarlyEssay> = {};
  const tried = new Set<string>();
  const pagesWritten = () => Atomics.load(finished, 0) === 1;
  while (!pagesWritten()) {
    let progressed = false;
    for (const slug of essayFolders(siteDir)) {
      if (tried.has(slug) || pagesWritten()) continue;
      const pageFile = join(siteDir, essayPath(slug), 'index.html');
      const pageHtml = readPage(pageFile);
      if (pageHtml === undefined || !WHOLE_PAGE.test(pageHtml)) continue;
      tried.add(slug);
      progressed = true;
      try {
        const downloads = await essayDownloads({ ...shared, slug, pageFile }, pageHtml);
        if (downloads?.key !== undefined) made[slug] = { ...downloads, key: downloads.key };
      } catch {
        // Made again once the pages are all written, and reported then if it still fails.
      }
    }
    if (!progressed) Atomics.wait(finished, 0, 0, EARLY_POLL_MS);
  }
  return { made, kept: shared.cache?.kept ?? {} };
}

/** The folders of `essays/` in the site being written, whether or not each has its page yet. */
function essayFolders(siteDir: string): string[] {
  try {
    return readdirSync(join(siteDir, 'essays'));
  } catch {
    return [];
  }
}

/** A page's text, or undefined when Astro has not written it yet. */
function readPage(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
