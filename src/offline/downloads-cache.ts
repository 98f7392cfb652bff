/**
 * The offline downloads of an essay kept between builds, in Astro's cache folder: an essay's
 * EPUB and single-file HTML depend only on its built page, the files that page loads (its
 * stylesheets and images), the options and this integration's own code, so when none of
 * these changed since the last build the files are copied from the cache instead of made
 * again (parsing the page, serialising, zipping: most of the downloads' time). Astro itself
 * renders every page again on each build; the page's HTML is the same byte for byte when its
 * essay has not changed, which is what makes the key hold.
 *
 * The key leaves out the build's time: an essay that gives no date of its own keeps the
 * `dcterms:modified` of the build that made its EPUB, which is when it was last changed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
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

/** What the cache keeps of an essay's downloads besides the files. */
interface CacheEntry {
  key: string;
  metadata: EssayMetadata;
}

/** An essay's cached downloads, found under its key. */
export interface CachedDownloads {
  metadata: EssayMetadata;
  /** The cached file of each format, to copy beside the page. */
  files: Record<DownloadFormat, string>;
}

/** The cache of the downloads, one folder per essay, in `cacheDir`. */
export class DownloadsCache {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private folder(slug: string): string {
    return join(this.dir, encodeURIComponent(slug));
  }

  /** The essay's downloads when the cache has them under `key`. */
  find(slug: string, key: string, formats: readonly DownloadFormat[]): CachedDownloads | undefined {
    const folder = this.folder(slug);
    let entry: CacheEntry;
    try {
      entry = JSON.parse(readFileSync(join(folder, 'entry.json'), 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry.key !== key) return undefined;
    const files = Object.fromEntries(formats.map((format) => [format, join(folder, `${key}.${format}`)])) as Record<DownloadFormat, string>;
    return Object.values(files).every((file) => existsSync(file)) ? { metadata: entry.metadata, files } : undefined;
  }

  /**
   * Keeps the essay's downloads under `key`, replacing what it had. The entry is written
   * last, and renamed into place, so a build stopped half way leaves no entry naming files
   * that are not all there.
   */
  keep(slug: string, key: string, metadata: EssayMetadata, written: Readonly<Record<DownloadFormat, Uint8Array>>): void {
    const folder = this.folder(slug);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const [format, bytes] of Object.entries(written)) writeFileSync(join(folder, `${key}.${format}`), bytes);
    const entry: CacheEntry = { key, metadata };
    writeFileSync(join(folder, 'entry.json.part'), JSON.stringify(entry));
    renameSync(join(folder, 'entry.json.part'), join(folder, 'entry.json'));
  }

  /** Copies the cached files beside the page. */
  static copy(cached: CachedDownloads, targets: Readonly<Record<DownloadFormat, string>>): void {
    for (const [format, file] of Object.entries(cached.files)) copyFileSync(file, targets[format as DownloadFormat]);
  }

  /** Removes the folders of essays the site no longer has, so the cache does not grow with every essay ever built. */
  prune(slugs: readonly string[]): void {
    if (!existsSync(this.dir)) return;
    const kept = new Set(slugs.map((slug) => encodeURIComponent(slug)));
    for (const name of readdirSync(this.dir)) if (!kept.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}

let fingerprint: string | undefined;

/**
 * A digest of this integration's code (every file under src/, and the package's version):
 * a change to how downloads are made, even without a new version while developing, makes
 * every cached download stale.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const src = resolve(import.meta.dirname, '..');
  const hash = createHash('sha256');
  hash.update(readFileSync(resolve(src, '../package.json')));
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(src.length).split(sep).join('/')).update(readFileSync(file));
  fingerprint = hash.digest('hex');
  return fingerprint;
}
