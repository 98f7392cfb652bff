import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { clickMiddle, emulateMedia, setJavaScriptEnabled, waitForFunction, inEachEngine } from '../support/browser-session.ts';
import { ARABIC_ESSAY, GREEK_ESSAY } from '../support/rtl.ts';

let server: StaticServer;
/** The Arabic site of essays in Arabic, Greek and Japanese (tests/fixtures/scripts/). */
let scripts: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(inject('componentsSiteDir'));
  scripts = await serveDirectory(inject('scriptsSiteDir'));
});
afterAll(async () => {
  await Promise.all([server?.close(), scripts?.close()]);
});

inEachEngine(({ browser, browsers }) => {
  async function open(path: string, width: number): Promise<Page> {
    const page = await browser().newPage();
    await page.setViewport({ width, height: 800 });
    // Reduced motion turns smooth scrolling off, so a jump has landed when it is checked.
    await emulateMedia(page, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    return page;
  }

  /** The focused element's id, and whether it is on screen below the top edge. */
  function focused(page: Page): Promise<{ id: string; top: number; visible: boolean }> {
    return page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { id: element.id, top: Math.round(box.top), visible: box.top >= 0 && box.bottom <= window.innerHeight };
    });
  }

  test('following a note reference lands on the note with focus, and its back-link lands on the reference', async () => {
    const page = await open('essays/notes/', 1280);
    await page.focus('[id="notes.ref-3"] a');
    await page.keyboard.press('Enter');
    await waitForFunction(page, () => location.hash === '#notes.note-3');
    const note = await focused(page);
    expect(note.id).toBe('notes.note-3');
    expect(note.visible).toBe(true);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Back to reference 3');
    await page.keyboard.press('Enter');
    await waitForFunction(page, () => location.hash === '#notes.ref-3');
    const reference = await focused(page);
    expect(reference.id).toBe('notes.ref-3');
    expect(reference.visible).toBe(true);
    await page.close();
  });

  test('each back-link of a source cited three times returns to its own citation', async () => {
    const page = await open('essays/notes/#notes.note-1', 1280);
    const hrefs = await page.$$eval('[id="notes.note-1"] a[role="doc-backlink"]', (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(hrefs).toEqual(['#notes.ref-1a', '#notes.ref-1b', '#notes.ref-1c']);
    await page.click('[id="notes.note-1"] a[href="#notes.ref-1c"]');
    await waitForFunction(page, () => location.hash === '#notes.ref-1c');
    expect((await focused(page)).id).toBe('notes.ref-1c');
    await page.close();
  });

  test('a contents link moves keyboard focus to its section', async () => {
    const page = await open('essays/structure/', 1280);
    await page.focus('.toc a[href="#second-list"]');
    await page.keyboard.press('Enter');
    await waitForFunction(page, () => location.hash === '#second-list');
    const section = await focused(page);
    expect(section.id).toBe('second-list');
    expect(section.visible).toBe(true);
    await page.close();
  });

  test('on a wide screen notes sit beside the text as sidenotes, with no preview buttons', async () => {
    const page = await open('essays/notes/', 1280);
    const layout = await page.evaluate(() => {
      const sidenote = document.querySelector('.sidenote') as HTMLElement;
      const text = document.querySelector('.essay-body p') as HTMLElement;
      return {
        sidenote: getComputedStyle(sidenote).display,
        button: getComputedStyle(document.querySelector('.note-toggle') as HTMLElement).display,
        besideText: sidenote.getBoundingClientRect().left >= text.getBoundingClientRect().right,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(layout).toEqual({ sidenote: 'block', button: 'none', besideText: true, overflow: 0 });
    await page.close();
  });

  test('a margin note is hidden from assistive technology, its links out of the tab order; on a phone the same element is a preview that is not', async () => {
    const page = await open('essays/notes/', 1280);
    const readable = () =>
      page.$$eval('.sidenote', (notes) =>
        notes.map((note) => ({
          hidden: note.getAttribute('aria-hidden') === 'true',
          tabStops: [...note.querySelectorAll<HTMLElement>('a, button')].filter((control) => control.tabIndex >= 0).length,
        })),
      );
    const wide = await readable();
    expect(wide).toHaveLength(30);
    expect(wide.every(({ hidden, tabStops }) => hidden && tabStops === 0)).toBe(true);
    // Tab goes from a reference's link on to the next reference's, not into the margin note between them.
    await page.focus('[id="notes.ref-1a"] a');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('sup')?.id)).toBe('notes.ref-2');

    await page.setViewport({ width: 375, height: 800 });
    await waitForFunction(page, () => document.querySelector('.sidenote[aria-hidden]') === null);
    const narrow = await readable();
    // Each preview: its link to the note and its ×, and the links of its words.
    expect(narrow.every(({ hidden, tabStops }) => !hidden && tabStops >= 2)).toBe(true);
    await page.close();
  });

  test('on a narrow screen a note opens in place from the keyboard and closes with Escape', async () => {
    const page = await open('essays/notes/', 375);
    expect(await page.$eval('.sidenote', (sidenote) => getComputedStyle(sidenote).display)).toBe('none');
    // An engine without anchor positioning (Firefox 140 ESR) opens no preview on a phone: there the
    // reference is its link to the note, followed from the keyboard (tests/browser/fallbacks.test.ts).
    if (!(await page.evaluate(() => CSS.supports('position-area', 'top')))) {
      await page.focus('[id="notes.ref-3"] a');
      await page.keyboard.press('Enter');
      await waitForFunction(page, () => location.hash === '#notes.note-3');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes.note-3');
      await page.close();
      return;
    }
    await page.focus('button[popovertarget="notes.preview-3"]');
    await page.keyboard.press('Enter');
    const opened = await page.$eval('[id="notes.preview-3"]', (popover) => ({
      open: popover.matches(':popover-open'),
      text: popover.textContent,
      onScreen: popover.getBoundingClientRect().bottom <= window.innerHeight,
    }));
    expect(opened).toEqual({ open: true, text: 'Note 3 Remark 1 about claim 1.×', onScreen: true });
    await page.keyboard.press('Escape');
    expect(await page.$eval('[id="notes.preview-3"]', (popover) => popover.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('popovertarget'))).toBe('notes.preview-3');

    // Tab from the open preview's button reaches the link to the note, then the preview's own × (named Close note 3).
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('href')])).toEqual([
      'Note 3',
      '#notes.note-3',
    ]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close note 3');
    await page.keyboard.press('Enter');
    expect(await page.$eval('[id="notes.preview-3"]', (popover) => popover.matches(':popover-open'))).toBe(false);
    await page.close();
  });

  test('the contents script marks the section being read, and the page works without it', async () => {
    const page = await open('essays/structure/', 1280);
    // A scenario's title is a heading in the contents too: the last one of the second list, with
    // the text after it below the reading line (the first would give way to the next at once).
    await page.evaluate(() => document.getElementById('structure.scenario-balance')?.scrollIntoView());
    await waitForFunction(
      page,
      () => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#structure.scenario-balance',
    );
    await page.close();

    const withoutScript = await (await browsers.browser({ javaScript: false })).newPage();
    await setJavaScriptEnabled(withoutScript, false);
    await withoutScript.setViewport({ width: 375, height: 800 });
    await withoutScript.goto(new URL('essays/structure/', server.url).href);
    // Without anchor positioning (Firefox 140 ESR) a phone's reference is a link, which needs no script either.
    if (await withoutScript.evaluate(() => CSS.supports('position-area', 'top'))) {
      await clickMiddle(withoutScript, 'button[popovertarget="structure.preview-1"]');
      expect(await withoutScript.$eval('[id="structure.preview-1"]', (popover) => popover.matches(':popover-open'))).toBe(true);
    } else {
      await clickMiddle(withoutScript, '[id="structure.ref-1"] a');
      await waitForFunction(withoutScript, () => location.hash === '#structure.note-1');
    }
    // Not $$eval: in a Firefox without JavaScript, puppeteer's query of many elements never answers.
    expect(await withoutScript.evaluate(() => document.querySelectorAll('.toc a').length)).toBeGreaterThan(5);
    await withoutScript.close();
  });
  describe('right to left: the Arabic essay, beside the Greek one', () => {
    async function openEssay(path: string, width: number, height = 800): Promise<Page> {
      const page = await browser().newPage();
      await page.setViewport({ width, height });
      await emulateMedia(page, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await page.goto(new URL(path, scripts.url).href, { waitUntil: 'load' });
      return page;
    }

    // The margin notes float to the end of the line (float: inline-end) and the contents take the
    // grid's first column, at its start: in a left-to-right essay the notes are in the right
    // margin and the contents on the left; in a right-to-left one, its mirror, the notes are in
    // the left margin (still the end of its lines) and the contents on the right.
    test.each([
      { essay: ARABIC_ESSAY, notes: 'left', contents: 'right' },
      { essay: GREEK_ESSAY, notes: 'right', contents: 'left' },
    ] as const)(
      'at 1024 and 1280 px, $essay.path has its margin notes in the $notes margin, level with their references, and at 1280 its contents on the $contents',
      async ({ essay, notes, contents }) => {
        for (const width of [1024, 1280]) {
          const page = await openEssay(essay.path, width);
          const layout = await page.evaluate(() => {
            const text = document.querySelector('.essay-body') as HTMLElement;
            const body = text.getBoundingClientRect();
            const toc = (document.querySelector('.toc') as HTMLElement).getBoundingClientRect();
            const side = (box: DOMRect) => (box.left >= body.right ? 'right' : box.right <= body.left ? 'left' : 'over the text');
            return {
              contents: side(toc),
              notes: [...document.querySelectorAll<HTMLElement>('.sidenote')].map((sidenote) => {
                const reference = document.querySelector(`[popovertarget="${sidenote.id}"]`)?.closest('sup') as HTMLElement;
                const lineHeight = parseFloat(getComputedStyle(reference.closest('p') as HTMLElement).lineHeight);
                const box = sidenote.getBoundingClientRect();
                // The reference's line: as tall as a line of its paragraph, around the reference's middle.
                const referenceBox = reference.getBoundingClientRect();
                const lineTop = (referenceBox.top + referenceBox.bottom) / 2 - lineHeight / 2;
                return {
                  id: sidenote.id,
                  shown: getComputedStyle(sidenote).display,
                  side: side(box),
                  level: Math.abs(box.top - lineTop) < lineHeight,
                };
              }),
              overflow:
                (document.scrollingElement ?? document.documentElement).scrollWidth -
                (document.scrollingElement ?? document.documentElement).clientWidth,
            };
          });
          await page.close();
          // From 1216 px (76rem) the contents have a column of their own; below, they are above the text.
          if (width === 1280) expect(layout.contents).toBe(contents);
          expect(layout.notes, `at ${width} px`).toHaveLength(3);
          for (const note of layout.notes)
            expect(note, `${note.id} at ${width} px`).toEqual({ id: note.id, shown: 'block', side: notes, level: true });
          expect(layout.overflow, `at ${width} px`).toBeLessThanOrEqual(0);
        }
      },
    );

    test('following a note reference of the Arabic essay lands on the note with focus, and its back-link lands on the reference', async () => {
      const page = await openEssay(ARABIC_ESSAY.path, 1280);
      await page.focus('[id="al-saat.ref-3"] a');
      await page.keyboard.press('Enter');
      await waitForFunction(page, () => location.hash === '#al-saat.note-3');
      expect(await focused(page)).toMatchObject({ id: 'al-saat.note-3', visible: true });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await waitForFunction(page, () => location.hash === '#al-saat.ref-3');
      expect(await focused(page)).toMatchObject({ id: 'al-saat.ref-3', visible: true });
      await page.close();
    });

    // ↩ is not a mirrored character: the page turns it, so "back" points the way the line came from.
    test.each([
      { essay: ARABIC_ESSAY, points: 'right' },
      { essay: GREEK_ESSAY, points: 'left' },
    ] as const)('$essay.path: each back-link arrow points $points, back along its line', async ({ essay, points }) => {
      const page = await openEssay(essay.path, 1280);
      const arrows = await page.$$eval('.backlinks .backlink-arrow', (spans) =>
        spans.map((span) => ({ text: span.textContent, flipped: new DOMMatrix(getComputedStyle(span).transform).a < 0 })),
      );
      await page.close();
      expect(arrows.length).toBeGreaterThan(0);
      for (const arrow of arrows) expect(arrow).toEqual({ text: '↩', flipped: points === 'right' });
    });

    // The bar of the section being read is the entry's border at the start of its line
    // (border-inline-start), between the list number and the words: on the right in Arabic.
    test.each([
      { essay: ARABIC_ESSAY, bar: 'right' },
      { essay: GREEK_ESSAY, bar: 'left' },
    ] as const)(
      'a contents link of $essay.path moves focus to its section, and the section is marked by a bar on the $bar of its entry',
      async ({ essay, bar }) => {
        const page = await openEssay(essay.path, 1280, 600);
        await page.focus(`.toc a[href="#${essay.section}"]`);
        await page.keyboard.press('Enter');
        await waitForFunction(page, (id) => decodeURIComponent(location.hash) === `#${id}`, {}, essay.section);
        expect(await focused(page)).toMatchObject({ id: essay.section, visible: true });
        await waitForFunction(page, () => document.querySelector('.toc a[aria-current]') !== null);
        const marked = await page.evaluate(() => {
          const link = document.querySelector('.toc a[aria-current]') as HTMLElement;
          const entry = link.closest('li') as HTMLElement;
          const style = getComputedStyle(entry);
          const linkBox = link.getBoundingClientRect();
          const entryBox = entry.getBoundingClientRect();
          return {
            href: decodeURIComponent(link.getAttribute('href') ?? ''),
            left: { width: style.borderLeftWidth, colour: style.borderLeftColor },
            right: { width: style.borderRightWidth, colour: style.borderRightColor },
            linkColour: getComputedStyle(link).color,
            // The words are inside the bar, not under it.
            clear:
              linkBox.left >= entryBox.left + parseFloat(style.borderLeftWidth) &&
              linkBox.right <= entryBox.right - parseFloat(style.borderRightWidth),
          };
        });
        await page.close();
        expect(marked.href).toBe(`#${essay.section}`);
        const [shown, unseen] = bar === 'right' ? [marked.right, marked.left] : [marked.left, marked.right];
        expect(shown).toEqual({ width: '3px', colour: marked.linkColour });
        expect(unseen.width).toBe('0px');
        expect(marked.clear).toBe(true);
      },
    );
  });
});
