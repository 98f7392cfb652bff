import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { measureLineLengths } from '../../scripts/lib/line-lengths.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { essayPath } from '../../src/site/urls.ts';
import { emulateMedia, emulatePrint, waitForFunction, inEachEngine } from '../support/browser-session.ts';
import { ARABIC_ESSAY, elementsOffScreen, SCRIPT_ESSAYS, sidewaysScroll, wordsOutOfOrder } from '../support/rtl.ts';

/**
 * What a reader meets on an essay page, measured in Chromium and in Firefox: the first screen on a phone,
 * the contents, the place a link lands, and print. The essays of the site itself, whatever
 * they are, and the fixture with many notes (tests/fixtures/components/notes.mdx).
 */
const siteDir = inject('siteDir');
const componentsDir = inject('componentsSiteDir');
let site: StaticServer;
let components: StaticServer;
/** The Arabic site of essays in Arabic, Greek and Japanese (tests/fixtures/scripts/). */
let scripts: StaticServer;

beforeAll(async () => {
  site = await serveDirectory(siteDir);
  components = await serveDirectory(componentsDir);
  scripts = await serveDirectory(inject('scriptsSiteDir'));
});
afterAll(async () => {
  await Promise.all([site?.close(), components?.close(), scripts?.close()]);
});

const essays = listEssaySlugs(siteDir).map((slug) => essayPath(slug));

