/**
 * Writes each essay's offline downloads (EPUB and single-file HTML) beside its built
 * page, from the page's own article, and gives their sizes for the page's download links
 * (`fillDownloadSizes`, written in by the Essay pages step).
 * Runs on the staging folder, before the search index (issue 7, part 3); on a large site a
 * worker starts on them while Astro still renders the pages (`startEarlyDownloads`).
 *
 * This file shares the essays out between threads; what one thread does is in
 * downloads-thread.ts, and how one essay's downloads are made in essay-downloads.ts.
 */
import { DOWNLOAD_FORMATS, type DownloadFormat } from './downloads.ts';
import { DownloadsCache, type CacheEntry } from './downloads-cache.ts';
import { writeEssayGroup, type EarlyGroup, type EarlyResult, type EssayGroup, type EssayGroupResult } from './downloads-thread.ts';
import type { DownloadFile, EarlyEssay, OfflineDownloadsOptions } from './essay-downloads.ts';
import type { EssayMetadata } from './offline-article.ts';
import { listEssaySlugs } from '../publishing/pages.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInWorker, sharedQueue, startWorker, workerCount, type WorkerThread } from './worker-share.ts';

export interface OfflineDownloadsResult {
  essays: number;
  /** The essays whose downloads were copied from the cache rather than made. */
  reused: number;
  /** The essays whose downloads were made, or copied from the cache, while Astro rendered the pages (`startEarlyDownloads`). */
  early: number;
  /** What each essay's page says of it, read while making its downloads (the feed sorts by it). */
  metadata: EssayMetadata[];
  /** All downloads together. */
  bytes: number;
  /** Each file written, relative to the site folder, with its size. */
  files: DownloadFile[];
  /** Each essay's downloads' sizes in bytes, by slug, for its page's download links. */
  sizes: Record<string, Record<DownloadFormat, number>>;
}

/**
 * Essays a worker thread must have to be worth its start-up (about 0.2 s, some 25 essays'
 * downloads): smaller sites are done on the main thread.
 */
const ESSAYS_PER_WORKER = 25;

const WORKER = new URL('./write-downloads-worker.ts', import.meta.url);

/**
 * Makes every essay's downloads. Each essay's are independent of the others', and all of it
 * is JavaScript work (parsing, serialising, zipping), so large sites share the essays out
 * between threads, one per CPU, this one included, each taking the next essay when free
 * (`sharedQueue`): 500 essays took 3.8 s on one thread and 2.7 s on two in fixed halves. This
 * thread takes essays itself rather than wait: a worker holds its own copy of every module it
 * loads, and the build's memory peaks here (one worker fewer on two CPUs: some 100 MiB less).
 *
 * Without `early`, essays whose downloads are in the cache are copied first, here, so a rebuild
 * after one essay changed starts no worker at all. With it (`startEarlyDownloads`), the essays
 * the early worker did not make are shared out at once, that worker taking its share while this
 * thread checks the keys of those it made: any whose page or files changed since are made again.
 * `essaysPerWorker` is for tests, to use workers on a small site.
 */
export async function writeOfflineDownloads(
  siteDir: string,
  options: OfflineDownloadsOptions,
  {
    essaysPerWorker = ESSAYS_PER_WORKER,
    early,
    slugs = listEssaySlugs(siteDir),
  }: { essaysPerWorker?: number; early?: EarlyDownloads | undefined; slugs?: readonly string[] } = {},
): Promise<OfflineDownloadsResult> {
  const buildTime = early?.buildTime ?? options.buildTime ?? new Date();
  const group = (slugs: readonly string[], more: Partial<EssayGroup> = {}): EssayGroup => ({ siteDir, slugs, options, buildTime, ...more });
  const done: EssayGroupResult[] = [];
  let kept: Record<string, CacheEntry> = {};
  if (early) {
    let made: Record<string, EarlyEssay>;
    try {
      ({ made, kept } = await early.finish());
    } catch (error) {
      early.end();
      throw error;
    }
    const { work, working } = shareOut(group(slugs.filter((slug) => !Object.hasOwn(made, slug))), essaysPerWorker, early);
    const checked = await writeEssayGroup(group(Object.keys(made), { cachedOnly: true, early: made }));
    done.push(checked, await writeEssayGroup(work), ...(await Promise.all(working)));
    const changed = Object.keys(checked.uncached);
    if (changed.length > 0) done.push(await writeEssayGroup(group(changed, { uncached: checked.uncached })));
  } else {
    const cached = options.cacheDir ? await writeEssayGroup(group(slugs, { cachedOnly: true })) : undefined;
    const copied = new Set(cached?.metadata.map((essay) => essay.slug));
    const missing = slugs.filter((slug) => !copied.has(slug));
    const { work, working } = shareOut(group(missing, { uncached: cached?.uncached ?? {} }), essaysPerWorker);
    done.push(...(cached ? [cached] : []), await writeEssayGroup(work), ...(await Promise.all(working)));
  }
  // In the order of the essays, whoever made them.
  const bySlug = new Map(done.flatMap((result) => result.metadata.map((metadata, index) => [metadata.slug, { result, index }] as const)));
  const ordered = slugs.flatMap((slug) => {
    const found = bySlug.get(slug);
    return found ? [found] : [];
  });
  const files = ordered.flatMap(({ result, index }) =>
    result.files.slice(index * DOWNLOAD_FORMATS.length, (index + 1) * DOWNLOAD_FORMATS.length),
  );
  const metadata = ordered.map(({ result, index }) => result.metadata[index] as EssayMetadata);
  const sizes = Object.fromEntries(
    metadata.map((essay, index) => [
      essay.slug,
      Object.fromEntries(DOWNLOAD_FORMATS.map((format, at) => [format, files[index * DOWNLOAD_FORMATS.length + at]?.bytes ?? 0])) as Record<
        DownloadFormat,
        number
      >,
    ]),
  );
  // The early worker's entries first: an essay made again since has its entry from a later pass.
  if (options.cacheDir) new DownloadsCache(options.cacheDir).save(Object.assign({}, kept, ...done.map((result) => result.kept)));
  return {
    essays: slugs.length,
    reused: done.reduce((sum, result) => sum + result.reused, 0),
    early: done.reduce((sum, result) => sum + result.early, 0),
    metadata,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files,
    sizes,
  };
}

