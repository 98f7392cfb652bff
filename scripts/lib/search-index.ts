import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE_PATH } from '../../src/lib/search-results.ts';

/**
 * What is never essay text, even inside an essay's `data-pagefind-body`: navigation (the
 * table of contents is a `nav`). Note markers, sidenote and preview copies and back-links
 * carry `data-pagefind-ignore` where they are rendered.
 */
export const SEARCH_EXCLUDE_SELECTORS = ['nav'];

/**
 * Pagefind's ready-made interfaces, written next to the index. The search page uses the
 * JS API (`pagefind.js`) with its own markup, so these ~430 KB are never loaded: they
 * are removed rather than published.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Indexes the built site in `siteDir` and writes the index, with Pagefind's search code,
 * to `siteDir/pagefind/`. Only essays are indexed: they are the pages that mark their
 * text with `data-pagefind-body`. Any error Pagefind reports is
 * thrown, so a site is never published with a missing or partial index.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; outputPath: string }> {
  const outputPath = join(siteDir, SEARCH_BUNDLE_PATH);
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE_SELECTORS });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    for (const file of htmlFiles(siteDir)) {
      const html = readFileSync(file, 'utf8');
      // Pagefind would leave these pages out too once one page has a body; skipping them
      // here keeps the rule visible and the page count true.
      if (!html.includes('data-pagefind-body')) continue;
      const sourcePath = relative(siteDir, file).split('\\').join('/');
      const added = await index.addHTMLFile({ sourcePath, content: html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, file), { force: true });
    return { pages, outputPath };
  } finally {
    // Pagefind runs as a child process; left open, it keeps the build from exiting.
    await pagefind.close();
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
