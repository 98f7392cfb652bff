/**
 * The one write each essay page gets after Astro: what earlier steps found for it (its download
 * links' sizes) and what it needs before its first paint (its stylesheets and classic script,
 * inline-assets.ts), in a single pass. Then each page is kept in the cache by what it holds
 * (`LinkedFiles`), so that a rebuild whose page comes out the same links the page the last
 * build published instead of creating a file for it: most pages of a rebuild after one essay
 * changed. Creating a file is what such a page cost (about 0.35 ms each on ext4, 0.02 ms for a
 * link); two rewrites of each page, each reading it, were the rest. A page made from the same
 * inputs as in the last build (Astro's page, what `edit` writes, the files written into it, this
 * code) is not even made again: its kept page is linked as it is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { essayPath } from '../site/urls.ts';
import { KeptTable, LinkedFiles } from './cache-file.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import type { InlineHashes } from './content-security-policy.ts';
import { assetHrefs, inlineAssets, remembered, type InlineElement } from './inline-assets.ts';
import { listEssaySlugs, rewritePage } from './pages.ts';
import { letOthersRun } from './step-order.ts';

export interface EssayPagesOptions {
  /** The base path the site is served under, which the pages' links to their stylesheets and script start with. */
  base: string;
  /** What an earlier step writes into a page before its assets (its download sizes): its new text, given its slug and text. */
  edit?: (slug: string, html: string) => string;
  /** What `edit` writes into a page, as text: with the page, what makes it the same as in the last build. */
  editKey?: (slug: string) => string;
  /** Where the finished pages are kept between builds (a folder of the cache); none: not kept. */
  keepIn?: string;
  /** The essays whose pages to finish, when already listed (`essaySlugsOf`); by default, every essay page of the site. */
  slugs?: readonly string[];
}

/** What the step keeps of each page for the next build: what it was made from, and the kept file it came out as. */
interface FinishedPage {
  /** A digest of the page as Astro wrote it, what `edit` wrote into it, the base and this code. */
  made: string;
  /** A digest of each file written into it (its stylesheets, its classic script), by href. */
  assets: Record<string, string>;
  kept: { name: string; bytes: number };
  hashes: InlineHashes;
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
export async function writeEssayPages(
  siteDir: string,
  { base, edit, editKey, keepIn, slugs = listEssaySlugs(siteDir) }: EssayPagesOptions,
): Promise<EssayPagesResult> {
  const read = siteFileReader(siteDir, base);
  const kept = keepIn === undefined ? undefined : new LinkedFiles(keepIn);
  const table = keepIn === undefined ? undefined : new KeptTable<FinishedPage>(`${keepIn}.json`);
  const digests = new Map<string, string>();
  const assetDigest = (href: string) => remembered(digests, href, () => sha256(read(href)));
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const memo = new Map<string, InlineElement>();
  let unchanged = 0;
  for (const slug of slugs) {
    // Pagefind, beside this step, waits on this thread's event loop.
    await letOthersRun();
    const file = join(siteDir, essayPath(slug), 'index.html');
    const astroPage = readFileSync(file);
    const made = table ? sha256(astroPage, editKey?.(slug) ?? '', base, codeFingerprint()) : '';
    const last = table?.last[slug];
    let hashes: InlineHashes;
    if (
      last?.made === made &&
      Object.entries(last.assets).every(([href, digest]) => assetDigest(href) === digest) &&
      kept?.relink(last.kept.name, last.kept.bytes, file)
    ) {
      table?.set(slug, last);
      unchanged += 1;
      hashes = last.hashes;
    } else {
      const astroHtml = astroPage.toString('utf8');
      const html = edit ? edit(slug, astroHtml) : astroHtml;
      const page = inlineAssets(html, read, memo);
      hashes = page.hashes;
      if (kept) {
        const placed = kept.place(file, page.html, rewritePage);
        if (placed.linked) unchanged += 1;
        const assets = Object.fromEntries(assetHrefs(html).map((href) => [href, assetDigest(href)]));
        table?.set(slug, { made, assets, kept: { name: placed.name, bytes: placed.bytes }, hashes });
      } else {
        rewritePage(file, page.html);
      }
    }
    for (const hash of hashes.styles) styles.add(hash);
    for (const hash of hashes.scripts) scripts.add(hash);
  }
  kept?.prune();
  table?.save();
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

/** A SHA-256 of `parts`, each with its length, so that no two lists of parts give the same bytes. */
function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
  return hash.digest('hex');
}
