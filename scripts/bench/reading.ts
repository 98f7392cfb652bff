/**
 * What a reader meets on an essay page, beside the same essay set by other sites: each page
 * served on 127.0.0.1 and read in Chromium at a phone's, a laptop's and a desktop's size, in
 * the light scheme. The face and size the text is actually set in, its line height and line
 * length, where the first paragraph starts, whether notes sit in the margin, sideways
 * scrolling, contrast, weight, and layout shift while scrolling; and screenshots to look at.
 * Figures, not a test (issue 12: "a reader would rather read ours").
 *
 *   node scripts/bench/reading.ts [<label>=<dir>[:<page path>] …] [--shots DIR] [--json PATH]
 *
 * Without sites, measures this project's dist/ (its first essay). Without a page path, a site's
 * first essay, else the page with the most text Pagefind indexes (a Starlight site), else its
 * home page. Screenshots go to .tmp/reading-shots, the figures to reports/reading.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { contrast } from '../lib/contrast.ts';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { measureLineLengths } from '../lib/line-lengths.ts';
import { serveDirectory } from '../lib/static-server.ts';
import { formatBytes, formatTable, type Column } from './format.ts';
import { defaultPage } from './page-weight.ts';
import { median } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The screens of issue 12: a small phone, a 1024 px laptop, a common desktop. */
const SCREENS = [
  { width: 375, height: 667, phone: true },
  { width: 1024, height: 768, phone: false },
  { width: 1440, height: 900, phone: false },
] as const;
type Screen = (typeof SCREENS)[number];

/**
 * The essay's body paragraphs: the first selector that finds at least three, in the order
 * ours, Starlight's, Tufte CSS's (an article of sections), then anything's. Asides, headers and
 * note lists are never in them, so what is measured is the running text.
 */
const PARAGRAPHS = ['.essay-body > p', '.sl-markdown-content > p', 'article > section > p', 'article p', 'main p', 'body p'];

/** Text in a paragraph that is not on the line a reader reads: note references and the notes themselves. */
const NOT_RUNNING_TEXT = '.note-ref, .sidenote, .marginnote, [popover], sup, label.margin-toggle';

/** Notes meant for the margin: ours and Tufte CSS's sidenotes, Tufte's margin notes. */
const MARGIN_NOTES = '.sidenote, .marginnote';

/** A note's reference in the text, where the second screenshot is taken: ours, Tufte's, a GFM footnote's. */
const NOTE_REFERENCES = 'sup.note-ref, label.sidenote-number, a[role="doc-noteref"], a[data-footnote-ref]';

interface Site {
  label: string;
  dir: string;
  /** The page, relative to the site's root (`essays/on-time/`, `guides/envoy/`, `''`). */
  page: string;
}

interface Reading {
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
  screenshots: { firstScreen: string; firstNote: string | undefined };
}

const USAGE = `node scripts/bench/reading.ts [<label>=<dir>[:<page path>] …] [--shots DIR] [--json PATH]

Reads an essay page of each site in Chromium at 375×667, 1024×768 and 1440×900 (light
scheme) and prints what a reader meets: face and size, line height, characters per line,
where the first paragraph starts, margin notes, sideways scrolling, contrast, weight and
layout shift. Without sites: ours=dist (its first essay).

  --shots DIR   where the screenshots go (.tmp/reading-shots)
  --json PATH   where the figures go (reports/reading.json)`;

/** Reads `label=dir[:page]`; the page defaults as \`npm run bench\`'s does (the first essay, or the most text). */
function parseSite(argument: string): Site {
  const equals = argument.indexOf('=');
  if (equals < 1) throw new Error(`A site is <label>=<dir>[:<page path>], not "${argument}".`);
  const label = argument.slice(0, equals);
  const [dirPart = '', ...pageParts] = argument.slice(equals + 1).split(':');
  // npm runs the script in the project's folder; a relative dir is read from where npm was run, as `npm run bench -- <dir>` reads it.
  const dir = resolve(process.env['INIT_CWD'] ?? process.cwd(), dirPart);
  const page = pageParts.length > 0 ? pageParts.join(':').replace(/^\/+/, '') : defaultPage(dir);
  return { label, dir, page };
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

/** The first selector of PARAGRAPHS that finds three paragraphs or more on the page. */
async function paragraphSelector(tab: Page): Promise<string> {
  for (const selector of PARAGRAPHS) {
    if ((await tab.$$(selector)).length >= 3) return selector;
  }
  throw new Error('No body paragraphs found.');
}

/** The face the platform drew the first paragraph's letters in (most glyphs): what the reader sees, whatever the stack says. */
async function drawnFont(tab: Page, paragraphs: string): Promise<{ family: string; webFont: boolean }> {
  const session = await tab.createCDPSession();
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: paragraphs });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const most = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
    return { family: most?.familyName ?? '?', webFont: most?.isCustomFont ?? false };
  } finally {
    await session.detach();
  }
}

