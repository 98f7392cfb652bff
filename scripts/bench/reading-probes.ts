/**
 * What `node scripts/bench/reading.ts` reads off an open essay page, one thing each: which
 * paragraphs are the running text, the face the letters were drawn in, the layout at the top,
 * layout shift while scrolling, what a service worker cached, and screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/**
 * The essay's body paragraphs: the first selector that finds at least three, in the order
 * ours, Starlight's, Tufte CSS's (an article of sections), then anything's. Asides, headers and
 * note lists are never in them, so what is measured is the running text.
 */
const PARAGRAPHS = ['.essay-body > p', '.sl-markdown-content > p', 'article > section > p', 'article p', 'main p', 'body p'];

/** Text in a paragraph that is not on the line a reader reads: note references and the notes themselves. */
export const NOT_RUNNING_TEXT = '.note-ref, .sidenote, .marginnote, [popover], sup, label.margin-toggle';

/** Notes meant for the margin: ours and Tufte CSS's sidenotes, Tufte's margin notes. */
const MARGIN_NOTES = '.sidenote, .marginnote';

/** A note's reference in the text, where the second screenshot is taken: ours, Tufte's, a GFM footnote's. */
const NOTE_REFERENCES = 'sup.note-ref, label.sidenote-number, a[role="doc-noteref"], a[data-footnote-ref]';

/** Where a page's screenshots were saved; no second one when the page has no note reference. */
export interface Screenshots {
  firstScreen: string;
  firstNote: string | undefined;
}

/** The first selector of PARAGRAPHS that finds three paragraphs or more on the page. */
export async function paragraphSelector(tab: Page): Promise<string> {
  for (const selector of PARAGRAPHS) {
    if ((await tab.$$(selector)).length >= 3) return selector;
  }
  throw new Error('No body paragraphs found.');
}

/** The face the platform drew the first paragraph's letters in (most glyphs): what the reader sees, whatever the stack says. */
export async function drawnFont(tab: Page, paragraphs: string): Promise<{ family: string; webFont: boolean }> {
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
export async function readLayout(tab: Page, paragraphs: string) {
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
export async function scrollThrough(tab: Page): Promise<{ load: number; scroll: number }> {
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
export async function serviceWorkerCachedBytes(tab: Page): Promise<number> {
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
export async function takeScreenshots(tab: Page, shots: string, name: string): Promise<Screenshots> {
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
