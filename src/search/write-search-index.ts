import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transform } from 'esbuild';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE_PATH, SEARCH_LANGUAGES_ATTRIBUTE, searchLanguage, type PagefindEntry } from './pagefind-index.ts';
import type { EarlySearchIndex } from './early-search-index.ts';
import { pagesGlob } from './pages-glob.ts';
import { newSearchIndex } from './search-index-options.ts';
import { LinkedFiles, linkOrCopy } from '../publishing/cache-file.ts';
import { listPageFiles } from '../publishing/pages.ts';

/**
 * Files Pagefind writes next to each index that the search page never loads, removed rather
 * than published: its ready-made interfaces (~430 KB), and its web worker, since the page
 * runs Pagefind on the main thread (one script to fetch instead of two; the searches of a
 * site of essays take a few milliseconds).
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

/** The pages the search index reads: copies of the essay pages, by language, in a folder of their own. */
export interface SearchPages {
  /** A folder with each page at its path in the site. */
  dir: string;
  /** A scratch folder, which `writeSearchIndex` removes; otherwise the copies are kept for the next build. */
  scratch: boolean;
  /** Each language's pages by their path in the site (`essays/a/index.html`). */
  byLanguage: Map<string, string[]>;
  /** The pages whose copy was kept from the last build as it was (the page unchanged). */
  unchanged: Set<string>;
}

/**
 * Copies the essay pages of the site in `siteDir`, as they are now, for the search index to read
 * while the build's later steps write into the pages in place. A page rewritten as a new file
 * renamed over the old one could be read whole at any time, but on ext4 each such rename waits
 * for the new file's data to reach the disk (1,000 pages: 0.8 s).
 * Only essays are copied: they are the pages that mark their text with `data-pagefind-body`.
 *
 * With `keepIn` (a folder of the cache), the copies stay there between builds, each a hard link
 * to its page as Astro wrote it (`linkedCopies`), and copies of pages the site no longer has are
 * removed. A rebuild after one essay changed then places one copy, where a scratch folder
 * made each build 500 folders and files and removed them again. Otherwise the copies are
 * written to a scratch folder.
 */
