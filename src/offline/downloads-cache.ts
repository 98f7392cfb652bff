/**
 * The offline downloads of an essay kept between builds, in Astro's cache folder: an essay's
 * EPUB and single-file HTML depend only on its built page, the files that page loads (its
 * stylesheets and images), the options and this integration's own code, so when none of
 * these changed since the last build the files are copied from the cache instead of made
 * again (parsing the page, serialising, zipping: most of the downloads' time). An essay page
 * Astro renders again, or copies from its own cache (src/site/page-reuse.ts), is the same byte
 * for byte when its essay has not changed, which is what makes the key hold.
 *
 * The key leaves out the build's time: an essay that gives no date of its own keeps the
 * `dcterms:modified` of the build that made its EPUB, which is when it was last changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DownloadFormat } from './downloads.ts';
import type { EssayMetadata } from './offline-article.ts';

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

/**
 * The paths below `base` of the files a page loads that its downloads hold: its stylesheets
 * (`<link rel="stylesheet" href>`) and the images of `src` and `srcset`, in the order they
 * first appear, each once. Read with patterns rather than a parser: the point is to spare
 * the parse; a path named but not used only makes the key stricter.
 */
export function pageFiles(html: string, base: string): string[] {
  const paths = new Set<string>();
  const add = (value: string) => {
    const path = value.trim().split(/[?#]/)[0] ?? '';
    if (path.startsWith(base) && !path.startsWith('//')) paths.add(path);
  };
  for (const [, value = ''] of html.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)) add(value);
  for (const [, value = ''] of html.matchAll(/\ssrc="([^"]*)"/g)) add(value);
  for (const [, value = ''] of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of value.split(',')) add(candidate.trim().split(/\s+/)[0] ?? '');
  }
  return [...paths];
}

/**
 * What the cache keeps of an essay's downloads besides the files: the first line of the
 * essay's file in the cache, which the files follow, byte for byte, in the order of `files`.
 */
interface CacheEntry {
  key: string;
  metadata: EssayMetadata;
  /** Each download's format and size in bytes. */
  files: Array<[DownloadFormat, number]>;
}

/** An essay's cached downloads, found under its key. */
export interface CachedDownloads {
  metadata: EssayMetadata;
  /** The bytes of each format's file, to write beside the page. */
  files: Record<DownloadFormat, Uint8Array>;
}

/** How the file of an essay's cached downloads ends (`on-time.downloads`). */
const ENTRY_EXTENSION = '.downloads';

/**
 * The cache of the downloads in `cacheDir`: one file per essay, its entry then its downloads.
 * One file rather than a folder of three, as creating and renaming files was most of what
 * keeping an essay's downloads cost (a cold build keeps every essay's), and reading one file
 * back is the least a rebuild can do.
 */
export class DownloadsCache {
  private readonly dir: string;
  private made = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(slug: string): string {
    return join(this.dir, `${encodeURIComponent(slug)}${ENTRY_EXTENSION}`);
  }

  /** The essay's downloads when the cache has them, every format of `formats`, under `key`. */
  find(slug: string, key: string, formats: readonly DownloadFormat[]): CachedDownloads | undefined {
    let bytes: Buffer;
    let entry: CacheEntry;
    try {
      bytes = readFileSync(this.file(slug));
      entry = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(0x0a))) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry.key !== key) return undefined;
    const files: Partial<Record<DownloadFormat, Uint8Array>> = {};
    let offset = bytes.indexOf(0x0a) + 1;
    for (const [format, size] of entry.files) {
      files[format] = bytes.subarray(offset, offset + size);
      offset += size;
    }
    const whole = offset === bytes.length && formats.every((format) => files[format] !== undefined);
    return whole ? { metadata: entry.metadata, files: files as Record<DownloadFormat, Uint8Array> } : undefined;
  }

  /**
   * Keeps the essay's downloads under `key`, replacing what it had. The file is renamed into
   * place whole, so a build stopped half way leaves no entry naming files that are not all there.
   */
  keep(slug: string, key: string, metadata: EssayMetadata, written: Readonly<Record<DownloadFormat, Uint8Array>>): void {
    if (!this.made) mkdirSync(this.dir, { recursive: true });
    this.made = true;
    const downloads = Object.entries(written) as Array<[DownloadFormat, Uint8Array]>;
    // JSON holds no raw line break: the entry's line ends at the first one.
    const entry: CacheEntry = { key, metadata, files: downloads.map(([format, bytes]) => [format, bytes.byteLength]) };
    const file = this.file(slug);
    writeFileSync(`${file}.part`, Buffer.concat([Buffer.from(`${JSON.stringify(entry)}\n`), ...downloads.map(([, bytes]) => bytes)]));
    renameSync(`${file}.part`, file);
  }

  /** Writes the cached files beside the page. */
  static copy(cached: CachedDownloads, targets: Readonly<Record<DownloadFormat, string>>): void {
    for (const [format, bytes] of Object.entries(cached.files)) writeFileSync(targets[format as DownloadFormat], bytes);
  }

  /**
   * Removes the files of essays the site no longer has, so the cache does not grow with every
   * essay ever built, and anything else in the folder (a file a stopped build left half written).
   */
  prune(slugs: readonly string[]): void {
    if (!existsSync(this.dir)) return;
    const kept = new Set(slugs.map((slug) => basename(this.file(slug))));
    for (const name of readdirSync(this.dir)) if (!kept.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}
