/**
 * The offline downloads of an essay kept between builds, in Astro's cache folder: an essay's
 * EPUB and single-file HTML depend only on its built page, the files that page loads (its
 * stylesheets and images), the options and this integration's own code, so when none of
 * these changed since the last build the files are taken from the cache instead of made
 * again (parsing the page, serialising, zipping: most of the downloads' time). An essay page
 * Astro renders again, or copies from its own cache (src/site/page-reuse.ts), is the same byte
 * for byte when its essay has not changed, which is what makes the key hold.
 *
 * The key leaves out the build's time: an essay that gives no date of its own keeps the
 * `dcterms:modified` of the build that made its EPUB, which is when it was last changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DownloadFormat } from './downloads.ts';
import type { EssayMetadata } from './offline-article.ts';
import { linkOrCopy, writeCacheFile } from '../publishing/cache-file.ts';

/** Everything an essay's downloads are made from, read by the caller. */
export interface DownloadsInputs {
  /** A fingerprint of the code that makes the downloads (`codeFingerprint`). */
  code: string;
  /** The options of the downloads, the build's time left out (see above). */
  options: { site: string | undefined; base: string; siteTitle: string; siteLang: string; copyFrom?: string };
  /** The downloads' own stylesheets (epub.css, single-file.css). */
  stylesheets: readonly string[];
  /** The essay's built page, before its download sizes are filled in. */
  pageHtml: string;
  /** Each file of the site the page loads, by its path, with a digest of its bytes. */
  files: ReadonlyArray<readonly [path: string, digest: string]>;
}

/** The cache key of an essay's downloads: a SHA-256 of all their inputs, in a fixed order. */
export function downloadsKey(inputs: DownloadsInputs): string {
  const hash = createHash('sha256');
  const part = (text: string) => hash.update(`${text.length}:`).update(text);
  part(inputs.code);
  part(JSON.stringify([inputs.options.site ?? null, inputs.options.base, inputs.options.siteTitle, inputs.options.siteLang]));
  for (const stylesheet of inputs.stylesheets) part(stylesheet);
  part(inputs.pageHtml);
  for (const [path, digest] of inputs.files) part(`${path}\n${digest}`);
  return hash.digest('hex');
}

