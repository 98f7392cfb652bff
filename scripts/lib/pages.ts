import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { essayPath } from '../../src/lib/urls.ts';

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
    .map((path) => (path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1')))
    .sort();
}

/** The slugs of the essays a built site has a page for (`essays/<slug>/`), sorted. */
export function listEssaySlugs(distDir: string): string[] {
  return listPages(distDir).flatMap((page) => {
    const slug = page.split('/')[1] ?? '';
    return page === essayPath(slug) ? [slug] : [];
  });
}