/**
 * `work` shared out between this thread and workers, when it is worth their start-up: the
 * workers start (the early worker, already started, takes a share of any work), then this thread
 * takes essays from the queue with `writeEssayGroup(work)` while they start and run.
 */
function shareOut(
  work: EssayGroup,
  essaysPerWorker: number,
  early?: EarlyDownloads,
): { work: EssayGroup; working: Array<Promise<EssayGroupResult>> } {
  const threads = Math.max(workerCount(work.slugs.length, essaysPerWorker), early && work.slugs.length > 0 ? 2 : 0);
  const shared: EssayGroup = threads > 0 ? { ...work, queue: sharedQueue() } : work;
  const helpers = Math.max(threads - 1, 0);
  const working = Array.from({ length: Math.max(helpers - (early ? 1 : 0), 0) }, () => runInWorker<EssayGroupResult>(WORKER, shared));
  if (early && helpers > 0) working.push(early.share(shared));
  else early?.end();
  // Awaited once this thread's share is done; should this thread fail first, a worker's own
  // failure must not count as unhandled and end the build before its message is written.
  for (const promise of working) promise.catch(() => undefined);
  return { work: shared, working };
}

/** A worker making downloads while Astro renders (`startEarlyDownloads`). */
export interface EarlyDownloads {
  /** The build's time, which both passes date an EPUB by when its essay gives no date. */
  buildTime: Date;
  /** Tells the worker that every page is written, and takes what it made. */
  finish(): Promise<EarlyResult>;
  /** Gives the same worker, once finished, a share of the essays left (a group with a `queue`), as a worker started then would be. */
  share(group: EssayGroup): Promise<EssayGroupResult>;
  /** Lets the worker end, once finished, with nothing more to do. */
  end(): void;
  /** Stops the worker whatever it is doing: the build failed or is over. */
  stop(): void;
}

/** How often the build looks for the first essay page, to start the early worker. */
const EARLY_START_POLL_MS = 50;

/**
 * Starts a worker that makes the downloads of each essay page as soon as Astro has written it,
 * while Astro renders the others on the build's thread: rendering is JavaScript on one thread,
 * and a second CPU would otherwise wait for it. Then `writeOfflineDownloads` takes what the
 * worker made where its key still holds, and makes the rest. None for a site too small to be
 * worth a worker, where no worker can start, or without a cache folder (the keys are the cache's).
 * `essaysPerWorker` is for tests, as for `writeOfflineDownloads`; `rendering` says when Astro
 * has begun to write pages (`generationStart`), by default once `essays/` is in the site;
 * `unchanged`, how many of the `essays` have pages unchanged since the last build (`linkUnchangedPages`).
 */
export function startEarlyDownloads(
  siteDir: string,
  options: OfflineDownloadsOptions,
  essays: number,
  {
    essaysPerWorker = ESSAYS_PER_WORKER,
    rendering = () => existsSync(join(siteDir, 'essays')),
    unchanged = 0,
  }: { essaysPerWorker?: number; rendering?: () => boolean; unchanged?: number } = {},
): EarlyDownloads | undefined {
  // The essays whose pages come out as last build's have their downloads in the cache, and the
  // step copies them after Astro in less than a worker costs to start and to check them: a
  // rebuild after one essay of 500 changed took 0.91× as long without the worker (docs/benchmarks.md).
  if (!options.cacheDir || workerCount(essays - unchanged, essaysPerWorker) === 0) return undefined;
  const buildTime = options.buildTime ?? new Date();
  const finished = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const group: EarlyGroup = { siteDir, options, buildTime, finished };
  // Started once Astro writes pages, not before: while Astro bundles, the build's memory is at
  // its peak, and a worker waiting beside it would only add to it.
  let worker: WorkerThread | undefined;
  const begin = () => (worker ??= startWorker(WORKER, group));
  const watch = setInterval(() => {
    if (rendering()) begin();
    if (worker) clearInterval(watch);
  }, EARLY_START_POLL_MS);
  watch.unref();
  let result: Promise<EarlyResult> | undefined;
  return {
    buildTime,
    finish: () => {
      Atomics.store(finished, 0, 1);
      Atomics.notify(finished, 0);
      clearInterval(watch);
      result ??= begin().next<EarlyResult>();
      return result;
    },
    share: (work) => {
      begin().post(work);
      return begin().next<EssayGroupResult>();
    },
    end: () => worker?.post(null),
    stop: () => {
      clearInterval(watch);
      worker?.stop();
    },
  };
}
