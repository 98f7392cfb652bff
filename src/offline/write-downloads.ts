/**
 * Writes each essay's offline downloads (EPUB and single-file HTML) beside its built
 * page, from the page's own article, then fills their sizes into the page's download links.
 * Runs on the staging folder, before the search index (issue 7, part 3).
 *
 * This file does the reading and writing; what goes into each download is decided by
 * offline-article.ts (both), epub.ts and single-file-html.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { DOWNLOAD_FORMATS, DOWNLOAD_SIZE_ATTRIBUTE, downloadFileName, formatFileSize, type DownloadFormat } from './downloads.ts';
import { essayPath, joinBase } from '../site/urls.ts';
import { lookup } from 'mrmime';
import { buildEpub, EPUB_IMAGE_TYPES, type EpubImage } from './epub.ts';
import { epubIdentifier, modifiedDate } from './epub-package.ts';
import { offlineArticle, readEssayPage, type EssayMetadata } from './offline-article.ts';
import { dataUrl, inlineCssUrls, oneLineCss, singleFileHtml } from './single-file-html.ts';
import { labelsFor, type SiteLabels } from '../strings/labels.ts';
import { listEssaySlugs, rewritePage } from '../publishing/pages.ts';
import { letOthersRun } from '../publishing/step-order.ts';
import { emptyQueue, runInWorker, sharedQueue, taken, workerCount } from './worker-share.ts';
import { codeFingerprint } from '../publishing/code-fingerprint.ts';
import { DownloadsCache, downloadsKey, pageFiles, type CacheEntry } from './downloads-cache.ts';

export interface OfflineDownloadsOptions {
  /** The site's origin (SITE_URL), when known: links out of an essay become absolute. */
  site: string | undefined;
  /** The base path, `/` or `/sub/`. */
  base: string;
  siteTitle: string;
  /** The language of the site's chrome (SITE_LANG). */
  siteLang: string;
  /** The site's own labels (the `strings` option): the single-file copy's footer says its words. */
  siteLabels?: SiteLabels | undefined;
  /** `dcterms:modified` of an essay that gives no date of its own; the time of the build by default. */
  buildTime?: Date;
  /**
   * A folder where each essay's downloads are kept between builds (in Astro's cache folder),
   * and copied from when nothing they are made from has changed (downloads-cache.ts); none by default.
   */
  cacheDir?: string;
}

export interface OfflineDownloadsResult {
  essays: number;
  /** The essays whose downloads were copied from the cache rather than made. */
  reused: number;
  /** What each essay's page says of it, read while making its downloads (the feed sorts by it). */
  metadata: EssayMetadata[];
  /** All downloads together. */
  bytes: number;
  /** Each file written, relative to the site folder, with its size. */
  files: Array<{ path: string; bytes: number }>;
}

/** The stylesheets written for the downloads (the site's own CSS is read from the built site). */
const EPUB_STYLESHEET = new URL('./epub.css', import.meta.url);
const SINGLE_FILE_STYLESHEET = new URL('./single-file.css', import.meta.url);

/** Origin used to resolve links when the site's is unknown; never written into a download. */
const UNKNOWN_ORIGIN = 'https://site.invalid';

/** The pictures a download can hold, by extension; their media types come from mrmime. */
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'];

/** The media type of an image file the downloads can hold, or undefined for any other file. */
function imageType(path: string): string | undefined {
  const extension = extname(path).toLowerCase();
  return IMAGE_EXTENSIONS.includes(extension) ? lookup(extension) : undefined;
}

/**
 * Essays a worker thread must have to be worth its start-up (about 0.2 s, some 25 essays'
 * downloads): smaller sites are done on the main thread.
 */
const ESSAYS_PER_WORKER = 25;

const WORKER = new URL('./write-downloads-worker.ts', import.meta.url);

/** One worker's share of the essays, and what it needs to make their downloads. */
export interface EssayGroup {
  siteDir: string;
  slugs: string[];
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
}

/**
 * Makes every essay's downloads. Each essay's are independent of the others', and all of it
 * is JavaScript work (parsing, serialising, zipping), so large sites share the essays out
 * between threads, one per CPU, this one included, each taking the next essay when free
 * (`sharedQueue`): 500 essays took 3.8 s on one thread and 2.7 s on two in fixed halves. This
 * thread takes essays itself rather than wait: a worker holds its own copy of every module it
 * loads, and the build's memory peaks here (one worker fewer on two CPUs:
 * some 100 MiB less). Essays whose downloads are in the cache are copied first, here, so a
 * rebuild after one essay changed starts no worker at all.
 * `essaysPerWorker` is for tests, to use workers on a small site.
 */
