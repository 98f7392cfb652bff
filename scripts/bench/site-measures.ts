/**
 * What `npm run bench` measures of a built site in Chromium: an essay page's weight, parts
 * and paint, and how soon search answers. A part that cannot be measured is noted, not fatal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { serveDirectory } from '../lib/static-server.ts';
import { firstVisit, type FirstVisit } from './first-visit.ts';
import { measureLoadPaint, type LoadPaint } from './load-paint.ts';
import type { BenchOptions } from './options.ts';
import { measurePageParts, type PageParts } from './page-parts.ts';
import { defaultPage, largestPage, measurePageWeight, type PageWeight } from './page-weight.ts';
import { DEFAULT_SELECTORS, findPagefindDir, indexSize, measureSearch, queryWords, type SearchFigures } from './search.ts';

/** A site measured in Chromium: one of the benchmark's builds, dist/, or the dir given. */
export interface MeasuredSite {
  label: string;
  dir: string;
  base: string;
}

/** One site's figures in Chromium, and what could not be measured. */
export interface SiteFigures {
  site: string;
  dir: string;
  page?: PageWeight & { largestPage: ReturnType<typeof largestPage> };
  /** The essay page's HTML and CSS by part (page-parts.ts); none for a peer's page. */
  parts?: PageParts | undefined;
  /** LCP and CLS of the same page loaded as Lighthouse's mobile preset loads it (load-paint.ts). */
  paint?: LoadPaint;
  /** What the service worker downloads on a first visit to the page (first-visit.ts); null for a site without one. */
  firstVisit?: FirstVisit | null;
  search?: SearchFigures;
  errors: string[];
}

/** Serves each site in turn and measures the parts `options.parts` asks for, in one headless Chromium. */
export async function benchInBrowser(sites: MeasuredSite[], options: BenchOptions): Promise<{ browser: string; sites: SiteFigures[] }> {
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS });
  const results: SiteFigures[] = [];
  const version = await browser.version();
  try {
    console.log(`\nIn ${version} (headless), the site served on 127.0.0.1 with no compression or cache headers.`);
    for (const site of sites) {
      const figures: SiteFigures = { site: site.label, dir: site.dir, errors: [] };
      results.push(figures);
      const server = await serveDirectory(site.dir, site.base);
      try {
        if (options.parts.includes('page')) {
          try {
            const page = options.page ?? defaultPage(site.dir);
            figures.page = {
              ...(await measurePageWeight(browser, { siteDir: site.dir, baseUrl: server.url, page })),
              largestPage: largestPage(site.dir),
            };
            figures.parts = measurePageParts(site.dir, page, site.base);
            figures.firstVisit = firstVisit(site.dir, page) ?? null;
          } catch (error) {
            figures.errors.push(`page weight: ${(error as Error).message}`);
          }
          // Apart from the weighing: a page whose paint cannot be read still has its weight.
          try {
            const page = options.page ?? defaultPage(site.dir);
            figures.paint = await measureLoadPaint(browser, new URL(page, server.url).href, options.runs);
          } catch (error) {
            figures.errors.push(`LCP: ${(error as Error).message}`);
          }
        }
        if (options.parts.includes('search')) {
          try {
            figures.search = await benchSearch(browser, site, server.url, options);
          } catch (error) {
            figures.errors.push(`search: ${(error as Error).message}`);
          }
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { browser: version, sites: results };
}

async function benchSearch(browser: Browser, site: MeasuredSite, baseUrl: string, options: BenchOptions): Promise<SearchFigures> {
  const dir = findPagefindDir(site.dir);
  if (dir === undefined) throw new Error('the site has no Pagefind index (no pagefind-entry.json).');
  const words =
    options.query === undefined || options.warmQueries.length === 0 ? queryWords(site.dir, options.page ?? defaultPage(site.dir)) : [];
  const first = options.query ?? words[0];
  if (first === undefined) throw new Error('no words to search for on the page: give them with --query and --warm-query.');
  const warm =
    options.warmQueries.length > 0 ? options.warmQueries : words.filter((word) => word.toLowerCase() !== first.toLowerCase()).slice(0, 3);
  const page = options.searchPage ?? (existsSync(join(site.dir, 'search', 'index.html')) ? 'search/' : '');
  const selectors = {
    input: options.searchInput === undefined ? DEFAULT_SELECTORS.input : [options.searchInput],
    open: options.searchOpen === undefined ? DEFAULT_SELECTORS.open : [options.searchOpen],
    result: options.searchResult === undefined ? DEFAULT_SELECTORS.result : [options.searchResult],
  };
  const figures = await measureSearch(browser, { siteDir: site.dir, baseUrl, page, selectors, first, warm, runs: options.runs });
  return { ...figures, index: indexSize(site.dir, dir) };
}
