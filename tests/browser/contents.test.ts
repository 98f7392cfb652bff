import sharp from 'sharp';
import type { Page } from 'puppeteer-core';
import { expect, inject, test } from 'vitest';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { essayPath } from '../../src/site/urls.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { sitesInChromium } from '../support/browser-session.ts';

/**
 * The contents as a reader meets them, in Chromium (issue 21): what they count and number,
 * the bar of the section being read, the focus ring in their column, and the way back to
 * them from the middle of an essay where they are not beside the text.
 */
const siteDir = inject('siteDir');
const componentsDir = inject('componentsSiteDir');
const served = sitesInChromium();

const essays: Array<[string, () => StaticServer]> = [
  ...listEssaySlugs(siteDir).map((slug): [string, () => StaticServer] => [essayPath(slug), () => served.site]),
  ...listEssaySlugs(componentsDir).map((slug): [string, () => StaticServer] => [essayPath(slug), () => served.components]),
];

/** Opens `path` at `width`; `style` is CSS added to the page (its policy allows no style of ours, so it is set aside). */
async function open(server: StaticServer, path: string, width: number, { javaScript = true, style = '' } = {}): Promise<Page> {
  const tab = await served.browser.newPage();
  await tab.setJavaScriptEnabled(javaScript);
  await tab.setViewport({ width, height: 800 });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  if (style) await tab.setBypassCSP(true);
  await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  if (style) await tab.addStyleTag({ content: style });
  return tab;
}

test.each(essays)('%s: "Contents, N sections" counts the sections, and no entry is numbered twice', async (path, server) => {
  const tab = await open(server(), path, 1280);
  const contents = await tab.evaluate(() => {
    const nav = document.querySelector('nav.toc');
    if (!nav) return undefined;
    const entries = [...nav.querySelectorAll('li')].map((item) => {
      const link = item.querySelector(':scope > a');
      const target = document.getElementById(decodeURIComponent(link?.getAttribute('href')?.slice(1) ?? ''));
      return {
        text: link?.textContent ?? '',
        marker: getComputedStyle(item).listStyleType,
        // A scenario's title says its own number ("Scenario 1: Status Quo").
        ownNumber: target?.classList.contains('scenario-title') ?? false,
        notes: target?.closest('[role="doc-endnotes"]') !== null,
      };
    });
    return {
      count: nav.querySelector('.toc-count')?.textContent ?? '',
      // The essay's sections, as a reader sees them: its h2s, the notes' heading apart.
      sections: document.querySelectorAll('.essay-body h2:not([role="doc-endnotes"] h2)').length,
      entries,
    };
  });
  await tab.close();
  if (!contents) return;
  expect(contents.count).toMatch(new RegExp(`^, ${contents.sections} sections?$`));
  for (const entry of contents.entries) {
    expect(entry.marker, entry.text).toBe(entry.ownNumber || entry.notes ? 'none' : 'decimal');
  }
});

test('the count is the six sections of an essay with three scenarios and notes, and a scenario is not "1. Scenario 1"', async () => {
  const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 1280);
  const seen = await tab.evaluate(() => ({
    label: document.getElementById('toc-label')?.textContent,
    scenarios: [...document.querySelectorAll('.toc li')]
      .filter((item) => /^\S+ \d+:/.test(item.querySelector('a')?.textContent ?? ''))
      .map((item) => getComputedStyle(item).listStyleType),
  }));
  await tab.close();
  // The site's own essay: six sections, a list of three scenarios in the fifth, and notes.
  expect(seen.label).toBe('Contents, 6 sections');
  expect(seen.scenarios).toEqual(['none', 'none', 'none']);
});

/** The columns of `region` of the page where its pixels are not the page's background, or differ from `other`'s. */
async function inkColumns(
  tab: Page,
  region: { x: number; y: number; width: number; height: number },
  other?: Buffer,
): Promise<{ columns: Set<number>; raw: Buffer }> {
  // The viewport as it is: capturing beyond it would lay the page out again, at its full height.
  const png = await tab.screenshot({ clip: region, captureBeyondViewport: false });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const columns = new Set<number>();
  const background = [data[0]!, data[1]!, data[2]!];
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const at = (y * info.width + x) * 3;
      const against = other ? [other[at]!, other[at + 1]!, other[at + 2]!] : background;
      if (Math.abs(data[at]! - against[0]!) + Math.abs(data[at + 1]! - against[1]!) + Math.abs(data[at + 2]! - against[2]!) > 60)
        columns.add(x);
    }
  }
  return { columns, raw: data };
}