/** Everything read from the page as it stands at the top: type, layout, margin notes, overflow, colours. */
async function readLayout(tab: Page, paragraphs: string) {
  return tab.evaluate(
    ({ paragraphs, marginNotes }) => {
      const first = document.querySelector(paragraphs) as HTMLElement;
      const style = getComputedStyle(first);
      const sizePx = parseFloat(style.fontSize);
      const box = first.getBoundingClientRect();
      const top = box.top + window.scrollY;
      // The first line is on the first screen when its whole height is.
      const lineHeightPx = parseFloat(style.lineHeight) || sizePx * 1.2;
      const notes = [...document.querySelectorAll<HTMLElement>(marginNotes)];
      const shown = notes.filter((note) => note.getClientRects().length > 0 && getComputedStyle(note).visibility !== 'hidden');
      // In the margin: drawn wholly beside the text column, not inside it.
      const inMargin = shown.filter((note) => {
        const noteBox = note.getBoundingClientRect();
        return noteBox.left >= box.right - 1 || noteBox.right <= box.left + 1;
      });
      const noteStyle = inMargin[0] ? getComputedStyle(inMargin[0]) : undefined;

      // Any CSS colour as #rrggbb, over what lies behind it: a canvas turns oklch() and friends into sRGB.
      const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      const toHex = (colours: string[]) => {
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = '#ffffff';
        canvas.fillRect(0, 0, 1, 1);
        for (const colour of colours) {
          canvas.fillStyle = colour;
          canvas.fillRect(0, 0, 1, 1);
        }
        const [r = 0, g = 0, b = 0] = canvas.getImageData(0, 0, 1, 1).data;
        return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
      };
      // The backgrounds behind the paragraph, outermost first, as the canvas will paint them.
      const backgrounds: string[] = [];
      for (let element: Element | null = first; element; element = element.parentElement) {
        const colour = getComputedStyle(element).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') backgrounds.unshift(colour);
      }
      const background = toHex(backgrounds);
      const text = toHex([...backgrounds, style.color]);

      const viewport = document.documentElement.clientWidth;
      const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((element) => element.getBoundingClientRect().right > viewport + 1 && getComputedStyle(element).position !== 'fixed')
        .slice(0, 3)
        .map((element) => `${element.localName}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`);
      return {
        sizePx,
        family: style.fontFamily,
        loadedFaces: [...document.fonts]
          .filter((face) => face.status === 'loaded')
          .map((face) => `${face.family.replace(/"/g, '')} ${face.weight} ${face.style}`),
        lineHeightPx,
        top,
        onFirstScreen: top + lineHeightPx <= window.innerHeight,
        notes: notes.length,
        inMargin: inMargin.length,
        noteSizeRatio: noteStyle ? parseFloat(noteStyle.fontSize) / sizePx : undefined,
        noteFamily: noteStyle?.fontFamily,
        overflowPx: Math.max(0, document.documentElement.scrollWidth - viewport),
        culprits,
        text,
        background,
      };
    },
    { paragraphs, marginNotes: MARGIN_NOTES },
  );
}

/** Scrolls to the bottom a screen at a time, letting each frame render; returns the layout shift before and during it. */
async function scrollThrough(tab: Page): Promise<{ load: number; scroll: number }> {
  const started = await tab.evaluate(() => performance.now());
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  const step = Math.round((await tab.evaluate(() => window.innerHeight)) * 0.8);
  for (let y = 0; y <= height; y += step) {
    await tab.evaluate((top) => window.scrollTo(0, top), y);
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  const shifts = await tab.evaluate(() => (window as unknown as { readingShifts: Array<{ at: number; value: number }> }).readingShifts);
  const sum = (list: typeof shifts) => list.reduce((total, shift) => total + shift.value, 0);
  return { load: sum(shifts.filter((shift) => shift.at < started)), scroll: sum(shifts.filter((shift) => shift.at >= started)) };
}

/** The bytes a service worker put in Cache Storage while the page loaded (ours precaches the site for offline reading). */
async function serviceWorkerCachedBytes(tab: Page): Promise<number> {
  return tab.evaluate(async () => {
    if (!navigator.serviceWorker?.controller && (await navigator.serviceWorker?.getRegistrations())?.length === 0) return 0;
    // Give an installing worker a moment to finish its precache.
    await Promise.race([navigator.serviceWorker.ready, new Promise((done) => setTimeout(done, 3000))]);
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
    }
    return bytes;
  });
}

