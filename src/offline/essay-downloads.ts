/**
 * One essay's offline downloads (EPUB and single-file HTML), from its built page: found in the
 * cache (downloads-cache.ts) or made, and written beside the page. What goes into each download
 * is decided by offline-article.ts (both), epub.ts and single-file-html.ts; which thread makes
 * which essay, and when, by write-downloads.ts and downloads-thread.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { lookup } from 'mrmime';
import { DOWNLOAD_FORMATS, DOWNLOAD_SIZE_ATTRIBUTE, downloadFileName, formatFileSize, type DownloadFormat } from './downloads.ts';
import { essayPath, joinBase } from '../site/urls.ts';
import { buildEpub, EPUB_IMAGE_TYPES, type EpubImage } from './epub.ts';
import { epubIdentifier, modifiedDate } from './epub-package.ts';
import { offlineArticle, readEssayPage, type EssayMetadata } from './offline-article.ts';
import { dataUrl, inlineCssUrls, oneLineCss, singleFileHtml } from './single-file-html.ts';
import { labelsFor, type SiteLabels } from '../strings/labels.ts';
import { codeFingerprint } from '../publishing/code-fingerprint.ts';
import { DownloadsCache, downloadsKey, pageFiles } from './downloads-cache.ts';

/** What every essay's downloads are made with. */
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

/** A download written, relative to the site folder, with its size. */
export interface DownloadFile {
  path: string;
  bytes: number;
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

/** One essay's downloads to find or make: the essay, and what its group shares (`sharedJob`). */
export interface EssayJob {
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
  /** What the early worker made, by slug (`EarlyEssay`). */
  early: Readonly<Record<string, EarlyEssay>>;
  /** A digest of each site file read for a cache key, by path: every page loads the same stylesheet. */
  digests: Map<string, string>;
  /** The single-file copies' CSS by the stylesheets' URLs: every page loads the same (`singleFileCss`). */
  singleFileCss: Map<string, string>;
}

/** What every essay of a group shares: the options, the downloads' stylesheets, the cache and what was read once for all. */
export function sharedJob(
  siteDir: string,
  options: OfflineDownloadsOptions,
  buildTime: Date,
  cachedOnly: boolean,
  uncached: Readonly<Record<string, string>>,
  early?: Readonly<Record<string, EarlyEssay>>,
): Omit<EssayJob, 'slug' | 'pageFile'> {
  return {
    siteDir,
    options,
    buildTime,
    epubStylesheet: readFileSync(EPUB_STYLESHEET, 'utf8'),
    singleFileStylesheet: readFileSync(SINGLE_FILE_STYLESHEET, 'utf8'),
    cache: options.cacheDir ? new DownloadsCache(options.cacheDir) : undefined,
    cachedOnly,
    uncached: { ...uncached },
    early: early ?? {},
    digests: new Map(),
    singleFileCss: new Map(),
  };
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

/** An essay's downloads, made or found: its page is then given their sizes. */
export interface EssayDownloads {
  /** The cache key they were made or found under; none without a cache. */
  key: string | undefined;
  sizes: Record<DownloadFormat, number>;
  metadata: EssayMetadata;
  /** Found in the cache rather than made. */
  reused: boolean;
  /** Taken from the early worker (`EarlyEssay`). */
  early?: boolean;
}

/**
 * An essay's downloads made while Astro was still rendering the site's pages, from its page as
 * Astro wrote it, before its sizes were filled in. `key` is their cache key: they are taken only
 * where the page and every file it loads still give that key once the pages are all written.
 */
export interface EarlyEssay {
  key: string;
  sizes: Record<DownloadFormat, number>;
  metadata: EssayMetadata;
  /** Found in the cache rather than made. */
  reused: boolean;
}

/** Where an essay's downloads go: beside its page. */
export function downloadTargets({ siteDir, slug }: Pick<EssayJob, 'siteDir' | 'slug'>): Record<DownloadFormat, string> {
  const folder = join(siteDir, 'essays', slug);
  return Object.fromEntries(DOWNLOAD_FORMATS.map((format) => [format, join(folder, downloadFileName(slug, format))])) as Record<
    DownloadFormat,
    string
  >;
}

/**
 * The essay's downloads, from `pageHtml`, its page as Astro wrote it: taken from the early
 * worker when the key it made them under still holds, else copied from the cache, else made
 * (unless only copying) and written beside the page. The page itself is left as it is.
 */
export async function essayDownloads(job: EssayJob, pageHtml: string): Promise<EssayDownloads | undefined> {
  const { siteDir, slug, options } = job;
  const targets = downloadTargets(job);
  const known = job.uncached[slug];
  const key = known ?? (job.cache ? cacheKey(job, pageHtml) : undefined);
  const early = Object.hasOwn(job.early, slug) ? job.early[slug] : undefined;
  if (early && early.key === key) return { ...early, early: true };
  const cached = key === undefined || known !== undefined ? undefined : job.cache?.find(slug, key, DOWNLOAD_FORMATS);
  if (cached) {
    DownloadsCache.place(cached, targets);
    return { key, sizes: { epub: cached.files.epub.bytes, html: cached.files.html.bytes }, metadata: cached.entry.metadata, reused: true };
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
  if (key !== undefined) {
    job.cache?.keep(slug, key, page.metadata, {
      epub: { file: targets.epub, bytes: sizes.epub },
      html: { file: targets.html, bytes: sizes.html },
    });
  }
  return { key, sizes, metadata: page.metadata, reused: false };
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