export async function writeOfflineDownloads(
  siteDir: string,
  options: OfflineDownloadsOptions,
  { essaysPerWorker = ESSAYS_PER_WORKER }: { essaysPerWorker?: number } = {},
): Promise<OfflineDownloadsResult> {
  const slugs = listEssaySlugs(siteDir);
  const buildTime = options.buildTime ?? new Date();
  const cached = options.cacheDir ? await writeEssayGroup({ siteDir, slugs, options, buildTime, cachedOnly: true }) : undefined;
  const copied = new Set(cached?.metadata.map((essay) => essay.slug));
  const missing = slugs.filter((slug) => !copied.has(slug));
  const threads = workerCount(missing.length, essaysPerWorker);
  const work: EssayGroup = {
    siteDir,
    slugs: missing,
    options,
    buildTime,
    uncached: cached?.uncached ?? {},
    ...(threads > 0 ? { queue: sharedQueue() } : {}),
  };
  // The workers start first, then this thread takes essays from the queue while they start and run.
  const working = Array.from({ length: Math.max(threads - 1, 0) }, () => runInWorker<EssayGroupResult>(WORKER, work));
  const done = [...(cached ? [cached] : []), await writeEssayGroup(work), ...(await Promise.all(working))];
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
  if (options.cacheDir) new DownloadsCache(options.cacheDir).save(Object.assign({}, ...done.map((result) => result.kept)));
  return {
    essays: slugs.length,
    reused: cached?.reused ?? 0,
    metadata,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files,
  };
}

type EssayGroupResult = Pick<OfflineDownloadsResult, 'files' | 'metadata' | 'reused'> & {
  /**
   * The cache keys of the essays the cache does not have, by slug, when only copying from it:
   * the pass that makes them then neither reads their pages for a key again nor looks in the cache.
   */
  uncached: Record<string, string>;
  /** The cache's entries of this group's essays, found or made (`DownloadsCache.kept`). */
  kept: Record<string, CacheEntry>;
};

