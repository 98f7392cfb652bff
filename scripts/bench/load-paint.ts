/**
 * Largest Contentful Paint and Cumulative Layout Shift of a page as it loads, in Chromium
 * set up as close to Lighthouse's mobile preset as puppeteer-core allows: its Moto G Power
 * screen (412 × 823 at DPR 1.75, mobile, touch) and user agent, the CPU slowed 4×, the
 * network slowed to Lighthouse's "slow 4G" figures, and no cache.
 *
 * The throttling here is applied: Chromium delays each request and caps its throughput as it
 * happens. Lighthouse by default simulates instead: it loads the page unthrottled, then
 * estimates the times from a model of the page's requests and CPU work (Lantern), which counts
 * connection set-up and TCP slow start. So the figures are of the same kind as Lighthouse's,
 * not the same figures: compare sites measured here with each other, not with a Lighthouse report.
 */
import type { Browser, Page } from 'puppeteer-core';
import { summarise, type Summary } from './stats.ts';

/** Lighthouse 12's mobile screen (constants.js, MOTOGPOWER_EMULATION_METRICS), with touch as a phone has. */
const MOBILE_SCREEN = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } as const;

/** Lighthouse 12's mobile user agent: a site that serves phones differently serves this one as a phone. */
const MOBILE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36';

/** Lighthouse's CPU slowdown for mobile (throttling.mobileSlow4G.cpuSlowdownMultiplier). */
const CPU_SLOWDOWN = 4;

/**
 * Lighthouse's simulated "slow 4G" (throttling.mobileSlow4G: 150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up, in its kilobits of 1,024 bits), here applied by Chromium as a latency
 * added to every request and a cap on throughput. Lighthouse's own applied ("devtools")
 * throttling would use 562.5 ms and 90 % of the throughput, to stand for the round trips of
 * connection set-up that applied throttling does not add; the simulated figures are used as
 * they are, so that a site with fewer requests gains what it would in the simulation.
 */
const SLOW_4G = {
  latency: 150,
  download: (1.6 * 1024 * 1024) / 8,
  upload: (750 * 1024) / 8,
} as const;

/** How long the page may take to load, throttled, before the measure gives up. */
const LOAD_TIMEOUT_MS = 60_000;

export interface LoadPaint {
  /** Largest Contentful Paint, from navigation start, one sample per load. */
  lcpMs: Summary;
  /** Cumulative Layout Shift during the load (Chromium's session windows, as Lighthouse counts it). */
  cls: Summary;
  /** The tag of the largest element painted, in the last load (`P`, `H1`, `IMG`). */
  lcpElement: string | undefined;
}

/** What the page reports of its own paints and shifts, read in the page once it has loaded. */
interface PaintEntries {
  lcpMs: number | undefined;
  lcpElement: string | undefined;
  shifts: Array<{ startTime: number; value: number }>;
}

/** Loads `url` `runs` times, each in a fresh browser context (an empty cache), and takes the median. */
export async function measureLoadPaint(browser: Browser, url: string, runs: number): Promise<LoadPaint> {
  const lcps: number[] = [];
  const shifts: number[] = [];
  let lcpElement: string | undefined;
  for (let run = 0; run < runs; run += 1) {
    const entries = await loadOnce(browser, url);
    if (entries.lcpMs === undefined) throw new Error(`Chromium reported no largest-contentful-paint for ${url}.`);
    lcps.push(entries.lcpMs);
    shifts.push(layoutShiftScore(entries.shifts));
    lcpElement = entries.lcpElement;
  }
  return { lcpMs: summarise(lcps), cls: summarise(shifts), lcpElement };
}

async function loadOnce(browser: Browser, url: string): Promise<PaintEntries> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await emulateMobile(tab);
    const response = await tab.goto(url, { waitUntil: 'networkidle0', timeout: LOAD_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}.`);
    return await readPaintEntries(tab);
  } finally {
    await context.close();
  }
}

/** Lighthouse's mobile conditions, set before the page is requested. */
async function emulateMobile(tab: Page): Promise<void> {
  await tab.setViewport(MOBILE_SCREEN);
  await tab.setUserAgent({ userAgent: MOBILE_USER_AGENT });
  await tab.setCacheEnabled(false);
  await tab.emulateCPUThrottling(CPU_SLOWDOWN);
  await tab.emulateNetworkConditions(SLOW_4G);
}

/**
 * The page's largest-contentful-paint and layout-shift entries, from observers registered
 * after load with `buffered`, which hands them every entry since navigation. Chromium stops
 * reporting LCP candidates at the first input, and nothing here gives any.
 */
function readPaintEntries(tab: Page): Promise<PaintEntries> {
  return tab.evaluate(
    () =>
      new Promise<PaintEntries>((resolve) => {
        const found: PaintEntries = { lcpMs: undefined, lcpElement: undefined, shifts: [] };
        const takeLcp = (entries: PerformanceEntryList) => {
          const last = entries.at(-1) as (PerformanceEntry & { element: Element | null }) | undefined;
          if (last) Object.assign(found, { lcpMs: last.startTime, lcpElement: last.element?.tagName });
        };
        const takeShifts = (entries: PerformanceEntryList) => {
          for (const entry of entries as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) found.shifts.push({ startTime: entry.startTime, value: entry.value });
          }
        };
        const lcp = new PerformanceObserver((list) => takeLcp(list.getEntries()));
        const cls = new PerformanceObserver((list) => takeShifts(list.getEntries()));
        lcp.observe({ type: 'largest-contentful-paint', buffered: true });
        cls.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries reach the callback in a later task: give it time, then take any still queued.
        setTimeout(() => {
          takeLcp(lcp.takeRecords());
          takeShifts(cls.takeRecords());
          lcp.disconnect();
          cls.disconnect();
          resolve(found);
        }, 100);
      }),
  );
}

/**
 * The Cumulative Layout Shift of a list of shifts: the largest sum of a session window,
 * shifts less than 1 s apart in a window no longer than 5 s (how Chromium and Lighthouse
 * define it since 2021), so a long page is not punished for shifts far apart.
 */
function layoutShiftScore(shifts: ReadonlyArray<{ startTime: number; value: number }>): number {
  let largest = 0;
  let window = { start: Number.NEGATIVE_INFINITY, last: Number.NEGATIVE_INFINITY, sum: 0 };
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    const continues = shift.startTime - window.last < 1000 && shift.startTime - window.start < 5000;
    window = continues
      ? { ...window, last: shift.startTime, sum: window.sum + shift.value }
      : { start: shift.startTime, last: shift.startTime, sum: shift.value };
    largest = Math.max(largest, window.sum);
  }
  return largest;
}
