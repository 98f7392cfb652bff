/**
 * A rebuild's search index, begun before Astro has written a page. Pagefind indexes the essay
 * pages' copies kept in the cache (`copySearchPages`), and in a rebuild most of them are already
 * the pages this build will write: those of the essays compiled last time and unchanged since.
 * Pagefind reads those copies in its own process from the start of Astro's build, while Astro
 * bundles and renders, and the search step adds only the rest. The step takes the early work
 * only if every page it named was indeed unchanged; otherwise it starts again from nothing, as
 * without it (`writeSearchIndex`).
 *
 * It begins at once rather than when Astro starts writing pages: Rolldown's bundling and Pagefind
 * then share the two CPUs, but the search step no longer waits for Pagefind to finish reading
 * (500 essays, one edited: 0.97× the wall time in 32 paired rebuilds; docs/benchmarks.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchLanguage } from './pagefind-index.ts';
import { pagesGlob } from './pages-glob.ts';
import { newSearchIndex } from './search-index-options.ts';

/** Essay pages a search index was begun with, one language. */
export interface EarlyIndex {
  index: pagefind.PagefindIndex;
  /** The pages added, by their path in the site (`essays/a/index.html`). */
  pages: ReadonlySet<string>;
}

export interface EarlySearchIndex {
  /** The indexes begun, by language, once Pagefind has read their pages; none if it was not begun, or failed. */
  settle(): Promise<Map<string, EarlyIndex> | undefined>;
  /** Ends the early work when the build ends without the search step (Pagefind is a process of its own). */
  stop(): Promise<void>;
}

/**
 * Starts indexing the copies in `copiesDir` of the pages named in `expected`: the pages expected
 * to be unchanged. None where there are no copies from a last build.
 */
export function startEarlySearchIndex(copiesDir: string, expected: readonly string[]): EarlySearchIndex | undefined {
  if (!existsSync(copiesDir)) return undefined;
  const begun = indexCopies(copiesDir, expected).catch(() => undefined);
  return {
    settle: () => begun,
    stop: async () => {
      await begun;
      await pagefind.close();
    },
  };
}

/** One index per language of the copies named, each with its copies added in one call. */
async function indexCopies(copiesDir: string, pages: readonly string[]): Promise<Map<string, EarlyIndex> | undefined> {
  const byLanguage = new Map<string, string[]>();
  for (const page of pages) {
    let content: string;
    try {
      content = readFileSync(join(copiesDir, page), 'utf8');
    } catch {
      continue;
    }
    const language = searchLanguage(/<html\b[^>]*\slang="([^"]*)"/.exec(content)?.[1] ?? '');
    const paths = byLanguage.get(language);
    if (paths) paths.push(page);
    else byLanguage.set(language, [page]);
  }
  const indexes = new Map<string, EarlyIndex>();
  for (const [language, paths] of byLanguage) {
    const glob = pagesGlob(paths);
    if (glob === undefined) return undefined;
    const index = await newSearchIndex(language);
    const added = await index.addDirectory({ path: copiesDir, glob });
    if (added.errors.length > 0 || added.page_count !== paths.length) return undefined;
    indexes.set(language, { index, pages: new Set(paths) });
  }
  return indexes;
}