/** The downloads of a group of essays (or of those this thread takes from its queue), one essay after another, on this thread. */
export async function writeEssayGroup({
  siteDir,
  slugs,
  options,
  buildTime,
  cachedOnly = false,
  uncached = {},
  queue,
}: EssayGroup): Promise<EssayGroupResult> {
  const epubStylesheet = readFileSync(EPUB_STYLESHEET, 'utf8');
  const singleFileStylesheet = readFileSync(SINGLE_FILE_STYLESHEET, 'utf8');
  const cache = options.cacheDir ? new DownloadsCache(options.cacheDir) : undefined;
  const digests = new Map<string, string>();
  const singleFileCss = new Map<string, string>();
  const keys = { ...uncached };
  const shared = {
    siteDir,
    options,
    buildTime,
    epubStylesheet,
    singleFileStylesheet,
    cache,
    cachedOnly,
    uncached: keys,
    digests,
    singleFileCss,
  };
  const files: OfflineDownloadsResult['files'] = [];
  const metadata: EssayMetadata[] = [];
  let reused = 0;
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
    } catch (error) {
      if (queue) emptyQueue(queue, slugs.length);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${relative(siteDir, pageFile)}: the offline downloads of this essay could not be made. ${reason}`, { cause: error });
    }
  }
  return { files, metadata, reused, uncached: keys, kept: cache?.kept ?? {} };
}

interface EssayJob {
  siteDir: string;
  slug: string;
  pageFile: string;
  options: OfflineDownloadsOptions;
  buildTime: Date;
  epubStylesheet: string;
  singleFileStylesheet: string;
  cache: DownloadsCache | undefined;
  cachedOnly: boolean;
  /**
   * The cache keys of the group's essays the cache does not have, by slug: filled when
   * `cachedOnly`, read when making them (`EssayGroupResult.uncached`).
   */
  uncached: Record<string, string>;
  /** A digest of each site file read for a cache key, by path: every page loads the same stylesheet. */
  digests: Map<string, string>;
  /** The single-file copies' CSS by the stylesheets' URLs: every page loads the same (`singleFileCss`). */
  singleFileCss: Map<string, string>;
}

/**
 * The single-file copies' CSS, made once per set of stylesheets: every essay page loads the
 * same ones, and making it (6 ms) was a third of each essay's downloads.
 */
const copyCssMade = new Map<string, string>();
function copyCss(stylesheets: readonly string[]): string {
  const key = stylesheets.join('\n');
  const made = copyCssMade.get(key) ?? oneLineCss(stylesheets);
  copyCssMade.set(key, made);
  return made;
}

/**
 * The single-file copy's CSS for a page that loads `stylesheets`: the site's, its images
 * inlined, then the copy's own. Made once per step for each set of stylesheets, as the site's
 * files do not change while it runs: every essay page loads the same, and reading and
 * inlining them again was a file opened and a stylesheet searched for each essay.
 */
function singleFileCss(job: EssayJob, stylesheets: readonly string[], pageUrl: URL): string {
  const { siteDir, options } = job;
  const urls = stylesheets.map((href) => new URL(href, pageUrl));
  const key = urls.map((url) => url.href).join('\n');
  const made = job.singleFileCss.get(key);
  if (made !== undefined) return made;
  const siteCss = urls.map((url) => {
    const css = readFileSync(siteFile(siteDir, options.base, url.pathname), 'utf8');
    return inlineCssUrls(css, (reference) => {
      const target = new URL(reference, url);
      const type = imageType(target.pathname);
      if (target.origin !== pageUrl.origin || !type) return undefined;
      const image = readImage(siteDir, options.base, target.pathname);
      return dataUrl(image.bytes, image.mediaType);
    });
  });
  const css = copyCss([...siteCss, job.singleFileStylesheet]);
  job.singleFileCss.set(key, css);
  return css;
}

/** The cache key of the essay's downloads (downloads-cache.ts), from its page and the files the page loads. */
function cacheKey(job: EssayJob, pageHtml: string): string {
  const { siteDir, options } = job;
  const files = pageFiles(pageHtml, options.base).flatMap((path): Array<[string, string]> => {
    let digest = job.digests.get(path);
    if (digest === undefined) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(siteFile(siteDir, options.base, path));
      } catch {
        // Not a file of the site (a page's address): only files the downloads read count.
        return [];
      }
      digest = createHash('sha256').update(bytes).digest('hex');
      job.digests.set(path, digest);
    }
    return [[path, digest]];
  });
  const { site, base, siteTitle, siteLang } = options;
  return downloadsKey({
    code: codeFingerprint(),
    // The footer's words, which the site's labels may give, are part of the copy.
    options: { site, base, siteTitle, siteLang, copyFrom: labelsFor(siteLang, options.siteLabels).offlineCopyFrom(siteTitle) },
    stylesheets: [job.epubStylesheet, job.singleFileStylesheet],
    pageHtml,
    files,
  });
}

async function writeEssayDownloads(
  job: EssayJob,
): Promise<{ files: OfflineDownloadsResult['files']; metadata: EssayMetadata; reused: boolean } | undefined> {
  const { siteDir, slug, pageFile, options } = job;
  const pageHtml = readFileSync(pageFile, 'utf8');
  const folder = join(siteDir, 'essays', slug);
  const targets = Object.fromEntries(DOWNLOAD_FORMATS.map((format) => [format, join(folder, downloadFileName(slug, format))])) as Record<
    DownloadFormat,
    string
  >;
  const listed = (sizes: Record<DownloadFormat, number>) =>
    DOWNLOAD_FORMATS.map((format) => ({ path: relative(siteDir, targets[format]).split(sep).join('/'), bytes: sizes[format] }));
  const known = job.uncached[slug];
  const key = known ?? (job.cache ? cacheKey(job, pageHtml) : undefined);
  const cached = key === undefined || known !== undefined ? undefined : job.cache?.find(slug, key, DOWNLOAD_FORMATS);
  if (cached) {
    DownloadsCache.place(cached, targets);
    const sizes = { epub: cached.files.epub.bytes, html: cached.files.html.bytes };
    rewritePage(pageFile, fillDownloadSizes(pageHtml, sizes, cached.entry.metadata.lang));
    return { files: listed(sizes), metadata: cached.entry.metadata, reused: true };
  }
  if (job.cachedOnly) {
    if (key !== undefined) job.uncached[slug] = key;
    return undefined;
  }
  const page = readEssayPage(pageHtml, slug);
  const pageUrl = new URL(joinBase(options.base, essayPath(slug)), options.site ?? UNKNOWN_ORIGIN);
  const offline = offlineArticle(page.article, { pageUrl, siteKnown: options.site !== undefined });
  const images = new Map(offline.images.map((src) => [src, readImage(siteDir, options.base, src)]));

  const epubImages = new Map<string, EpubImage>();
  for (const [src, image] of images) epubImages.set(src, await epubImage(image));
  const epub = buildEpub({
    metadata: page.metadata,
    article: offline.article,
    contents: page.contents,
    images: epubImages,
    identifier: epubIdentifier({ canonical: page.metadata.canonical, siteTitle: options.siteTitle, slug }),
    modified: modifiedDate(page.metadata, job.buildTime),
    stylesheet: job.epubStylesheet,
    siteTitle: options.siteTitle,
  });

  const html = singleFileHtml({
    metadata: page.metadata,
    article: offline.article,
    css: singleFileCss(job, page.stylesheets, pageUrl),
    images: new Map([...images].map(([src, image]) => [src, src.startsWith('data:') ? src : dataUrl(image.bytes, image.mediaType)])),
    siteTitle: options.siteTitle,
    siteLang: options.siteLang,
    siteLabels: options.siteLabels,
  });

  const written: Record<DownloadFormat, Uint8Array> = { epub, html: Buffer.from(html, 'utf8') };
  for (const format of DOWNLOAD_FORMATS) writeFileSync(targets[format], written[format]);
  const sizes = { epub: written.epub.byteLength, html: written.html.byteLength };
  rewritePage(pageFile, fillDownloadSizes(pageHtml, sizes, page.metadata.lang));
  if (key !== undefined) {
    job.cache?.keep(slug, key, page.metadata, {
      epub: { file: targets.epub, bytes: sizes.epub },
      html: { file: targets.html, bytes: sizes.html },
    });
  }
  return { files: listed(sizes), metadata: page.metadata, reused: false };
}

/**
 * The page with each download link's empty size element filled (", 14 KB"), edited in
 * place: the rest of the page stays byte for byte as Astro wrote it.
 */
export function fillDownloadSizes(html: string, bytes: Readonly<Record<DownloadFormat, number>>, lang: string): string {
  let filled = html;
  for (const format of DOWNLOAD_FORMATS) {
    const empty = new RegExp(`(<span\\b[^>]*\\s${DOWNLOAD_SIZE_ATTRIBUTE}="${format}"[^>]*>)(</span>)`, 'g');
    const found = filled.match(empty)?.length ?? 0;
    if (found !== 1)
      throw new Error(
        `The page should have one empty <span ${DOWNLOAD_SIZE_ATTRIBUTE}="${format}"> to show the file's size; it has ${found}.`,
      );
    filled = filled.replace(empty, (_whole, open: string, close: string) => `${open}, ${formatFileSize(bytes[format], lang)}${close}`);
  }
  return filled;
}

