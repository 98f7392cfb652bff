/**
 * The search part of the benchmark, for any site searched with Pagefind: the size of the
 * index on disk, and in Chromium the time from the input event of a query to its first
 * result on screen, for a first query (Pagefind, its WebAssembly and the index still to
 * fetch) and for warm ones (new words, everything loaded), with what the first search fetched.
 *
 * The search field, the button that opens it (if it sits in a dialog) and the results are
 * found by CSS selectors, with defaults for this site's search page and for Pagefind's own
 * interface (Starlight's `site-search` dialog), so a peer's build is measured the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'puppeteer-core';
import { searchableWords, searchWords } from '../lib/essay-words.ts';
import { defaultPage } from './page-weight.ts';
import { NO_BYTES, addSizes, sizesOfUrls, type CompressedSizes } from './site-files.ts';
import { summarise, type Summary } from './stats.ts';

/** Selectors tried in order until one matches: this site's, then Pagefind UI's, then any search field. */
export const DEFAULT_SELECTORS = {
  input: ['[data-search-form] input[type="search"]', '.pagefind-ui__search-input', 'pagefind-modular-input input', 'input[type="search"]'],
  /** Clicked first when the field is not visible: Starlight's search button opens a dialog. */
  open: ['site-search [data-open-modal]', 'button[data-open-modal]'],
  result: ['[data-search-results] li', '.pagefind-ui__result', '.pagefind-modular-list-result'],
} as const;

export interface SearchSelectors {
  input: readonly string[];
  open: readonly string[];
  result: readonly string[];
}

export interface IndexSize {
  /** The Pagefind folder, relative to the site (`pagefind`). */
  dir: string;
  files: number;
  bytes: number;
  /** The index proper: index chunks, fragments, filters, metadata and the entry file. */
  indexBytes: number;
  /** Pagefind's code: its scripts, WebAssembly and any UI files. */
  codeBytes: number;
}

/** The folder with Pagefind's `pagefind-entry.json` nearest the top of the site, relative to it. */
export function findPagefindDir(siteDir: string): string | undefined {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'pagefind-entry.json')
    .map((entry) => relative(siteDir, entry.parentPath).split('\\').join('/'))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
}

/** Index or code, by the name of a file in Pagefind's folder. */
export function pagefindFileKind(path: string): 'index' | 'code' {
  return /^(index|fragment|filter)\/|\.pf_meta$|pagefind-entry\.json$/.test(path) ? 'index' : 'code';
}

export function indexSize(siteDir: string, dir: string): IndexSize {
  const files = readdirSync(join(siteDir, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(join(siteDir, dir), path).split('\\').join('/'), bytes: statSync(path).size };
    });
  const sum = (kind: 'index' | 'code') =>
    files.filter((file) => pagefindFileKind(file.path) === kind).reduce((all, file) => all + file.bytes, 0);
  return { dir, files: files.length, bytes: sum('index') + sum('code'), indexBytes: sum('index'), codeBytes: sum('code') };
}

/** Elements that separate words, whatever white space the HTML has between them. */
const BLOCKS =
  'address, article, aside, blockquote, br, dd, details, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, ol, p, pre, section, summary, table, td, th, tr, ul';

/**
 * Words sure to be found, longest first: on this kind of site the first essay's opening
 * passage (scripts/lib/essay-words.ts); on another, the text that Pagefind indexes on `page`
 * (its `data-pagefind-body`, or its `main`).
 */
export function queryWords(siteDir: string, page = defaultPage(siteDir)): string[] {
  const essayWords = searchWords(siteDir);
  if (essayWords.length > 0) return essayWords;
  const { document } = parseHTML(readFileSync(join(siteDir, page, page === '' || page.endsWith('/') ? 'index.html' : ''), 'utf8'));
  const body = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body;
  for (const ignored of body.querySelectorAll('nav, script, style, template, [data-pagefind-ignore]')) ignored.remove();
  // Blocks are separate words even where the HTML has no white space between them.
  for (const block of body.querySelectorAll(BLOCKS)) {
    block.before(' ');
    block.after(' ');
  }
  const once = new Map<string, string>();
  for (const word of searchableWords(body.textContent ?? '')) if (!once.has(word.toLowerCase())) once.set(word.toLowerCase(), word);
  return [...once.values()].sort((a, b) => b.length - a.length);
}

export interface SearchFigures {
  /** The page searched from, relative to the base path. */
  page: string;
  index: IndexSize;
  queries: { first: string; warm: string[] };
  /** Input event to first result on screen, for the first query of a fresh tab (one per run). */
  firstMs: Summary;
  /** The same for each warm query of every run. */
  warmMs: Summary;
  /** What the first search fetched, from the moment the field was used until the network was idle. */
  firstSearch: { requests: number; bytes: CompressedSizes; files: string[] };
}

export interface SearchOptions {
  siteDir: string;
  baseUrl: string;
  /** The page to search from, relative to the base path. */
  page: string;
  selectors: SearchSelectors;
  first: string;
  warm: readonly string[];
  runs: number;
}

