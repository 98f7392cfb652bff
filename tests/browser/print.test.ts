import type { Page } from 'puppeteer-core';
import { expect, inject, test } from 'vitest';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { essayPath } from '../../src/site/urls.ts';
import { sitesInChromium } from '../support/browser-session.ts';

/**
 * An essay page on paper (issue 21), read in Chromium with print styles: what the printed text
 * says at each note, and what is left off the sheet. A sheet is narrower than a screen: A4 less
 * its margins (global.css: 2 cm × 1.8 cm) is about 660 CSS pixels wide, below the 62rem from
 * which the screen shows note numbers as links; a wide window printed as it is, for the rest.
 */
const siteDir = inject('siteDir');
const served = sitesInChromium();

/** An A4 sheet's width inside its margins, and a desktop window's. */
const SHEET = 660;
const WIDTHS = [SHEET, 1280];

async function printed(server: StaticServer, path: string, width: number): Promise<Page> {
  const tab = await served.browser.newPage();
  await tab.setViewport({ width, height: 900 });
  await tab.emulateMediaType('print');
  await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return tab;
}

const essays = [
  ...listEssaySlugs(siteDir).map((slug) => ({ server: () => served.site, path: essayPath(slug) })),
  { server: () => served.components, path: 'essays/notes/' },
];

test.each(essays)(
  'printed, $path keeps every note number beside its word, and "[source needed]" where a claim awaits one',
  async ({ server, path }) => {
    for (const width of WIDTHS) {
      const tab = await printed(server(), path, width);
      const references = await tab.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.essay-body sup.note-ref')].map((sup) => {
          const paragraph = sup.closest('p, li') as HTMLElement;
          // The text as rendered for print, word joiners left out: "year.1 [source needed] This".
          const text = paragraph.innerText.replaceAll('\u2060', '').replace(/\s+/g, ' ');
          const before = (sup.previousSibling?.textContent ?? '').trimEnd().split(/\s+/).at(-1) ?? '';
          const link = sup.querySelector('a');
          return {
            id: sup.id,
            numeral: (link?.getAttribute('aria-label') ?? '').match(/\d+[a-z]?/)?.[0] ?? '',
            needed: sup.classList.contains('note-ref-needed'),
            before,
            text,
          };
        }),
      );
      await tab.close();
      expect(references.length, `${path} has note references`).toBeGreaterThan(0);
      for (const { id, numeral, needed, before, text } of references) {
        const expected = `${before}${numeral}${needed ? ' [source needed]' : ''}`;
        expect(text, `${id} at ${width} px`).toContain(expected);
      }
    }
  },
);

test('printed, each note’s words are on the sheet once, in the notes list, not again beside the text', async () => {
  for (const width of WIDTHS) {
    const tab = await printed(served.components, 'essays/notes/', width);
    const { body, notes } = await tab.evaluate(() => ({
      body: document.body.innerText,
      notes: document.querySelector<HTMLElement>('[role="doc-endnotes"]')?.innerText ?? '',
    }));
    await tab.close();
    for (const words of ['Remark 1 about claim 1.', 'Who said it, and when.']) {
      expect(notes, `at ${width} px`).toContain(words);
      expect(body.split(words), `at ${width} px`).toHaveLength(2);
    }
  }
});

test.each([
  ['an essay page', 'site', essayPath(listEssaySlugs(siteDir)[0] ?? '')],
  ['the notes fixture', 'components', 'essays/notes/'],
  ['the home page', 'site', ''],
] as const)(
  'printed, %s shows no control a sheet cannot use: no field, button, switch, skip link or offline copies',
  async (_name, which, path) => {
    for (const width of WIDTHS) {
      const tab = await printed(which === 'site' ? served.site : served.components, path, width);
      const shown = await tab.evaluate(() => ({
        controls: [...document.querySelectorAll('input, button, select, textarea, summary, .skip-link, .downloads')]
          .filter((element) => element.checkVisibility())
          .map((element) => element.outerHTML.slice(0, 80)),
        text: document.body.innerText,
      }));
      await tab.close();
      expect(shown.controls, `at ${width} px`).toEqual([]);
      // "Read offline: EPUB · HTML" means nothing on paper.
      expect(shown.text, `at ${width} px`).not.toMatch(/Read offline|EPUB/);
    }
  },
);