/** Screenshots: the first screen, and the screen with the first note's reference in its middle. */
async function takeScreenshots(tab: Page, shots: string, name: string): Promise<Reading['screenshots']> {
  await tab.evaluate(() => window.scrollTo(0, 0));
  const firstScreen = join(shots, `${name}-first-screen.png`);
  await tab.screenshot({ path: firstScreen as `${string}.png` });
  const reference = await tab.evaluate((selector) => {
    const found = [...document.querySelectorAll(selector)].find((element) => element.getClientRects().length > 0);
    found?.scrollIntoView({ block: 'center' });
    return found !== undefined;
  }, NOTE_REFERENCES);
  if (!reference) return { firstScreen, firstNote: undefined };
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const firstNote = join(shots, `${name}-first-note.png`);
  await tab.screenshot({ path: firstNote as `${string}.png` });
  return { firstScreen, firstNote };
}

/** `site`'s page at one screen size, `siteUrl` being where the site is served. */
async function readSite(browser: Browser, site: Site, siteUrl: string, screen: Screen, shots: string): Promise<Reading> {
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

/** One row per site and width: the figures a reader would notice first. */
function printTable(readings: readonly Reading[]): void {
  const right = (header: string): Column => ({ header, align: 'right' });
  const fixed = (value: number | undefined, digits: number) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  console.log(
    formatTable(
      [
        { header: 'site' },
        right('width'),
        { header: 'face (drawn)' },
        right('size'),
        right('line'),
        right('chars/line'),
        right('1st ¶ top'),
        { header: 'margin notes' },
        right('sideways'),
        right('contrast'),
        right('weight'),
        right('shift'),
      ],
      readings.map((reading) => [
        reading.site,
        String(reading.width),
        `${reading.font.drawnWith}${reading.font.webFont ? '' : ' (local)'}`,
        `${fixed(reading.font.sizePx, 1)} px`,
        `${fixed(reading.lineHeight.medianPitchPx, 1)} (${fixed(reading.lineHeight.ratio, 2)})`,
        `${fixed(reading.charactersPerLine.median, 0)} / ${fixed(reading.charactersPerLine.max, 0)}`,
        `${fixed(reading.firstParagraph.top, 0)}${reading.firstParagraph.onFirstScreen ? '' : ' below'}`,
        reading.marginNotes.notes === 0
          ? 'no notes'
          : reading.marginNotes.inMargin === 0
            ? `none of ${reading.marginNotes.notes}`
            : `${reading.marginNotes.inMargin}, at ${fixed(reading.marginNotes.sizeRatio, 2)}×`,
        reading.sideways.overflowPx > 0 ? `${reading.sideways.overflowPx} px` : 'no',
        `${fixed(reading.contrast.ratio, 1)}:1`,
        `${formatBytes(reading.transfer.bytes)}, ${reading.transfer.requests}` +
          (reading.transfer.serviceWorkerCachedBytes > 0 ? ` + SW ${formatBytes(reading.transfer.serviceWorkerCachedBytes)}` : ''),
        `${fixed(reading.layoutShift.load, 3)} / ${fixed(reading.layoutShift.scroll, 3)}`,
      ]),
    ),
  );
  console.log(`
  size        body text's computed font size; face: the one the platform drew most letters in ("local": not a web font)
  line        median distance between lines in body paragraphs, px (computed line-height ÷ size)
  chars/line  characters per full line of body paragraphs, median / longest (note references left out)
  1st ¶ top   y of the first body paragraph at the top of the page ("below": its first line is not on the first screen)
  margin      notes shown beside the text at this width, and their size against the body's
  weight      bytes transferred until the network was idle, and requests (empty cache); SW: what a service worker cached besides
  shift       cumulative layout shift while loading / while scrolling to the bottom`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      shots: { type: 'string', default: join(ROOT, '.tmp', 'reading-shots') },
      json: { type: 'string', default: join(ROOT, 'reports', 'reading.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sites = positionals.length > 0 ? positionals.map(parseSite) : [parseSite(`ours=${join(ROOT, 'dist')}`)];
  const shots = resolve(values.shots);
  mkdirSync(shots, { recursive: true });
  // A fresh profile each run: a service worker or cache left from another run would change the figures.
  const userDataDir = mkdtempSync(join(tmpdir(), 'reading-chromium-'));
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS, userDataDir });
  const readings: Reading[] = [];
  try {
    console.log(`In ${await browser.version()} (headless), light scheme, each page in an empty cache, served on 127.0.0.1.`);
    for (const site of sites) console.log(`  ${site.label}: ${relative(process.cwd(), join(site.dir, site.page)) || '.'}`);
    console.log('');
    for (const site of sites) {
      const server = await serveDirectory(site.dir);
      try {
        for (const screen of SCREENS) readings.push(await readSite(browser, site, server.url, screen, shots));
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  printTable(readings);
  const json = resolve(values.json);
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), screens: SCREENS, readings }, null, 2)}\n`);
  console.log(`\nThe figures are in ${relative(process.cwd(), json)}; the screenshots in ${relative(process.cwd(), shots)}.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 1;
}