test('the bar of the section being read stands clear of its list number, in the contents column', async () => {
  const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 1280);
  // The third entry, first line: from the column's edge to where the entry's words start.
  const region = await tab.evaluate(() => {
    const nav = document.querySelector('nav.toc')!.getBoundingClientRect();
    const line = document.querySelectorAll('.toc details > ol > li > a')[2]!.getClientRects()[0]!;
    return {
      x: Math.floor(nav.left),
      y: Math.floor(line.top),
      width: Math.floor(line.left - nav.left) - 1,
      height: Math.floor(line.height),
    };
  });
  const setCurrent = (current: boolean) =>
    tab.evaluate((on) => {
      const link = document.querySelectorAll<HTMLAnchorElement>('.toc details > ol > li > a')[2]!;
      link.ariaCurrent = on ? 'location' : null;
    }, current);
  await setCurrent(false);
  // The list number alone ("3."), then what the bar adds to that.
  const number = await inkColumns(tab, region);
  await setCurrent(true);
  const bar = await inkColumns(tab, region, number.raw);
  await tab.close();
  expect(number.columns.size).toBeGreaterThan(0);
  expect(bar.columns.size).toBeGreaterThan(0);
  expect([...bar.columns].filter((column) => number.columns.has(column))).toEqual([]);
});

test('the focus ring of "Contents" and of its entries is whole inside the contents column, which scrolls', async () => {
  const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 1280);
  // From the keyboard, so the ring shows (:focus-visible): the skip link, the header's links and field, then the contents.
  let seen = 0;
  const rings: Array<{ name: string; inside: boolean; ring: string }> = [];
  for (let presses = 0; presses < 20 && seen < 3; presses += 1) {
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const toc = element.closest('nav.toc') as HTMLElement | null;
      if (!toc) return undefined;
      const style = getComputedStyle(element);
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const box = element.getBoundingClientRect();
      const clip = toc.getBoundingClientRect();
      return {
        name: element.textContent ?? '',
        ring: `${style.outlineStyle} ${reach}`,
        inside:
          getComputedStyle(toc).overflowY === 'auto' &&
          element.matches(':focus-visible') &&
          box.left - reach >= clip.left &&
          box.right + reach <= clip.right &&
          box.top - reach >= clip.top &&
          box.bottom + reach <= clip.bottom,
      };
    });
    if (focused) {
      rings.push(focused);
      seen += 1;
    }
  }
  await tab.close();
  expect(rings.map((ring) => ring.name)[0]).toMatch(/^Contents/);
  expect(rings).toHaveLength(3);
  for (const ring of rings) expect(ring, ring.name).toMatchObject({ inside: true, ring: expect.stringMatching(/^solid [1-9]/) });
});

/** The "Contents" link back to the contents, if shown: its box, and whether it is over the essay's text column. */
function contentsLink(tab: Page) {
  return tab.evaluate(() => {
    const link = [...document.querySelectorAll('a')].find(
      (candidate) =>
        candidate.textContent === 'Contents' && candidate.getAttribute('href')?.startsWith('#') && !candidate.closest('nav.toc'),
    );
    if (!link || !link.checkVisibility()) return undefined;
    const box = link.getBoundingClientRect();
    const text = document.querySelector('.essay-body')!.getBoundingClientRect();
    return {
      href: link.getAttribute('href') ?? '',
      onScreen: box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth,
      besideText: box.left >= text.right || box.right <= text.left,
      height: box.height,
    };
  });
}

/** Scrolls to the middle of the essay and puts the keyboard's starting point there, as a click on its text would. */
async function toMiddle(tab: Page): Promise<void> {
  const point = await tab.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.essay-body > p')];
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    middle.scrollIntoView({ block: 'center' });
    const box = middle.getBoundingClientRect();
    return { x: box.left + 2, y: box.top + 4 };
  });
  await tab.mouse.click(point.x, point.y);
}