inEachEngine(({ browser }) => {
  async function open(server: StaticServer, path: string, width: number, height: number): Promise<Page> {
    const tab = await browser().newPage();
    await tab.setViewport({ width, height });
    await emulateMedia(tab, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
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
        if (own && own !== headings[0]) return { reference: ref.closest('sup')?.id ?? '', note: ref.hash, section: own.id };
      }
      throw new Error('The fixture has no note reference after its second heading.');
    });
    await tab.goto(new URL(`essays/notes/${note}`, components.url).href);
    await tab.click(`[role="doc-endnotes"] a[href="#${reference}"]`);
    await waitForFunction(tab, (id) => location.hash === `#${id}`, {}, reference);
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
      // Firefox has no Layout Instability API (layout-shift entries): there, each block of the
      // page is measured against where it was in the document before the scrolling began.
      if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift' });
    });
    const blocks = () =>
      tab.evaluate(() =>
        [...document.querySelectorAll('header, main, footer, .essay-body > *')].map((block) => {
          const box = block.getBoundingClientRect();
          return `${Math.round(box.left)},${Math.round(box.top + window.scrollY)} ${Math.round(box.width)}×${Math.round(box.height)}`;
        }),
      );
    const before = await blocks();
    const moved = new Set<string>();
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 300) {
      await tab.evaluate((top) => window.scrollTo(0, top), y);
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      for (const [index, block] of (await blocks()).entries())
        if (block !== before[index]) moved.add(`block ${index}: ${before[index]} → ${block}`);
    }
    expect([...moved]).toEqual([]);
    const shifts = await tab.evaluate(() => (window as unknown as { shifts: number }).shifts);
    const marked = await tab.$$eval('.toc a[aria-current]', (links) => links.length);
    await tab.close();
    expect(marked).toBe(1);
    expect(shifts).toBe(0);
  });

  test('printed, every sheet has a margin', async () => {
    const tab = await open(components, 'essays/notes/', 1280, 800);
    await emulatePrint(tab);
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

  const WIDTHS = [320, 375, 768, 1024, 1280, 1680];

  /** Characters on each full line of the essay's paragraphs (a paragraph's last line is left out: it is short by nature). */
  async function charactersPerLine(tab: Page): Promise<number[]> {
    const { characters } = await tab.evaluate(measureLineLengths, {
      paragraphs: '.essay-body > p',
      skip: '.note-ref, .sidenote, [popover]',
    });
    return characters;
  }

  /** Ordinary English prose, the kind of text the measure's 60 to 72 characters a line are counted in. */
  const LATIN_PROSE =
    'Twice a day the water climbs the harbour wall, and twice a day it slips away again. Fishermen plan their mornings around it.';

  /**
   * How many characters of Latin text take the width of one character of the page's paragraphs,
   * in their font: 1 when their letters are Latin; less in a wider script (Cyrillic letters are
   * about a ninth wider, so a line that holds 65 Latin characters holds about 58 of them).
   */
  async function latinCharactersPerCharacter(tab: Page): Promise<number> {
    return tab.evaluate(
      ({ paragraphs, skip, latin }) => {
        const texts = [...document.querySelectorAll(paragraphs)].map((paragraph) => {
          const copy = paragraph.cloneNode(true) as Element;
          for (const aside of copy.querySelectorAll(skip)) aside.remove();
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        });
        const text = texts.join(' ');
        const letters = text.match(/\p{L}/gu)?.length ?? 0;
        const latinLetters = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
        const first = document.querySelector(paragraphs);
        if (!first || letters === 0 || latinLetters / letters >= 0.9) return 1;
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('No canvas to measure text with.');
        context.font = getComputedStyle(first).font;
        const average = (sample: string) => context.measureText(sample).width / [...sample].length;
        return average(latin) / average(text);
      },
      { paragraphs: '.essay-body > p', skip: '.note-ref, .sidenote, [popover]', latin: LATIN_PROSE },
    );
  }

  test.each(essays)(
    'the lines of %s hold 60 to 72 characters where the window allows (or as many of another script as take their width), and never more',
    async (path) => {
      for (const width of WIDTHS) {
        const tab = await open(site, path, width, 900);
        const counts = await charactersPerLine(tab);
        // The measure is counted in Latin characters; text in a wider or narrower script fits fewer or more in it.
        const scale = await latinCharactersPerCharacter(tab);
        await tab.close();
        if (counts.length < 5) continue;
        const median = counts[Math.floor(counts.length / 2)] ?? 0;
        const at = `at ${width} px${scale === 1 ? '' : `, ${scale.toFixed(2)} Latin characters a character`}`;
        // A phone's lines are as long as its screen allows; from a tablet on, the measure rules.
        if (width >= 768) expect(median, `median ${at}`).toBeGreaterThanOrEqual(60 * scale);
        expect(median, `median ${at}`).toBeLessThanOrEqual(72 * scale);
        expect(counts.at(-1), `longest line ${at}`).toBeLessThanOrEqual(76 * scale);
      }
    },
  );

  test('a note’s control sits on the line of the word before it, at every width, never wrapped away from it', async () => {
    for (const width of WIDTHS) {
      const tab = await open(components, 'essays/notes/', width, 900);
      const apart = await tab.evaluate(() =>
        [...document.querySelectorAll('.essay-body sup.note-ref')].flatMap((sup) => {
          const control = [...sup.querySelectorAll('a, button')].find((element) => element.getClientRects().length > 0);
          const before = sup.previousSibling;
          if (!control || !before?.textContent?.trim()) return [];
          const range = document.createRange();
          range.setStart(before, Math.max(0, (before.textContent ?? '').trimEnd().length - 1));
          range.setEnd(before, (before.textContent ?? '').trimEnd().length);
          const word = range.getClientRects()[0];
          const box = control.getBoundingClientRect();
          // On one line: the control's box overlaps the last letter's box vertically.
          return word && (box.bottom < word.top || box.top > word.bottom) ? [sup.id] : [];
        }),
      );
      await tab.close();
      expect(apart, `at ${width} px`).toEqual([]);
    }
  });

  test('on a phone, a note’s preview opens beside its reference and never covers it', async () => {
    for (const [width, height] of [
      [320, 568],
      [375, 667],
    ] as const) {
      const tab = await open(components, 'essays/notes/', width, height);
      // An engine without anchor positioning (Firefox 140 ESR) opens no preview on a phone: the
      // reference is its link to the note (tests/browser/fallbacks.test.ts pins that fallback).
      if (!(await tab.evaluate(() => CSS.supports('position-area', 'top')))) {
        const shown = await tab.$$eval('.essay-body sup.note-ref', (sups) =>
          sups.map((sup) =>
            [...sup.querySelectorAll<HTMLElement>('a, button')]
              .filter((control) => control.getClientRects().length > 0)
              .map((control) => control.tagName),
          ),
        );
        expect(
          shown.filter((controls) => controls.join() !== 'A'),
          `at ${width} px`,
        ).toEqual([]);
        await tab.close();
        continue;
      }
      const buttons = await tab.$$eval('.essay-body button.note-toggle', (elements) =>
        elements.map((button) => button.getAttribute('popovertarget')),
      );
      for (const target of buttons.slice(0, 8)) {
        const selector = `button[popovertarget="${target}"]`;
        // The reference in the top, middle and bottom of the screen in turn.
        await tab.$eval(selector, (button) => button.scrollIntoView({ block: 'nearest' }));
        await tab.click(selector);
        const { line, preview, open } = await tab.$eval(selector, (button) => {
          const popover = document.getElementById(button.getAttribute('popovertarget') ?? '') as HTMLElement;
          const sup = button.closest('sup') as HTMLElement;
          // The reference's line: from the text before it, as tall as a line of the paragraph.
          const paragraph = sup.parentElement as HTMLElement;
          const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
          const box = button.getBoundingClientRect();
          const middle = (box.top + box.bottom) / 2;
          const preview = popover.getBoundingClientRect();
          return {
            open: popover.matches(':popover-open'),
            line: { top: middle - lineHeight / 2, bottom: middle + lineHeight / 2 },
            preview: { top: preview.top, bottom: preview.bottom },
          };
        });
        expect(open, target ?? '').toBe(true);
        const covers = preview.top < line.bottom && preview.bottom > line.top;
        expect(covers, `${target} at ${width} px: the preview ${JSON.stringify(preview)} covers the line ${JSON.stringify(line)}`).toBe(
          false,
        );
        await tab.keyboard.press('Escape');
      }
      await tab.close();
    }
  });

  test('margin notes never overlap, on the fixture with 28 notes', async () => {
    for (const width of [1024, 1280, 1680]) {
      const tab = await open(components, 'essays/notes/', width, 900);
      const boxes = await tab.$$eval('.sidenote', (sidenotes) =>
        sidenotes.map((sidenote) => {
          const box = sidenote.getBoundingClientRect();
          return {
            top: box.top,
            bottom: box.bottom,
            left: box.left,
            right: box.right,
            shown: getComputedStyle(sidenote).display !== 'none',
          };
        }),
      );
      await tab.close();
      expect(
        boxes.every((box) => box.shown),
        `at ${width} px`,
      ).toBe(true);
      for (const [index, box] of boxes.entries()) {
        for (const other of boxes.slice(index + 1)) {
          const overlap = box.top < other.bottom && other.top < box.bottom && box.left < other.right && other.left < box.right;
          expect(overlap, `at ${width} px`).toBe(false);
        }
      }
    }
  });

  test('copying a paragraph with notes copies the essay’s words only, at every width', async () => {
    for (const width of [375, 1280]) {
      const tab = await open(components, 'essays/notes/', width, 900);
      const copied = await tab.evaluate(() => {
        const paragraph = [...document.querySelectorAll('.essay-body > p')].find((candidate) => candidate.querySelector('.note-ref'));
        if (!paragraph) return undefined;
        const selection = getSelection();
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        selection?.removeAllRanges();
        selection?.addRange(range);
        // The essay's words: the paragraph without its references and reading aids.
        const words = paragraph.cloneNode(true) as HTMLElement;
        for (const aid of words.querySelectorAll('.note-ref, [data-reading-aid]')) aid.remove();
        // White space as rendered: a line break in the source is a space on the page.
        const fold = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
        return { copied: fold(selection?.toString()), words: fold(words.textContent) };
      });
      await tab.close();
      expect(copied?.copied, `at ${width} px`).toBe(copied?.words);
      expect(copied?.copied).not.toMatch(/Note|Source needed|Close/);
    }
  });

  test('every note control and back-link is at least a 24 px target (WCAG 2.5.8)', async () => {
    for (const width of [375, 1280]) {
      const tab = await open(components, 'essays/notes/', width, 900);
      const small = await tab.$$eval('.note-ref :is(a, button), .backlinks a, .sidenote-close', (targets) =>
        targets
          .filter((target) => target.getClientRects().length > 0 && getComputedStyle(target).visibility !== 'hidden')
          .map((target) => ({ target: target.outerHTML.slice(0, 60), box: target.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 - 0.5 || box.height < 24 - 0.5)
          .map(({ target, box }) => `${target}: ${box.width.toFixed(1)}×${box.height.toFixed(1)}`),
      );
      await tab.close();
      expect(small, `at ${width} px`).toEqual([]);
    }
  });
  describe('right to left: an Arabic site, with essays in Arabic, Greek and Japanese', () => {
    test('each page has its language and direction: the Arabic essay and the site’s own pages right to left, the Greek and Japanese essays left to right', async () => {
      const pages = [
        ...SCRIPT_ESSAYS.map(({ path, lang, dir }) => ({ path, lang, dir })),
        { path: '', lang: 'ar', dir: 'rtl' },
        { path: 'search/', lang: 'ar', dir: 'rtl' },
      ];
      for (const { path, lang, dir } of pages) {
        const tab = await open(scripts, path, 1280, 800);
        const html = await tab.$eval('html', (element) => ({
          lang: element.getAttribute('lang'),
          dir: element.getAttribute('dir'),
          direction: getComputedStyle(document.body).direction,
        }));
        await tab.close();
        expect(html, `/${path}`).toEqual({ lang, dir, direction: dir });
      }
    });

    test.each([...SCRIPT_ESSAYS.map(({ path }) => path), '', 'search/', `search/?q=${ARABIC_ESSAY.word}`])(
      'at 320 px, /%s scrolls not sideways, and nothing hangs off either edge',
      async (path) => {
        const tab = await open(scripts, path, 320, 640);
        if (path.includes('?q=')) await waitForFunction(tab, () => document.querySelector('.search-result') !== null, { timeout: 20_000 });
        const scroll = await sidewaysScroll(tab);
        // In a right-to-left page what spills over the right edge cannot be scrolled to, and scrollWidth leaves it out.
        const offScreen = await elementsOffScreen(tab);
        await tab.close();
        expect(scroll).toBeLessThanOrEqual(0);
        expect(offScreen).toEqual([]);
      },
    );

    test('on a phone, a note’s preview in the Arabic essay opens by its reference, never over its line, inside the window, its × clear of its words', async () => {
      for (const [width, height] of [
        [320, 568],
        [375, 667],
      ] as const) {
        const tab = await open(scripts, ARABIC_ESSAY.path, width, height);
        // Without anchor positioning (Firefox 140 ESR) a phone's reference is its link to the note, as above.
        if (!(await tab.evaluate(() => CSS.supports('position-area', 'top')))) {
          const shown = await tab.$$eval('.essay-body sup.note-ref', (sups) =>
            sups.map((sup) =>
              [...sup.querySelectorAll<HTMLElement>('a, button')]
                .filter((control) => control.getClientRects().length > 0 && getComputedStyle(control).visibility !== 'hidden')
                .map((control) => control.tagName)
                .join(),
            ),
          );
          expect(shown, `at ${width} px`).toEqual(['A', 'A', 'A']);
          await tab.close();
          continue;
        }
        const targets = await tab.$$eval('.essay-body button.note-toggle', (buttons) =>
          buttons.map((button) => button.getAttribute('popovertarget')),
        );
        expect(targets).toHaveLength(3);
        for (const target of targets) {
          const selector = `button[popovertarget="${target}"]`;
          await tab.$eval(selector, (button) => button.scrollIntoView({ block: 'center' }));
          await tab.click(selector);
          const placed = await tab.$eval(selector, (button) => {
            const popover = document.getElementById(button.getAttribute('popovertarget') ?? '') as HTMLElement;
            const paragraph = button.closest('p') as HTMLElement;
            const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
            const box = button.getBoundingClientRect();
            const middle = (box.top + box.bottom) / 2;
            const preview = popover.getBoundingClientRect();
            // The note's words: every text of the preview but its ×.
            const close = popover.querySelector('.sidenote-close')?.getBoundingClientRect();
            const words: DOMRect[] = [];
            const walker = document.createTreeWalker(popover, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest('.sidenote-close') || !node.textContent?.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              words.push(...range.getClientRects());
            }
            const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            return {
              open: popover.matches(':popover-open'),
              line: { top: middle - lineHeight / 2, bottom: middle + lineHeight / 2 },
              preview: { top: preview.top, bottom: preview.bottom, left: preview.left, right: preview.right },
              viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
              closeOverWords: close ? words.some((word) => overlaps(word, close)) : true,
            };
          });
          const { line, preview, viewport } = placed;
          const at = `${target} at ${width} px: the preview ${JSON.stringify(preview)}, the line ${JSON.stringify(line)}`;
          expect(placed.open, at).toBe(true);
          expect(preview.top < line.bottom && preview.bottom > line.top, `${at} covers the line`).toBe(false);
          // By its reference: just below its line, or just above it.
          const gap = preview.top >= line.bottom ? preview.top - line.bottom : line.top - preview.bottom;
          expect(gap, `${at} is not by it`).toBeLessThanOrEqual(48);
          expect(
            preview.left >= 0 && preview.right <= viewport.width && preview.top >= 0 && preview.bottom <= viewport.height,
            `${at} is outside the window`,
          ).toBe(true);
          expect(placed.closeOverWords, `${at}: its × is over its words`).toBe(false);
          await tab.keyboard.press('Escape');
        }
        await tab.close();
      }
    });

    test('on a phone, the Contents link rests at the end of the line: the left of the Arabic essay, the right of the Greek one', async () => {
      for (const { path, dir } of SCRIPT_ESSAYS.slice(0, 2)) {
        const tab = await open(scripts, path, 375, 667);
        await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
        const edges = await tab.evaluate(() => {
          const jump = document.querySelector('.toc-jump')?.getBoundingClientRect();
          const text = document.querySelector('.essay-body')?.getBoundingClientRect();
          return jump && text && { left: jump.left - text.left, right: text.right - jump.right };
        });
        await tab.close();
        const [end, start] = dir === 'rtl' ? (['left', 'right'] as const) : (['right', 'left'] as const);
        expect(Math.abs(edges?.[end] ?? Infinity), `${path}: ${JSON.stringify(edges)}`).toBeLessThanOrEqual(1);
        expect(edges?.[start], `${path}: ${JSON.stringify(edges)}`).toBeGreaterThan(100);
      }
    });

    // Reading time and counts are English on a page in Arabic until the site has Arabic words:
    // each must still read in its own order ("1 min read", not "min read 1"), which takes the
    // English phrase isolated from the Arabic line around it (<bdi>, or dir="ltr").
    test.each([
      { width: 375, what: 'reading time', selector: '.byline-details' },
      { width: 375, what: 'contents’ count', selector: '.toc summary' },
      { width: 1280, what: 'reading time', selector: '.byline-details' },
    ])('at $width px, the Arabic essay’s $what reads in its words’ order', async ({ width, selector }) => {
      const tab = await open(scripts, ARABIC_ESSAY.path, width, 800);
      const text = await tab.$eval(selector, (element) => element.textContent ?? '');
      const problems = await wordsOutOfOrder(tab, selector);
      await tab.close();
      expect(text).toMatch(/\d/);
      expect(problems).toEqual([]);
    });
  });
});