interface LoadedImage {
  bytes: Uint8Array;
  mediaType: string;
}

/** An image the article shows: a file of the built site (by its path under the base), or a `data:` URL. */
function readImage(siteDir: string, base: string, src: string): LoadedImage {
  if (src.startsWith('data:')) return parseDataUrl(src);
  const mediaType = imageType(src);
  if (!mediaType) throw new Error(`The image ${src} is not of a type the downloads can hold (${IMAGE_EXTENSIONS.join(', ')}).`);
  return { bytes: readFileSync(siteFile(siteDir, base, src)), mediaType };
}

/** The file of the built site that a path under the base names; never a file outside the site. */
function siteFile(siteDir: string, base: string, pathname: string): string {
  if (!pathname.startsWith(base)) throw new Error(`${pathname} is outside the site's base path ${base}.`);
  const root = resolve(siteDir);
  const file = resolve(root, decodeURIComponent(pathname.slice(base.length)));
  if (!file.startsWith(root + sep)) throw new Error(`${pathname} is outside the site.`);
  if (!existsSync(file)) throw new Error(`${pathname} is not a file of the built site.`);
  return file;
}

function parseDataUrl(url: string): LoadedImage {
  const match = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) throw new Error(`An image has a data: URL that cannot be read.`);
  const [, mediaType = '', parameters = '', data = ''] = match;
  const bytes = parameters.split(';').includes('base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  return { bytes, mediaType: mediaType.toLowerCase() };
}

/**
 * The image as an EPUB 3.2 reading system must be able to show it: as it is when it is
 * one of the core media types, else (WebP, AVIF) converted: PNG when it has transparency,
 * JPEG when it has none.
 */
async function epubImage(image: LoadedImage): Promise<EpubImage> {
  if (EPUB_IMAGE_TYPES[image.mediaType]) return image;
  const picture = sharp(image.bytes);
  const { hasAlpha } = await picture.metadata();
  return hasAlpha
    ? { bytes: await picture.png({ compressionLevel: 9 }).toBuffer(), mediaType: 'image/png' }
    : { bytes: await picture.jpeg({ quality: 85 }).toBuffer(), mediaType: 'image/jpeg' };
}
