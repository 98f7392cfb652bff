import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { listEssaySlugs } from '../../scripts/lib/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { essayPath } from '../../src/lib/urls.ts';
import { launchBrowser } from '../support/browser-session.ts';

/**
 * What a reader meets on an essay page, measured in Chromium: the first screen on a phone,
 * the contents, the place a link lands, and print. The essays of the site itself, whatever
 * they are, and the fixture with many notes (tests/fixtures/components/notes.mdx).
 */
const siteDir = inject('siteDir');
const componentsDir = inject('componentsSiteDir');
let site: StaticServer;
let components: StaticServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  site = await serveDirectory(siteDir);
  components = await serveDirectory(componentsDir);
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await Promise.all([site?.close(), components?.close()]);
});

const essays = listEssaySlugs(siteDir).map((slug) => essayPath(slug));

async function open(server: StaticServer, path: string, width: number, height: number): Promise<Page> {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return tab;
}

test.each(essays)('on a 375×667 phone, %s starts its text on the first screen, the contents folded to one line', async (path) => {
  const tab = await open(site, path, 375, 667);
  const measured = await tab.evaluate(() => {
    const summary = document.querySelector('.toc summary')?.getBoundingClientRect();
    const firstParagraph = document.querySelector('.essay-body > p')?.getBoundingClientRect();
    return {
      open: document.querySelector<HTMLDetailsElement>('.toc details')?.open,
      summaryHeight: summary?.height ?? 0,
      firstParagraphTop: firstParagraph?.top ?? Number.POSITIVE_INFINITY,
    };
  });
  await tab.close();
  expect(measured.open).toBe(false);
  // One line of small text, with its padding.
  expect(measured.summaryHeight).toBeLessThan(40);
  expect(measured.firstParagraphTop).toBeLessThan(667 - 40);
});

test('on a wide screen the contents are open beside the text', async () => {
  const tab = await open(components, 'essays/notes/', 1280, 800);
  expect(await tab.$eval('.toc details', (details) => (details as HTMLDetailsElement).open)).toBe(true);
  await tab.close();
});

test('after following a note and its back-link, the contents mark the section that holds the reference', async () => {
  const tab = await open(components, 'essays/notes/', 1280, 800);
  // A reference in a later section than the first, and the heading of its section.
  const { reference, note, section } = await tab.evaluate(() => {
    const headings = [...document.querySelectorAll('.essay-body :is(h2, h3)[id]')];
    const precedes = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    for (const ref of document.querySelectorAll<HTMLAnchorElement>('.essay-body a[role="doc-noteref"]')) {
      const own = headings.filter((heading) => precedes(heading, ref)).at(-1);
      if (own && own !== headings[0]) return { reference: ref.id, note: ref.hash, section: own.id };
    }
    throw new Error('The fixture has no note reference after its second heading.');
  });
  await tab.goto(new URL(`essays/notes/${note}`, components.url).href);
  await tab.click(`[role="doc-endnotes"] a[href="#${reference}"]`);
  await tab.waitForFunction((id) => location.hash === `#${id}`, {}, reference);
  // The contents script marks on the next frame after scrolling.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const current = await tab.$$eval('.toc a[aria-current]', (links) =>
    links.map((link) => decodeURIComponent(link.getAttribute('href') ?? '')),
  );
  const referenceTop = await tab.$eval(`[id="${reference}"]`, (element) => element.getBoundingClientRect().top);
  await tab.close();
  expect(current).toEqual([`#${section}`]);
  // The claim lands with the lines before it in view, not against the top edge.
  expect(referenceTop).toBeGreaterThan(80);
});

test('at the top of an essay, before its first heading, no section is marked as current', async () => {
  const tab = await open(components, 'essays/notes/', 1280, 800);
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstHeadingTop = await tab.$eval('.essay-body h2', (heading) => heading.getBoundingClientRect().top);
  const current = await tab.$$eval('.toc a[aria-current]', (links) => links.length);
  await tab.close();
  // Only meaningful when the first heading starts below the reading line.
  expect(firstHeadingTop).toBeGreaterThan(800 * 0.25);
  expect(current).toBe(0);
});

test('scrolling through an essay, with the contents following, shifts no layout', async () => {
  const tab = await open(components, 'essays/notes/', 1280, 800);
  await tab.evaluate(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift' });
  });
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 300) {
    await tab.evaluate((top) => window.scrollTo(0, top), y);
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  const shifts = await tab.evaluate(() => (window as unknown as { shifts: number }).shifts);
  const marked = await tab.$$eval('.toc a[aria-current]', (links) => links.length);
  await tab.close();
  expect(marked).toBe(1);
  expect(shifts).toBe(0);
});

test('printed, every sheet has a margin', async () => {
  const tab = await open(components, 'essays/notes/', 1280, 800);
  await tab.emulateMediaType('print');
  const margins = await tab.evaluate(() =>
    [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule)
      .map((rule) => ({ top: rule.style.marginTop, side: rule.style.marginLeft })),
  );
  await tab.close();
  expect(margins.length).toBeGreaterThan(0);
  for (const { top, side } of margins) {
    expect(parseFloat(top)).toBeGreaterThan(0);
    expect(parseFloat(side)).toBeGreaterThan(0);
  }
});
