import type { Page, SerializedAXNode } from 'puppeteer-core';
import { expect, inject, test } from 'vitest';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { essayPath } from '../../src/site/urls.ts';
import { sitesInChromium } from '../support/browser-session.ts';

/**
 * An essay page read closely, in Chromium (issue 21, "The read, everywhere"): the headings'
 * hierarchy, a claim awaiting its source, the header's search field, the scenario cards' edges,
 * the space above the notes, and the single-file copy's contents on a phone.
 */
const siteDir = inject('siteDir');
const served = sitesInChromium();

const firstEssay = essayPath(listEssaySlugs(siteDir)[0] ?? '');

async function open(server: StaticServer | string, path: string, width: number, height = 800): Promise<Page> {
  const tab = await served.browser.newPage();
  await tab.setViewport({ width, height });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(typeof server === 'string' ? server : new URL(path, server.url).href, { waitUntil: 'load' });
  return tab;
}

test('the headings read in order at a glance: the title the largest and at least as heavy as any, then h2, then h3', async () => {
  for (const width of [375, 768, 1280]) {
    const tab = await open(served.components, 'essays/structure/', width);
    const styles = await tab.evaluate(() =>
      Object.fromEntries(
        ['h1', '.essay-body h2', '.essay-body h3', '.essay-body p'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector) as Element);
          return [
            selector.split(' ').at(-1),
            { size: parseFloat(style.fontSize), weight: Number(style.fontWeight), above: parseFloat(style.marginBlockStart) },
          ];
        }),
      ),
    );
    await tab.close();
    const { h1, h2, h3, p } = styles as Record<'h1' | 'h2' | 'h3' | 'p', { size: number; weight: number; above: number }>;
    const at = `at ${width} px: ${JSON.stringify(styles)}`;
    // Size: each step clearly larger than the next, the title most of all.
    expect(h1.size, at).toBeGreaterThanOrEqual(h2.size * 1.3);
    expect(h2.size, at).toBeGreaterThan(h3.size * 1.1);
    expect(h3.size, at).toBeGreaterThan(p.size);
    // Weight: never lighter going up; headings stand out from the text.
    expect(h1.weight, at).toBeGreaterThanOrEqual(h2.weight);
    expect(h2.weight, at).toBeGreaterThanOrEqual(h3.weight);
    expect(h3.weight, at).toBeGreaterThan(p.weight);
    // Space: a section starts further from what precedes it than a subsection does.
    expect(h2.above, at).toBeGreaterThan(h3.above);
  }
});

/** What a screen reader says, in reading order: a control's name (not its content), else the text. */
function spoken(node: SerializedAXNode): string[] {
  if (['link', 'button', 'doc-noteref'].includes(node.role)) return [node.name ?? ''];
  if (node.role === 'StaticText') return [node.name ?? ''];
  return (node.children ?? []).flatMap(spoken);
}

test('a claim awaiting its source shows "[source needed]" after its numeral at every width, and a screen reader hears it once', async () => {
  for (const width of [320, 375, 768, 1024, 1280]) {
    const tab = await open(served.components, 'essays/notes/', width);
    const reference = 'notes.ref-26';
    const seen = await tab.$eval(`[id="${reference}"]`, (sup) => {
      const control = [...sup.querySelectorAll<HTMLElement>('a, button')].find((element) =>
        element.checkVisibility({ visibilityProperty: true }),
      );
      const box = control?.getBoundingClientRect();
      const style = control ? getComputedStyle(control) : undefined;
      return {
        text: control?.innerText.replace(/\s+/g, ' '),
        inView: box ? box.left >= 0 && box.right <= document.documentElement.clientWidth && box.height > 0 : false,
        italic: style?.fontStyle,
        size: style ? parseFloat(style.fontSize) : 0,
      };
    });
    const paragraph = await tab.$(`p:has([id="${reference}"])`);
    if (!paragraph) throw new Error(`No paragraph holds ${reference}.`);
    const neededInParagraph = await paragraph.$$eval('.note-ref-needed', (references) => references.length);
    const tree = await tab.accessibility.snapshot({ root: paragraph, interestingOnly: false });
    await tab.close();
    const at = `at ${width} px`;
    expect(seen.text, at).toBe('26 [source needed]');
    expect(seen.inView, at).toBe(true);
    expect(seen.italic, at).toBe('italic');
    // Quiet, but legible: a superscript no smaller than 12 px.
    expect(seen.size, at).toBeGreaterThanOrEqual(12);
    const words = tree ? spoken(tree).join(' ') : '';
    expect(words, at).toContain('Note 26, source needed');
    // Once for each claim of the paragraph that awaits a source (26, 27 and 28), in its name.
    expect(words.match(/source needed/gi), `${at}: ${words}`).toHaveLength(neededInParagraph);
  }
});

