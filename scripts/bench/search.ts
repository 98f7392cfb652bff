/**
 * Search figures, not a test: the size of the search files on disk, and in Chromium the
 * time from a query to its first results on screen, for a first query (Pagefind, its
 * WebAssembly and the index still to fetch) and a warm one (a new word, all loaded).
 *
 *   npm run bench:search [-- dist] [--runs 7] [--query word] [--warm-query another]
 *
 * Without --query and --warm-query, the two longest words of the site's first essay's opening
 * passage are searched for (scripts/lib/essay-words.ts), so it runs on any site with an essay.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { searchWords } from '../lib/essay-words.ts';
import { serveDirectory } from '../lib/static-server.ts';

/** Bytes of every file under `dir`, by path relative to it. */
export function fileSizes(dir: string): Map<string, number> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path).split('\\').join('/'), statSync(path).size] as const;
      }),
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * In a fresh tab (empty cache), submits `query`, then `warmQuery`, and returns for each
 * the milliseconds from the submit to the first result in the page.
 */
async function timeQueries(
  browser: Browser,
  searchUrl: string,
  query: string,
  warmQuery: string,
): Promise<{ first: number; warm: number; fetched: string[] }> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(searchUrl, { waitUntil: 'networkidle0' });
  const fetched: string[] = [];
  tab.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const timeOne = (q: string) =>
    tab.evaluate(
      (text) =>
        new Promise<number>((done, fail) => {
          const form = document.querySelector<HTMLFormElement>('[data-search-form]');
          const input = form?.querySelector<HTMLInputElement>('input');
          const list = document.querySelector('[data-search-results]');
          if (!form || !input || !list) return fail(new Error('The search page has no form or results list.'));
          list.replaceChildren();
          const observer = new MutationObserver(() => {
            if (list.querySelector('.search-result')) {
              observer.disconnect();
              done(performance.now() - start);
            }
          });
          observer.observe(list, { childList: true });
          input.value = text;
          const start = performance.now();
          form.requestSubmit();
          setTimeout(() => fail(new Error(`No results for “${text}” within 30 s.`)), 30_000);
        }),
      q,
    );
  const first = await timeOne(query);
  const warm = await timeOne(warmQuery);
  await context.close();
  return { first, warm, fetched };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '7' },
      query: { type: 'string' },
      'warm-query': { type: 'string' },
    },
  });
  const root = resolve(import.meta.dirname, '../..');
  const siteDir = resolve(root, positionals[0] ?? 'dist');
  const runs = Math.max(1, Number(values.runs));
  const words = searchWords(siteDir);
  const query = values.query ?? words[0];
  // Another word, so the warm query is not the first one again.
  const warmQuery = values['warm-query'] ?? words.find((word) => word.toLowerCase() !== query?.toLowerCase()) ?? query;
  if (query === undefined || warmQuery === undefined) {
    console.error(`${siteDir} has no essay to take words from: give them with --query and --warm-query.`);
    process.exit(1);
  }

  const sizes = fileSizes(join(siteDir, 'pagefind'));
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const sum = (test: (path: string) => boolean) => [...sizes].filter(([path]) => test(path)).reduce((s, [, size]) => s + size, 0);
  const essays = readdirSync(join(siteDir, 'essays'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
  console.log(`Search index of ${siteDir} (${essays} essay(s))`);
  console.log(`  on disk, all of pagefind/:        ${kb(total)} in ${sizes.size} files`);
  console.log(`    index (index/, fragment/, meta): ${kb(sum((p) => /^(index|fragment)\/|\.pf_meta$|entry\.json$/.test(p)))}`);
  console.log(`    code (pagefind.js, worker, wasm): ${kb(sum((p) => /\.js$|^wasm\./.test(p)))}`);

  const server = await serveDirectory(siteDir, process.env['BASE_PATH'] ?? '/');
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS });
  try {
    const firsts: number[] = [];
    const warms: number[] = [];
    let fetched: string[] = [];
    for (let run = 0; run < runs; run += 1) {
      const times = await timeQueries(browser, new URL('search/', server.url).href, query, warmQuery);
      firsts.push(times.first);
      warms.push(times.warm);
      fetched = times.fetched;
    }
    const bundlePrefix = `${new URL(server.url).pathname}pagefind/`;
    const loaded = [...new Set(fetched)]
      .filter((path) => path.startsWith(bundlePrefix))
      .map((path) => path.slice(bundlePrefix.length).replace(/\?.*$/, ''));
    console.log(
      `  fetched by the two queries:        ${kb(loaded.reduce((s, path) => s + (sizes.get(path) ?? 0), 0))} (${loaded.join(', ')})`,
    );
    console.log(`In Chromium (headless, 127.0.0.1, no cache), query to first result rendered, median of ${runs}:`);
    console.log(
      `  first query (“${query}”, loads Pagefind): ${median(firsts).toFixed(0)} ms (min ${Math.min(...firsts).toFixed(0)}, max ${Math.max(...firsts).toFixed(0)})`,
    );
    console.log(
      `  warm query (“${warmQuery}”): ${median(warms).toFixed(0)} ms (min ${Math.min(...warms).toFixed(0)}, max ${Math.max(...warms).toFixed(0)})`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
