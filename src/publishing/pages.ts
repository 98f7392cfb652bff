import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { essayPath } from '../site/urls.ts';

/**
 * Every HTML page of a built site, as a URL path relative to the base
 * (`''` for the home page, `essays/a/`, `404.html`), sorted. A page is a folder's
 * `index.html` or an HTML file at the top (`404.html`); other HTML files are
 * downloads (an essay's single-file copy) or Pagefind's, not pages of the site.
 */
export function listPages(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => (path.endsWith('index.html') ? !path.startsWith('pagefind/') : !path.includes('/')))
    .map(urlPathOf)
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
  return listPages(distDir).flatMap((page) => {
    const slug = page.split('/')[1] ?? '';
    return page === essayPath(slug) ? [slug] : [];
  });
}