test('the header’s search field says what it is for, and the site’s name sits on its line', async () => {
  for (const width of [768, 1280]) {
    const tab = await open(served.site, firstEssay, width);
    const header = await tab.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.header-search input') as HTMLInputElement;
      const name = document.querySelector('.site-name') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(name);
      const text = range.getBoundingClientRect();
      const field = input.getBoundingClientRect();
      const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (color: string) => {
        const [r = 0, g = 0, b = 0] = channels(color).map((value) => {
          const c = value / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [lighter, darker] = [
        luminance(getComputedStyle(input, '::placeholder').color),
        luminance(getComputedStyle(input).backgroundColor),
      ].sort((a, b) => b - a) as [number, number];
      return {
        placeholder: input.placeholder,
        shown: input.value === '' && input.checkVisibility(),
        contrast: (lighter + 0.05) / (darker + 0.05),
        offset: Math.abs((text.top + text.bottom) / 2 - (field.top + field.bottom) / 2),
      };
    });
    await tab.close();
    const at = `at ${width} px`;
    expect(header.shown, at).toBe(true);
    expect(header.placeholder.trim(), at).not.toBe('');
    expect(header.contrast, at).toBeGreaterThanOrEqual(4.5);
    // The name's letters centred on the field's, within a pixel or two.
    expect(header.offset, at).toBeLessThanOrEqual(2);
  }
});

test('scenario cards keep the page’s gutter from the window’s edges at every width', async () => {
  for (const width of [320, 375, 768, 992, 1024, 1100, 1280]) {
    const tab = await open(served.site, firstEssay, width);
    const { gutter, cards, windowWidth } = await tab.evaluate(() => ({
      gutter: parseFloat(getComputedStyle(document.querySelector('main') as Element).paddingInlineStart),
      windowWidth: document.documentElement.clientWidth,
      cards: [...document.querySelectorAll('.scenario')].map((card) => {
        const box = card.getBoundingClientRect();
        return { left: box.left, right: box.right };
      }),
    }));
    await tab.close();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.left, `at ${width} px`).toBeGreaterThanOrEqual(gutter - 0.5);
      expect(windowWidth - card.right, `at ${width} px`).toBeGreaterThanOrEqual(gutter - 0.5);
    }
  }
});

test('the Notes heading sits just under the rule that opens the notes, not a screen’s worth below it', async () => {
  for (const width of [375, 1280]) {
    const tab = await open(served.components, 'essays/notes/', width);
    const gap = await tab.$eval('[role="doc-endnotes"]', (notes) => {
      const rule = notes.getBoundingClientRect().top + parseFloat(getComputedStyle(notes).borderBlockStartWidth);
      return (notes.querySelector('h2') as HTMLElement).getBoundingClientRect().top - rule;
    });
    await tab.close();
    expect(gap, `at ${width} px`).toBeGreaterThan(0);
    expect(gap, `at ${width} px`).toBeLessThanOrEqual(24);
  }
});

test('the single-file copy opens with its contents folded on a phone, its text on the first screen, and shows them beside the text where there is room', async () => {
  const slug = listEssaySlugs(siteDir)[0] ?? '';
  const file = new URL(`file://${siteDir}/${essayPath(slug)}${slug}.html`).href;
  const phone = await open(file, '', 375, 667);
  const folded = await phone.evaluate(() => ({
    open: document.querySelector<HTMLDetailsElement>('nav.toc details')?.open,
    listShown: document.querySelector('nav.toc ol')?.checkVisibility(),
    summaryShown: document.querySelector('nav.toc summary')?.checkVisibility(),
    firstParagraphTop: document.querySelector('.essay-body > p')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
  }));
  await phone.close();
  expect(folded).toMatchObject({ open: false, listShown: false, summaryShown: true });
  expect(folded.firstParagraphTop).toBeLessThan(667 - 40);
  const wide = await open(file, '', 1280, 800);
  const listShown = await wide.$eval('nav.toc ol', (list) => list.checkVisibility());
  await wide.close();
  expect(listShown).toBe(true);
});
