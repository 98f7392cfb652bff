/**
 * The page-weight part of the benchmark: one page of a built site loaded in Chromium with an
 * empty cache, served by scripts/lib/static-server.ts on 127.0.0.1. Every request the page
 * makes, by kind, with the bytes of the file served, raw, gzipped and brotli-compressed; the
 * scripts that ran; the size of the DOM; and how that compares with the page's own text
 * compressed, which no page can go below. Also the largest page of the site.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Browser } from 'puppeteer-core';
import { listEssaySlugs, listPages } from '../../src/publishing/pages.ts';
import { addSizes, compressedSizes, NO_BYTES, pageFile, sizesOfUrls, type CompressedSizes } from './site-files.ts';

/** The kinds of requests the report counts apart. */
export const REQUEST_KINDS = ['HTML', 'CSS', 'JS', 'fonts', 'images', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The kind of a request, from Chromium's resource type. */
export function requestKind(resourceType: string): RequestKind {
  switch (resourceType) {
    case 'document':
      return 'HTML';
    case 'stylesheet':
      return 'CSS';
    case 'script':
      return 'JS';
    case 'font':
      return 'fonts';
    case 'image':
      return 'images';
    default:
      return 'other';
  }
}

export interface PageWeight {
  /** The page, relative to the base path (`essays/on-time/`). */
  page: string;
  requests: number;
  /** Requests to another origin: counted, but their bytes are unknown (there is no network). */
  otherOrigin: number;
  byKind: Record<RequestKind, CompressedSizes & { requests: number }>;
  /** Each request: its path below the base (or its URL, on another origin), its kind and its raw bytes. */
  files: Array<{ path: string; kind: RequestKind; raw: number | undefined }>;
  total: CompressedSizes;
  /** The scripts that ran while the page loaded: how many, their bytes, and the bytes of their code that ran. */
  jsExecuted: { scripts: number; bytes: CompressedSizes; usedBytes: number };
  /** Elements in the DOM once loaded. */
  domElements: number;
  /** The text of the page's article (or main) as rendered, gzipped: the least any page with this text can weigh. */
  textFloorGzip: number;
  /** Everything the page loads, gzipped, over that floor. */
  ratio: number;
}

/**
 * The page the benchmark weighs when none is given: the site's first essay (`essays/<slug>/`);
 * on a site without essays (a Starlight site), the page with the most text that Pagefind
 * indexes (its `data-pagefind-body`), the nearest thing to an essay; else the home page.
 */
export function defaultPage(siteDir: string): string {
  const essay = listEssaySlugs(siteDir)[0];
  if (essay !== undefined) return `essays/${essay}/`;
  let best = { page: '', length: 0 };
  for (const page of listPages(siteDir)) {
    const html = readFileSync(pageFile(siteDir, page), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const length = (parseHTML(html).document.querySelector('[data-pagefind-body]')?.textContent ?? '').trim().length;
    if (length > best.length) best = { page, length };
  }
  return best.page;
}

/** The largest page of a site (its HTML alone), by raw bytes. */
export function largestPage(siteDir: string): { page: string } & CompressedSizes {
  let largest: { page: string } & CompressedSizes = { page: '', ...NO_BYTES };
  for (const page of listPages(siteDir)) {
    const bytes = readFileSync(pageFile(siteDir, page));
    if (bytes.byteLength > largest.raw) largest = { page, ...compressedSizes(bytes) };
  }
  return largest;
}

/** Loads `page` of the site served at `baseUrl` from `siteDir` in a fresh browser context and weighs it. */
export async function measurePageWeight(
  browser: Browser,
  { siteDir, baseUrl, page }: { siteDir: string; baseUrl: string; page: string },
): Promise<PageWeight> {
  const sizeOf = sizesOfUrls(siteDir, baseUrl);
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const requests: Array<{ url: string; kind: RequestKind }> = [];
    tab.on('requestfinished', (request) => requests.push({ url: request.url(), kind: requestKind(request.resourceType()) }));
    tab.on('requestfailed', (request) => requests.push({ url: request.url(), kind: requestKind(request.resourceType()) }));
    await tab.coverage.startJSCoverage({ resetOnNavigation: false });
    const response = await tab.goto(new URL(page, baseUrl).href, { waitUntil: 'networkidle0' });
    if (!response?.ok()) throw new Error(`${page} answered ${response?.status() ?? 'nothing'}.`);
    const { domElements, text } = await tab.evaluate(() => ({
      domElements: document.getElementsByTagName('*').length,
      text: (document.querySelector<HTMLElement>('article[data-pagefind-body], [data-pagefind-body], article, main') ?? document.body)
        .innerText,
    }));
    const coverage = await tab.coverage.stopJSCoverage();

    const byKind = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, { ...NO_BYTES, requests: 0 }])) as PageWeight['byKind'];
    let otherOrigin = 0;
    for (const { url, kind } of requests) {
      const sizes = sizeOf(url);
      if (!sizes) otherOrigin += 1;
      byKind[kind] = { ...addSizes(byKind[kind], sizes ?? NO_BYTES), requests: byKind[kind].requests + 1 };
    }
    const base = new URL(baseUrl);
    const files = requests.map(({ url, kind }) => {
      const target = new URL(url);
      const path = target.origin === base.origin ? target.pathname.replace(base.pathname, '') : url;
      return { path, kind, raw: sizeOf(url)?.raw };
    });
    const total = REQUEST_KINDS.reduce<CompressedSizes>((all, kind) => addSizes(all, byKind[kind]), NO_BYTES);
    // A script "ran" when any of its code did; its used bytes are the code coverage counted.
    const ran = coverage.filter((entry) => entry.url !== '' && entry.ranges.length > 0);
    const jsExecuted = {
      scripts: ran.length,
      bytes: ran.reduce<CompressedSizes>((all, entry) => addSizes(all, compressedSizes(Buffer.from(entry.text))), NO_BYTES),
      usedBytes: ran.reduce((all, entry) => all + entry.ranges.reduce((sum, range) => sum + range.end - range.start, 0), 0),
    };
    const textFloorGzip = compressedSizes(Buffer.from(text.replace(/\s+/g, ' ').trim())).gzip;
    return {
      page,
      requests: requests.length,
      otherOrigin,
      byKind,
      files,
      total,
      jsExecuted,
      domElements,
      textFloorGzip,
      ratio: textFloorGzip > 0 ? total.gzip / textFloorGzip : Number.NaN,
    };
  } finally {
    await context.close();
  }
}