/** The attributes `pageFiles` reads, each from a tag's text. */
const ATTRIBUTES = { href: /\shref="([^"]*)"/, rel: /\srel="([^"]*)"/, src: /\ssrc="([^"]*)"/, srcset: /\ssrcset="([^"]*)"/ };

/**
 * The paths below `base` of the files a page loads that its downloads hold: its stylesheets
 * (`<link rel="stylesheet" href>`) and its images (`src` and `srcset` of `<img>` and
 * `<source>`), in the order they first appear, each once. Read with patterns rather than a
 * parser: the point is to spare the parse. Only files the downloads read: the early worker
 * (write-downloads.ts) keys an essay's downloads while Astro still writes the site, and a
 * file named but not read (the icon, the manifest, a script) that Astro had yet to write would
 * change the key by the end of the build and have the downloads made again.
 */
export function pageFiles(html: string, base: string): string[] {
  const paths = new Set<string>();
  const add = (value: string) => {
    const path = value.trim().split(/[?#]/)[0] ?? '';
    if (path.startsWith(base) && !path.startsWith('//')) paths.add(path);
  };
  const attribute = (tag: string, name: keyof typeof ATTRIBUTES) => ATTRIBUTES[name].exec(tag)?.[1];
  for (const [tag] of html.matchAll(/<(?:link|img|source)\b[^>]*>/g)) {
    if (tag.startsWith('<link')) {
      const href = attribute(tag, 'href');
      if (href !== undefined && /\bstylesheet\b/.test(attribute(tag, 'rel') ?? '')) add(href);
      continue;
    }
    const src = attribute(tag, 'src');
    if (src !== undefined) add(src);
    for (const candidate of attribute(tag, 'srcset')?.split(',') ?? []) add(candidate.trim().split(/\s+/)[0] ?? '');
  }
  return [...paths];
}

/** What the cache keeps of an essay's downloads in its index, besides the files. */
export interface CacheEntry {
  key: string;
  metadata: EssayMetadata;
  /** Each download's format and size in bytes. */
  files: Array<[DownloadFormat, number]>;
}

/** An essay's cached downloads, found under its key. */
export interface CachedDownloads {
  entry: CacheEntry;
  /** The cache's file of each format, to place beside the page. */
  files: Record<DownloadFormat, { file: string; bytes: number }>;
}

/** The cache's list of what it holds: each essay's entry, by slug. */
const INDEX_FILE = 'downloads.json';

/**
 * The cache of the downloads in `cacheDir`: each essay's files, named by the essay and its key
 * (`on-time.<key>.epub`), and one index of the entries. The files are hard links to the ones a
 * build wrote beside the pages, and a rebuild links them back beside the new pages: a link makes
 * no new file and copies no byte, where creating a file was most of what keeping or copying an
 * essay's downloads cost (0.01 ms a link against 0.1 to 1 ms a new file on ext4, more after a
 * build has deleted thousands: the file system looks past each inode it freed lately). Where a
 * link cannot be made (the cache on another disk), the file is copied. Nothing writes into a
 * download once it is made, so a link never changes under the cache; a file whose size is not
 * its entry's is not taken.
 */
export class DownloadsCache {
  private readonly dir: string;
  private made = false;
  private index: Record<string, CacheEntry> | undefined;
  /** The entries this thread found or made, for `save`: every other essay's are dropped then. */
  readonly kept: Record<string, CacheEntry> = {};

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(slug: string, key: string, format: DownloadFormat): string {
    return join(this.dir, `${encodeURIComponent(slug)}.${key}.${format}`);
  }

  private entries(): Record<string, CacheEntry> {
    if (!this.index) {
      try {
        this.index = JSON.parse(readFileSync(join(this.dir, INDEX_FILE), 'utf8')) as Record<string, CacheEntry>;
      } catch {
        this.index = {};
      }
    }
    return this.index;
  }

  /** The essay's downloads when the cache has them, every format of `formats`, under `key`. */
  find(slug: string, key: string, formats: readonly DownloadFormat[]): CachedDownloads | undefined {
    const entries = this.entries();
    const entry = Object.hasOwn(entries, slug) ? entries[slug] : undefined;
    if (entry?.key !== key) return undefined;
    const sizes = new Map(entry.files);
    const files: Partial<CachedDownloads['files']> = {};
    for (const format of formats) {
      const file = this.file(slug, key, format);
      const bytes = sizes.get(format);
      if (bytes === undefined || statSync(file, { throwIfNoEntry: false })?.size !== bytes) return undefined;
      files[format] = { file, bytes };
    }
    this.kept[slug] = entry;
    return { entry, files: files as CachedDownloads['files'] };
  }

  /** Keeps the essay's downloads under `key`: `written` are the files as made beside its page. */
  keep(
    slug: string,
    key: string,
    metadata: EssayMetadata,
    written: Readonly<Record<DownloadFormat, { file: string; bytes: number }>>,
  ): void {
    if (!this.made) mkdirSync(this.dir, { recursive: true });
    this.made = true;
    const files = Object.entries(written) as Array<[DownloadFormat, { file: string; bytes: number }]>;
    // A stopped build may have left a file of this key, not named in the index.
    for (const [format, { file }] of files) linkOrCopy(file, this.file(slug, key, format));
    this.kept[slug] = { key, metadata, files: files.map(([format, { bytes }]) => [format, bytes]) };
  }

  /** Places the cached files beside the page. */
  static place(cached: CachedDownloads, targets: Readonly<Record<DownloadFormat, string>>): void {
    for (const [format, { file }] of Object.entries(cached.files)) linkOrCopy(file, targets[format as DownloadFormat]);
  }

  /**
   * Writes the index of `entries` (what every thread `kept`), renamed into place whole, and
   * removes every other file: those of essays the site no longer has, of keys no longer current
   * (so the cache does not grow with every build), and anything a stopped build left.
   */
  save(entries: Readonly<Record<string, CacheEntry>>): void {
    writeCacheFile(join(this.dir, INDEX_FILE), JSON.stringify(entries));
    const named = new Set([INDEX_FILE]);
    for (const [slug, { key, files }] of Object.entries(entries))
      for (const [format] of files) named.add(basename(this.file(slug, key, format)));
    for (const name of readdirSync(this.dir)) if (!named.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}