/* The measure is 55ch, so the text column is as wide as its font makes it: DejaVu Serif (Firefox's serif on
   most Linux systems; monospace where it is missing) sets it about a quarter wider than Liberation Serif. */
const WIDE_FONTS = ':root { --font-body: "DejaVu Serif", monospace; --font-ui: "DejaVu Sans", monospace }';

test.each([768, 800, 900, 990])(
  'at %i px, in a wide serif, the "Contents" link stands beside the text, which gives way to it rather than running under it',
  async (width) => {
    const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), width, { style: WIDE_FONTS });
    await toMiddle(tab);
    const shown = await contentsLink(tab);
    const text = await tab.evaluate(() => document.querySelector('.essay-body')!.getBoundingClientRect().width);
    await tab.close();
    expect(shown).toMatchObject({ onScreen: true, besideText: true });
    // It gives way, not up: the text keeps most of the window.
    expect(text).toBeGreaterThan(width * 0.6);
  },
);

test.each([375, 800])(
  'at %i px, from the middle of the essay a "Contents" link is on screen, reached by Tab, and leads to the contents with focus',
  async (width) => {
    const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), width);
    await toMiddle(tab);
    const shown = await contentsLink(tab);
    expect(shown).toMatchObject({ onScreen: true });
    // Where the window has room beside the text, it covers none of it.
    if (width >= 800) expect(shown?.besideText).toBe(true);

    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses += 1) {
      await tab.keyboard.press('Tab');
      const focused = await tab.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        const link = [...document.querySelectorAll('a')].find(
          (candidate) => candidate.textContent === 'Contents' && !candidate.closest('nav.toc'),
        );
        const over = link?.getBoundingClientRect();
        return {
          isLink: element === link,
          // Focus Not Obscured (WCAG 2.4.11): no focused element wholly under the link that stays on screen.
          hidden:
            element !== link &&
            over !== undefined &&
            box.left >= over.left &&
            box.right <= over.right &&
            box.top >= over.top &&
            box.bottom <= over.bottom,
        };
      });
      expect(focused.hidden).toBe(false);
      reached = focused.isLink;
    }
    expect(reached).toBe(true);
    expect((await contentsLink(tab))?.onScreen).toBe(true);

    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => document.activeElement?.closest('nav.toc') !== null);
    const landed = await tab.evaluate(() => {
      const list = document.activeElement as HTMLElement;
      const box = list.getBoundingClientRect();
      return {
        open: document.querySelector<HTMLDetailsElement>('nav.toc details')?.open,
        list: list.tagName,
        onScreen: box.top >= 0 && box.top < window.innerHeight,
        firstEntry: list.querySelector('a')?.textContent,
      };
    });
    await tab.close();
    expect(landed).toMatchObject({ open: true, list: 'OL', onScreen: true });
    expect(landed.firstEntry).toBeTruthy();
  },
);

test('without JavaScript the "Contents" link is a plain link that opens the folded contents on a phone', async () => {
  const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 375, { javaScript: false });
  await toMiddle(tab);
  expect(await tab.$eval('nav.toc details', (details) => (details as HTMLDetailsElement).open)).toBe(false);
  const link = await contentsLink(tab);
  expect(link?.onScreen).toBe(true);
  await tab.click(`a[href="${link?.href}"]`);
  await tab.waitForFunction(() => document.querySelector<HTMLDetailsElement>('nav.toc details')?.open === true);
  expect(await tab.evaluate(() => document.activeElement?.closest('nav.toc') !== null)).toBe(true);
  await tab.close();
});

test('the "Contents" link is not there beside the contents column, nor on paper, and jumps without motion when asked', async () => {
  const wide = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 1280);
  await toMiddle(wide);
  expect(await contentsLink(wide)).toBeUndefined();
  await wide.close();

  const tab = await open(served.site, essayPath(listEssaySlugs(siteDir)[0]!), 800);
  await tab.emulateMediaType('print');
  expect(await contentsLink(tab)).toBeUndefined();
  await tab.emulateMediaType('screen');
  expect(await contentsLink(tab)).toBeDefined();
  // Reduced motion (as opened): the jump is instant; otherwise the page scrolls smoothly to it.
  expect(await tab.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
  expect(await tab.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  await tab.close();
});