export function copySearchPages(siteDir: string, keepIn?: string, pageFiles: readonly string[] = listPageFiles(siteDir)): SearchPages {
  const dir = keepIn ?? mkdtempSync(join(tmpdir(), 'essay-press-search-'));
  try {
    const byLanguage = new Map<string, string[]>();
    const copies = new Set<string>();
    const unchanged = new Set<string>();
    const place = keepIn ? linkedCopies(siteDir, dir) : undefined;
    // The site's pages only: not the essays' single-file downloads, which would be read for nothing.
    for (const sourcePath of pageFiles) {
      const file = join(siteDir, sourcePath);
      const copy = join(dir, sourcePath);
      let language: string;
      if (place?.isCopy(file, copy)) {
        // The page is its kept copy (both linked to Astro's copy of an unchanged page): only
        // its language is read, from its first bytes, and it was indexed as it is.
        language = pageLanguage(headOf(file));
        unchanged.add(sourcePath);
      } else {
        const content = readFileSync(file, 'utf8');
        // Pagefind would leave these pages out too once one page has a body; skipping them
        // here keeps the rule visible and the page count true.
        if (!content.includes('data-pagefind-body')) continue;
        language = pageLanguage(content);
        const written = place ? place.copy(file, copy, content) : writeCopy(copy, content);
        if (!written) unchanged.add(sourcePath);
      }
      copies.add(copy);
      const pages = byLanguage.get(language);
      if (pages) pages.push(sourcePath);
      else byLanguage.set(language, [sourcePath]);
    }
    // A site without essays has made no copies, nor the folder.
    if (keepIn && existsSync(dir)) {
      for (const file of htmlFiles(dir)) {
        if (copies.has(file)) continue;
        rmSync(file);
        // The essay's folder, unless something else is still in it.
        rmdirIfEmpty(dirname(file));
      }
    }
    return { dir, scratch: keepIn === undefined, byLanguage, unchanged };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

const pageLanguage = (html: string) => searchLanguage(/<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '');

/** The first bytes of a page, as far as its `<html>` start tag, or the whole page if that is further. */
function headOf(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const text = head.subarray(0, readSync(descriptor, head, 0, HEAD_BYTES, 0)).toString('utf8');
    return /<html\b[^>]*>/.test(text) ? text : readFileSync(file, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

/** Enough for a doctype, a comment or two and the `<html>` start tag of any page we write. */
const HEAD_BYTES = 1024;

/**
 * The kept copies as hard links to the pages (`linkOrCopy`): a copy is made without writing a
 * byte, and a rebuild, where an unchanged page and its copy are both links to Astro's copy of it
 * (src/site/page-reuse.ts), finds them one file and reads neither. The build steps after this one
 * never write through a link (`rewritePage`). Where the cache is on another disk, the copies are
 * copies, and one that has the page's bytes already is left as it is.
 */
function linkedCopies(siteDir: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  const linkable = statSync(dir).dev === statSync(siteDir).dev;
  return {
    isCopy: (page: string, copy: string): boolean => {
      const kept = statSync(copy, { throwIfNoEntry: false });
      if (!kept) return false;
      const { ino, dev } = statSync(page);
      return kept.ino === ino && kept.dev === dev;
    },
    /** Puts the copy in place; whether its text changed (a copy not there before has). */
    copy: (page: string, copy: string, content: string): boolean => {
      const kept = readOrUndefined(copy);
      if (kept === undefined) mkdirSync(dirname(copy), { recursive: true });
      if (linkable || kept !== content) linkOrCopy(page, copy);
      return kept !== content;
    },
  };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function rmdirIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty: another page's copy is in it.
  }
}

/** Writes a page's copy in a scratch folder; whether it wrote (always: the folder is new). */
function writeCopy(copy: string, content: string): boolean {
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, content);
  return true;
}

/**
 * Indexes the essay pages of the built site in `siteDir` (from their copies, `copySearchPages`)
 * and writes, for each language of its essays, an index with Pagefind's search code to
 * `siteDir/pagefind/<language>/` (`searchLanguage`: `en`, `de`…). Pagefind searches an index it
 * merges into another with the other's WebAssembly, and so with the other language's word
 * stemming; a bundle per language is opened on its own, with its own. Any error Pagefind
 * reports is thrown, so a site is never published with a missing or partial index; so is a
 * search page that names other languages than those indexed.
 *
 * With `early` (a rebuild's indexes begun while Astro built, early-search-index.ts), each
 * language's index is the early one with the other pages added, if every page it was begun with
 * is still a page of that language whose copy is unchanged; otherwise every index starts again.
 */
export async function writeSearchIndex(
  siteDir: string,
  pages: SearchPages = copySearchPages(siteDir),
  early?: EarlySearchIndex,
  keepIn?: string,
): Promise<{ pages: number; languages: string[]; outputPath: string; early: number }> {
  const { dir: pagesDir, scratch, byLanguage } = pages;
  const outputPath = join(siteDir, SEARCH_BUNDLE_PATH);
  const kept = keepIn === undefined ? undefined : new LinkedFiles(keepIn);
  const languages = [...byLanguage.keys()].sort();
  let begun = 0;
  try {
    checkSearchPage(siteDir, languages);
    const taken = await takeEarly(early, pages);
    for (const language of languages) {
      // One language per index: Pagefind picks that language's stemmer and WebAssembly.
      const head = taken?.get(language);
      const index = head?.index ?? (await newSearchIndex(language));
      const all = byLanguage.get(language) ?? [];
      await addPages(index, pagesDir, head ? all.filter((page) => !head.pages.has(page)) : all);
      begun += head?.pages.size ?? 0;
      const bundle = join(outputPath, language);
      if (kept) await placeBundle(index, bundle, kept);
      else {
        const written = await index.writeFiles({ outputPath: bundle });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${language} index: ${written.errors.join('; ')}`);
      }
      await trimBundle(bundle, kept);
    }
    kept?.prune();
  } finally {
    // Pagefind runs as a child process; left open, it keeps the build from exiting.
    await pagefind.close();
    if (scratch) rmSync(pagesDir, { recursive: true, force: true });
  }
  return { pages: [...byLanguage.values()].reduce((sum, list) => sum + list.length, 0), languages, outputPath, early: begun };
}

/**
 * The early indexes, if every page each was begun with is a page of its language whose copy
 * this build kept as it was; otherwise none, and those begun are dropped.
 */
async function takeEarly(early: EarlySearchIndex | undefined, { byLanguage, unchanged }: SearchPages) {
  const taken = await early?.settle();
  if (!taken) return undefined;
  const holds = [...taken].every(([language, { pages }]) => {
    const current = new Set(byLanguage.get(language));
    return [...pages].every((page) => current.has(page) && unchanged.has(page));
  });
  if (holds) return taken;
  for (const { index } of taken.values()) await index.deleteIndex();
  return undefined;
}

/**
 * Adds the pages to the index. In one call, naming them all in a glob, Pagefind reads and
 * parses them itself, on its own threads: page by page, each page's text went to it through
 * a pipe, one message at a time (500 essays: 2.1 s page by page, 1.1 s in one call). A path a
 * glob cannot name as it is (with `{`, `*`…) falls back to the page-by-page way.
 */
async function addPages(index: pagefind.PagefindIndex, siteDir: string, pages: readonly string[]): Promise<void> {
  if (pages.length === 0) return;
  const glob = pagesGlob(pages);
  if (glob === undefined) {
    for (const sourcePath of pages) {
      const added = await index.addHTMLFile({ sourcePath, content: readFileSync(join(siteDir, sourcePath), 'utf8') });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
    }
    return;
  }
  const added = await index.addDirectory({ path: siteDir, glob });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join('; ')}`);
  if (added.page_count !== pages.length) {
    throw new Error(`Pagefind indexed ${added.page_count} page(s) of ${pages.length}: the index would not find every essay.`);
  }
}

/**
 * Puts a language's bundle in the site as hard links to files kept in the cache by what they hold
 * (`LinkedFiles`), rather than having Pagefind write every file: a rebuild after one essay changed
 * creates only the files whose bytes changed (that essay's fragment, the index chunks holding its
 * words) and links the rest, some 560 files for 500 essays. Creating a file is the dear part here
 * (ext4 looks past every inode freed lately, and the last build freed thousands); a link creates
 * none, and removing the previous site then frees none (docs/benchmarks.md).
 */
async function placeBundle(index: pagefind.PagefindIndex, bundle: string, kept: LinkedFiles): Promise<void> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) throw new Error(`Pagefind could not write the index in ${bundle}: ${errors.join('; ')}`);
  const folders = new Set<string>();
  for (const { path, content } of files) {
    // The files the search never loads are not placed at all (trimBundle removes them otherwise).
    if (UNUSED_BUNDLE_FILES.includes(path)) continue;
    const target = join(bundle, path);
    const folder = dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    kept.place(target, content);
  }
}

/**
 * Leaves out of a bundle what its search never loads: the unused files above, and the
 * WebAssembly of any language the bundle has no index in (Pagefind writes the one without
 * stemming, `wasm.unknown.pagefind`, beside the language's own). And minifies `pagefind.js`,
 * which Pagefind ships readable in part: 47 KB become 32 KB (13.2 KB and 11.4 KB gzipped),
 * the same code. With `kept`, the minified script is placed as the bundle's other files are:
 * never written through the link to a kept file.
 */
async function trimBundle(bundle: string, kept?: LinkedFiles): Promise<void> {
  for (const file of UNUSED_BUNDLE_FILES) rmSync(join(bundle, file), { force: true });
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const used = new Set(Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  for (const file of readdirSync(bundle)) {
    if (/^wasm\..+\.pagefind$/.test(file) && !used.has(file)) rmSync(join(bundle, file));
  }
  const script = join(bundle, 'pagefind.js');
  const { code } = await transform(readFileSync(script, 'utf8'), { minify: true, format: 'esm', loader: 'js' });
  if (kept) kept.place(script, code);
  else writeFileSync(script, code);
}

/**
 * The search page names the language bundles it opens (read at build time from the essays);
 * they must be the ones written here, or search would fetch a bundle that is not there.
 */
function checkSearchPage(siteDir: string, languages: string[]): void {
  let page: string;
  try {
    page = readFileSync(join(siteDir, 'search/index.html'), 'utf8');
  } catch {
    return;
  }
  const attribute = new RegExp(`\\s${SEARCH_LANGUAGES_ATTRIBUTE}(?:="([^"]*)")?(?=[\\s/>])`).exec(page);
  if (!attribute) throw new Error(`The search page has no ${SEARCH_LANGUAGES_ATTRIBUTE}: it cannot know which indexes to open.`);
  const named = attribute[1] ?? '';
  const expected = languages.join(' ');
  if (named !== expected) {
    throw new Error(`The search page opens the indexes “${named}”, but the essays are in “${expected}”.`);
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