/** Measures search `runs` times, each in a fresh browser context (an empty cache). */
export async function measureSearch(browser: Browser, options: SearchOptions): Promise<Omit<SearchFigures, 'index'>> {
  const firsts: number[] = [];
  const warms: number[] = [];
  let firstSearch: SearchFigures['firstSearch'] = { requests: 0, bytes: NO_BYTES, files: [] };
  for (let run = 0; run < options.runs; run += 1) {
    const result = await searchOnce(browser, options);
    firsts.push(result.first);
    warms.push(...result.warm);
    firstSearch = result.firstSearch;
  }
  return {
    page: options.page,
    queries: { first: options.first, warm: [...options.warm] },
    firstMs: summarise(firsts),
    warmMs: summarise(warms),
    firstSearch,
  };
}

async function searchOnce(
  browser: Browser,
  { siteDir, baseUrl, page, selectors, first, warm }: SearchOptions,
): Promise<{ first: number; warm: number[]; firstSearch: SearchFigures['firstSearch'] }> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    // Wide, as a desktop: some sites (Starlight) show their search button only on wide screens.
    await tab.setViewport({ width: 1280, height: 900 });
    await tab.goto(new URL(page, baseUrl).href, { waitUntil: 'networkidle0' });
    const input = await findInput(tab, selectors);
    const result = selectors.result.join(', ');

    // The browser fetches the page's icon when it likes: that is not the search's doing.
    const icons = await tab.$$eval('link[rel~="icon"]', (links) => links.map((link) => (link as HTMLLinkElement).href));
    const fetched: string[] = [];
    let recording = true;
    const record = (url: string) => {
      if (recording && !icons.includes(url) && new URL(url).pathname !== '/favicon.ico') fetched.push(url);
    };
    tab.on('request', (request) => record(request.url()));
    const firstMs = await timeQuery(tab, input, result, first);
    await tab.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
    recording = false;

    const warmMs: number[] = [];
    for (const query of warm) {
      await clearQuery(tab, input, result);
      warmMs.push(await timeQuery(tab, input, result, query));
    }
    const sizeOf = sizesOfUrls(siteDir, baseUrl);
    const bytes = fetched.reduce<CompressedSizes>((all, url) => addSizes(all, sizeOf(url) ?? NO_BYTES), NO_BYTES);
    const base = new URL(baseUrl);
    const files = fetched.map((url) => {
      const target = new URL(url);
      return target.origin === base.origin ? target.pathname.replace(base.pathname, '') : url;
    });
    return { first: firstMs, warm: warmMs, firstSearch: { requests: fetched.length, bytes, files } };
  } finally {
    await context.close();
  }
}

/** The selector of the search field, after opening its dialog if it is in one; waits up to 10 s for it to appear. */
async function findInput(tab: Page, selectors: SearchSelectors): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await tab.evaluate(
      (candidates) => candidates.find((selector) => document.querySelector(selector) !== null),
      [...selectors.input],
    );
    if (found !== undefined) {
      const visible = await tab.$eval(found, (element) => element.getClientRects().length > 0);
      if (!visible) {
        const opener = await tab.evaluate(
          (candidates) => candidates.find((selector) => document.querySelector(selector) !== null),
          [...selectors.open],
        );
        if (opener === undefined)
          throw new Error(`The search field (${found}) is hidden and no button opens it: give one with --search-open.`);
        await tab.click(opener);
        await tab.waitForSelector(found, { visible: true, timeout: 5_000 });
      }
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`No search field on the page: none of ${selectors.input.join(' | ')}. Give one with --search-input.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Types `query` as one input event, with the field focused at that moment (a site that loads
 * its search on focus gets no head start), and resolves with the milliseconds until a result
 * not shown before is on screen and the next frame has been painted.
 */
async function timeQuery(tab: Page, input: string, result: string, query: string): Promise<number> {
  return tab.evaluate(
    ({ input, result, query }) =>
      new Promise<number>((resolve, reject) => {
        const field = document.querySelector<HTMLInputElement>(input);
        if (!field) return reject(new Error(`The search field ${input} is gone.`));
        const before = new Set(document.querySelectorAll(result));
        let start = 0;
        let done = false;
        const shown = () =>
          [...document.querySelectorAll(result)].some((element) => !before.has(element) && element.getClientRects().length > 0);
        const observer = new MutationObserver(() => {
          if (done || !shown()) return;
          done = true;
          observer.disconnect();
          // After the frame that shows it: a paint, then a task.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        field.focus();
        field.value = query;
        start = performance.now();
        field.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => {
          if (done) return;
          observer.disconnect();
          reject(new Error(`No result for “${query}” on screen within 30 s (results: ${result}).`));
        }, 30_000);
      }),
    { input, result, query },
  );
}

/** Empties the field, as a reader would before a new word, and waits (up to 2 s) for the results to go. */
async function clearQuery(tab: Page, input: string, result: string): Promise<void> {
  await tab.evaluate(
    ({ input, result }) =>
      new Promise<void>((resolve) => {
        const field = document.querySelector<HTMLInputElement>(input);
        if (!field) return resolve();
        field.value = '';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        const deadline = performance.now() + 2_000;
        const poll = () => {
          const visible = [...document.querySelectorAll(result)].some((element) => element.getClientRects().length > 0);
          if (!visible || performance.now() > deadline) resolve();
          else setTimeout(poll, 20);
        };
        poll();
      }),
    { input, result },
  );
}
