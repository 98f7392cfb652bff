import { closeSync, ftruncateSync, lstatSync, openSync, readdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { essayPath } from '../site/urls.ts';

/**
 * Every HTML page of a built site, as a URL path relative to the base
 * (`''` for the home page, `essays/a/`, `404.html`), sorted. A page is a folder's
 * `index.html` or an HTML file at the top (`404.html`); other HTML files are
 * downloads (an essay's single-file copy) or Pagefind's, not pages of the site.
 */
export function listPages(distDir: string): string[] {
  return listPageFiles(distDir).map(urlPathOf).sort();
}

/** The files of `listPages`, relative to the site (`index.html`, `essays/a/index.html`, `404.html`), sorted. */
export function listPageFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => (path.endsWith('index.html') ? !path.startsWith('pagefind/') : !path.includes('/')))
    .sort();
}

/** The URL path, relative to the base, that serves a file of the site: a folder's `index.html` is the folder (`essays/a/`, `''`). */
export function urlPathOf(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Every HTML file a built site publishes, relative to it (`index.html`, `essays/a/index.html`,
 * `essays/a/a.html`…), sorted: its pages and its other HTML documents (an essay's
 * single-file copy), leaving out Pagefind's bundle, which is not our markup.
 */
export function listHtmlFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.startsWith('pagefind/'))
    .sort();
}

/** The slugs of the essays a built site has a page for (`essays/<slug>/`), sorted. */
export function listEssaySlugs(distDir: string): string[] {
  return essaySlugsOf(listPageFiles(distDir));
}

/** The slugs of the essays among a site's page files (`listPageFiles`), sorted. */
export function essaySlugsOf(pageFiles: readonly string[]): string[] {
  return pageFiles
    .map(urlPathOf)
    .flatMap((page) => {
      const slug = page.split('/')[1] ?? '';
      return page === essayPath(slug) ? [slug] : [];
    })
    .sort();
}

/**
 * Writes a built page's new text over its old, in place. The build steps after Astro change
 * every essay page (download sizes, then its styles); `writeFileSync` would truncate the file
 * to nothing first, and ext4 answers a file truncated to nothing and written again by flushing
 * it to disk when it is closed (its `auto_da_alloc`, there for editors that save that way):
 * 1 ms a page on this project's machine, against 0.1 ms for a write in place. So the new bytes go
 * over the old ones, and the file is cut to their length after.
 */
export function rewritePage(file: string, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  // A page linked to Astro's copy of it (`linkUnchangedPages`) becomes a file of its own first:
  // written through the link, it would change the copy the next build takes as Astro's page.
  if (lstatSync(file).nlink > 1) {
    unlinkSync(file);
    writeFileSync(file, bytes, { flag: 'wx' });
    return;
  }
  const descriptor = openSync(file, 'r+');
  try {
    for (let written = 0; written < bytes.byteLength;) {
      written += writeSync(descriptor, bytes, written, bytes.byteLength - written, written);
    }
    ftruncateSync(descriptor, bytes.byteLength);
  } finally {
    closeSync(descriptor);
  }
}
