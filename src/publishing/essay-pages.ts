/**
 * The one write each essay page gets after Astro: what earlier steps found for it (its download
 * links' sizes) and what it needs before its first paint (its stylesheets and classic script,
 * inline-assets.ts), in a single pass. Then each page is kept in the cache by what it holds
 * (`LinkedFiles`), so that a rebuild whose page comes out the same links the page the last
 * build published instead of creating a file for it: most pages of a rebuild after one essay
 * changed. Creating a file is what such a page cost (about 0.35 ms each on ext4, 0.02 ms for a
 * link); two rewrites of each page, each reading it, were the rest.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { essayPath } from '../site/urls.ts';
import { LinkedFiles } from './cache-file.ts';
import type { InlineHashes } from './content-security-policy.ts';
import { inlineAssets, type InlineElement } from './inline-assets.ts';
import { listEssaySlugs, rewritePage } from './pages.ts';
import { letOthersRun } from './step-order.ts';

export interface EssayPagesOptions {
  /** The base path the site is served under, which the pages' links to their stylesheets and script start with. */
  base: string;
  /** What an earlier step writes into a page before its assets (its download sizes): its new text, given its slug and text. */
  edit?: (slug: string, html: string) => string;
  /** Where the finished pages are kept between builds (a folder of the cache); none: not kept. */
  keepIn?: string;
}

export interface EssayPagesResult {
  pages: number;
  /** The pages that came out as the last build published them, linked from the cache rather than written. */
  unchanged: number;
  /** The distinct CSP hashes of the styles and scripts written into the pages, for `_headers`. */
  hashes: InlineHashes;
}

/**
 * Finishes every essay page of the site in `siteDir`: `edit`, then its stylesheets and classic
 * script written in (the files stay, for the other pages). A page Astro wrote is written in place
 * (`rewritePage`); never through a link, so Astro's own copy stays as Astro wrote it.
 */
export async function writeEssayPages(siteDir: string, { base, edit, keepIn }: EssayPagesOptions): Promise<EssayPagesResult> {
  const read = siteFileReader(siteDir, base);
  const kept = keepIn === undefined ? undefined : new LinkedFiles(keepIn);
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const memo = new Map<string, InlineElement>();
  const slugs = listEssaySlugs(siteDir);
  let unchanged = 0;
  for (const slug of slugs) {
    // Pagefind, beside this step, waits on this thread's event loop.
    await letOthersRun();
    const file = join(siteDir, essayPath(slug), 'index.html');
    const astroHtml = readFileSync(file, 'utf8');
    const page = inlineAssets(edit ? edit(slug, astroHtml) : astroHtml, read, memo);
    if (kept) {
      if (kept.place(file, page.html, rewritePage)) unchanged += 1;
    } else {
      rewritePage(file, page.html);
    }
    for (const hash of page.hashes.styles) styles.add(hash);
    for (const hash of page.hashes.scripts) scripts.add(hash);
  }
  kept?.prune();
  return { pages: slugs.length, unchanged, hashes: { styles: [...styles], scripts: [...scripts] } };
}

/** Reads a file of the built site by the path a page links it with (under `base`); never a file outside the site. */
function siteFileReader(siteDir: string, base: string): (href: string) => string {
  const root = resolve(siteDir);
  return (href) => {
    const file = resolve(root, href.startsWith(base) ? href.slice(base.length) : href);
    if (!file.startsWith(root + sep)) throw new Error(`${href} is not a file of the site.`);
    return readFileSync(file, 'utf8');
  };
}
