/** One essay page read in Chromium at one screen size: the figures of `node scripts/bench/reading.ts`. */
import type { Browser, Page } from 'puppeteer-core';
import { contrast } from '../lib/contrast.ts';
import { measureLineLengths } from '../lib/line-lengths.ts';
import {
  drawnFont,
  NOT_RUNNING_TEXT,
  paragraphSelector,
  readLayout,
  scrollThrough,
  serviceWorkerCachedBytes,
  takeScreenshots,
  type Screenshots,
} from './reading-probes.ts';
import { median } from './stats.ts';

/** The screens of issue 12: a small phone, a 1024 px laptop, a common desktop. */
export const SCREENS = [
  { width: 375, height: 667, phone: true },
  { width: 1024, height: 768, phone: false },
  { width: 1440, height: 900, phone: false },
] as const;

/** One of SCREENS. */
export type Screen = (typeof SCREENS)[number];

/** A site to read, and the page of it to read. */
export interface Site {
  label: string;
  dir: string;
  /** The page, relative to the site's root (`essays/on-time/`, `guides/envoy/`, `''`). */
  page: string;
}

/** What a reader meets on one page at one screen size. */
export interface Reading {
  site: string;
  page: string;
  width: number;
  height: number;
  /** The body text as set: the size and line height computed, the face the platform drew its letters in. */
  font: { sizePx: number; family: string; drawnWith: string; webFont: boolean; loadedFaces: string[] };
  lineHeight: { computedPx: number; ratio: number; medianPitchPx: number; maxPitchPx: number };
  charactersPerLine: { median: number; max: number; lines: number };
  /** The first body paragraph's top at the top of the page, and whether its first line is on the first screen. */
  firstParagraph: { top: number; onFirstScreen: boolean };
  /** Notes beside the text at this width: how many of them, and their size and face against the body's. */
  marginNotes: { notes: number; inMargin: number; sizeRatio: number | undefined; family: string | undefined };
  /** How far the page scrolls sideways (0: not at all), and the elements that stick out. */
  sideways: { overflowPx: number; culprits: string[] };
  contrast: { text: string; background: string; ratio: number };
  /** What the page loaded (in an empty cache) until the network was idle, and what a service worker stored besides. */
  transfer: { requests: number; bytes: number; serviceWorkerCachedBytes: number };
  /** Cumulative layout shift while loading, and while scrolling to the bottom. */
  layoutShift: { load: number; scroll: number };
  screenshots: Screenshots;
}

/** Opens `site`'s page at `screen` in a context of its own (an empty cache, no service worker yet). */
async function openPage(
  browser: Browser,
  url: string,
  screen: Screen,
): Promise<{ tab: Page; transfer: { requests: number; bytes: number }; close: () => Promise<void> }> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  // A phone is a touch screen: CSS that asks for hover or a fine pointer should get the answer a phone gives.
  await tab.setViewport({ width: screen.width, height: screen.height, isMobile: screen.phone, hasTouch: screen.phone });
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  // Bytes as the network layer counted them (headers included), so a font fetched late is counted too.
  const network = await tab.createCDPSession();
  await network.send('Network.enable');
  const transfer = { requests: 0, bytes: 0 };
  network.on('Network.requestWillBeSent', () => (transfer.requests += 1));
  network.on('Network.loadingFinished', (event) => (transfer.bytes += event.encodedDataLength));
  // Shifts from the very first frame: the observer is in place before any of the page's code runs.
  await tab.evaluateOnNewDocument(() => {
    const shifts: Array<{ at: number; value: number }> = [];
    (window as unknown as { readingShifts: typeof shifts }).readingShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ startTime: number; value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) shifts.push({ at: entry.startTime, value: entry.value });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const response = await tab.goto(url, { waitUntil: 'networkidle0' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}.`);
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  return { tab, transfer, close: () => context.close() };
}

/** `site`'s page at one screen size, `siteUrl` being where the site is served. */
export async function readSite(browser: Browser, site: Site, siteUrl: string, screen: Screen, shots: string): Promise<Reading> {
  const { tab, transfer, close } = await openPage(browser, new URL(site.page, siteUrl).href, screen);
  try {
    const paragraphs = await paragraphSelector(tab);
    const drawn = await drawnFont(tab, paragraphs);
    const layout = await readLayout(tab, paragraphs);
    const lines = await tab.evaluate(measureLineLengths, { paragraphs, skip: NOT_RUNNING_TEXT });
    const screenshots = await takeScreenshots(tab, shots, `${site.label}-${screen.width}`);
    const layoutShift = await scrollThrough(tab);
    const cached = await serviceWorkerCachedBytes(tab);
    return {
      site: site.label,
      page: site.page,
      width: screen.width,
      height: screen.height,
      font: {
        sizePx: layout.sizePx,
        family: layout.family,
        drawnWith: drawn.family,
        webFont: drawn.webFont,
        loadedFaces: layout.loadedFaces,
      },
      lineHeight: {
        computedPx: layout.lineHeightPx,
        ratio: layout.lineHeightPx / layout.sizePx,
        medianPitchPx: median(lines.pitches),
        maxPitchPx: lines.pitches.at(-1) ?? Number.NaN,
      },
      charactersPerLine: { median: median(lines.characters), max: lines.characters.at(-1) ?? Number.NaN, lines: lines.characters.length },
      firstParagraph: { top: layout.top, onFirstScreen: layout.onFirstScreen },
      marginNotes: { notes: layout.notes, inMargin: layout.inMargin, sizeRatio: layout.noteSizeRatio, family: layout.noteFamily },
      sideways: { overflowPx: layout.overflowPx, culprits: layout.overflowPx > 0 ? layout.culprits : [] },
      contrast: { text: layout.text, background: layout.background, ratio: contrast(layout.text, layout.background) },
      transfer: { ...transfer, serviceWorkerCachedBytes: cached },
      layoutShift,
      screenshots,
    };
  } finally {
    await close();
  }
}
