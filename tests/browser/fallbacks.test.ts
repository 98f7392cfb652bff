/**
 * Every enhancement has a fallback that reads (docs/architecture.md): an essay page in a
 * browser without CSS anchor positioning (Firefox before 147, Safari before 26), and in one
 * without popovers (Safari before 17, Firefox before 125). Each is turned off in the page
 * before its scripts run, in Chromium and Firefox, and the notes must still be reached from
 * their references, and no note may cover the text it belongs to.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { emulateMedia, waitForFunction, inEachEngine } from '../support/browser-session.ts';

let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(inject('componentsSiteDir'));
});
afterAll(async () => {
  await server?.close();
});

/**
 * As a browser without anchor positioning: `CSS.supports` says so, the page's rules that use
 * it are dropped (their properties back to their initial values, as an engine that does not
 * know them leaves them), and its `@supports not (position-area: …)` rules applied.
 */
function withoutAnchorPositioning(): void {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = ((...args: [string, string?]) =>
    /anchor|position-area|position-try/.test(args.join(' ')) ? false : supports(...(args as [string, string]))) as typeof CSS.supports;
  document.addEventListener('DOMContentLoaded', () => {
    const rewrite = (list: CSSRuleList, parent: CSSStyleSheet | CSSGroupingRule) => {
      for (let index = list.length - 1; index >= 0; index -= 1) {
        const rule = list[index];
        if (rule instanceof CSSSupportsRule && /not\s*\(\s*position-area/.test(rule.conditionText)) {
          const inner = [...rule.cssRules].map((child) => child.cssText);
          parent.deleteRule(index);
          for (const text of inner.reverse()) parent.insertRule(text, index);
        } else if (rule instanceof CSSGroupingRule && !(rule instanceof CSSSupportsRule)) rewrite(rule.cssRules, rule);
      }
    };
    for (const sheet of document.styleSheets) rewrite(sheet.cssRules, sheet);
    const sheet = document.styleSheets[document.styleSheets.length - 1];
    sheet?.insertRule(
      '* { position-area: none !important; position-try-fallbacks: none !important; position-anchor: auto !important; anchor-name: none !important }',
      sheet.cssRules.length,
    );
  });
}

/**
 * As a browser without popovers: no popover methods, no `popover` attribute (so nothing is
 * hidden as a closed popover, and `popovertarget` does nothing), every rule whose selector
 * names `:popover-open` dropped as invalid, and the page's `@supports not
 * selector(:popover-open)` rules applied.
 */
function withoutPopovers(): void {
  for (const name of ['showPopover', 'hidePopover', 'togglePopover'] as const) delete (HTMLElement.prototype as Partial<HTMLElement>)[name];
  const supports = CSS.supports.bind(CSS);
  CSS.supports = ((...args: [string, string?]) =>
    /popover/.test(args.join(' ')) ? false : supports(...(args as [string, string]))) as typeof CSS.supports;
  document.addEventListener('DOMContentLoaded', () => {
    for (const element of document.querySelectorAll('[popover]')) element.removeAttribute('popover');
    const rewrite = (list: CSSRuleList, parent: CSSStyleSheet | CSSGroupingRule) => {
      for (let index = list.length - 1; index >= 0; index -= 1) {
        const rule = list[index];
        if (rule instanceof CSSStyleRule && rule.selectorText.includes(':popover-open')) parent.deleteRule(index);
        else if (rule instanceof CSSSupportsRule && /not\s*\(?\s*selector\(\s*:popover-open\s*\)/.test(rule.conditionText)) {
          const inner = [...rule.cssRules].map((child) => child.cssText);
          parent.deleteRule(index);
          for (const text of inner.reverse()) parent.insertRule(text, index);
        } else if (rule instanceof CSSGroupingRule) rewrite(rule.cssRules, rule);
      }
    };
    for (const sheet of document.styleSheets) rewrite(sheet.cssRules, sheet);
  });
}

inEachEngine(({ browser }) => {
  async function open(without: () => void, width: number, height: number): Promise<Page> {
    const tab = await browser().newPage();
    await tab.setViewport({ width, height });
    // Reduced motion: a reference scrolled into view has landed when its preview opens.
    await emulateMedia(tab, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await tab.evaluateOnNewDocument(without);
    await tab.goto(new URL('essays/notes/', server.url).href, { waitUntil: 'load' });
    return tab;
  }

  /** The boxes of the essay's paragraphs' text that something else is drawn over: none, where the page reads. */
  const coveredText = (tab: Page) =>
    tab.evaluate(() =>
      [...document.querySelectorAll('.essay-body > p')].flatMap((paragraph) =>
        [...paragraph.getClientRects()].flatMap((line) => {
          const y = line.top + Math.min(8, line.height / 2);
          if (y < 0 || y > innerHeight) return [];
          const hit = document.elementFromPoint(line.left + line.width / 2, y);
          return hit && !paragraph.contains(hit) && !hit.contains(paragraph)
            ? [`${hit.className || hit.tagName} over ${paragraph.textContent?.slice(0, 30)}`]
            : [];
        }),
      ),
    );

  /** Each reference's visible controls: which are links to a note, and how many show. */
  const shownControls = (tab: Page) =>
    tab.$$eval('.essay-body sup.note-ref', (sups) =>
      sups.map((sup) => {
        const shown = [...sup.querySelectorAll<HTMLElement>('a, button')].filter(
          (control) => control.checkVisibility({ visibilityProperty: true }) && control.getClientRects().length > 0,
        );
        return {
          id: sup.id,
          links: shown.filter((control) => control.matches('a[href^="#"]')).map((a) => a.getAttribute('href')),
          shown: shown.length,
        };
      }),
    );

  test('without CSS anchor positioning, a phone’s reference is its link to the note (no preview to open over it); a wide screen keeps its margin notes', async () => {
    for (const [width, height] of [
      [320, 568],
      [375, 667],
      [1280, 800],
    ] as const) {
      const tab = await open(withoutAnchorPositioning, width, height);
      expect(await tab.evaluate(() => CSS.supports('position-area', 'bottom'))).toBe(false);
      const references = await shownControls(tab);
      expect(references.length).toBeGreaterThan(3);
      expect(
        references.filter(({ links, shown }) => links.length !== 1 || shown !== 1),
        `at ${width} px`,
      ).toEqual([]);
      expect(await coveredText(tab), `at ${width} px`).toEqual([]);
      const marginNotes = await tab.$$eval(
        '.essay-body .sidenote',
        (notes) => notes.filter((note) => note.getClientRects().length > 0).length,
      );
      if (width >= 1280) expect(marginNotes, 'margin notes on a wide screen').toBeGreaterThan(3);
      else expect(marginNotes, `no preview at ${width} px`).toBe(0);
      // Following a reference lands on its note.
      const [first] = references;
      await tab.focus(`[id="${first?.id}"] a`);
      await tab.keyboard.press('Enter');
      await waitForFunction(tab, (hash) => location.hash === hash, {}, first?.links[0] ?? '');
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe(first?.links[0]?.slice(1));
      await tab.close();
    }
  });

  test('without popovers, every reference still leads to its note, and nothing covers the text', async () => {
    for (const width of [375, 1280]) {
      const tab = await open(withoutPopovers, width, 800);
      expect(await tab.evaluate(() => 'showPopover' in HTMLElement.prototype || document.querySelector('[popover]') !== null)).toBe(false);
      // Each reference shows a control that is a link to its note.
      const references = await shownControls(tab);
      expect(references.length).toBeGreaterThan(3);
      expect(
        references.filter(({ links, shown }) => links.length !== 1 || shown !== 1),
        `at ${width} px`,
      ).toEqual([]);
      expect(await coveredText(tab), `at ${width} px`).toEqual([]);
      expect(
        await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `at ${width} px`,
      ).toBeLessThanOrEqual(0);
      // Following one lands on the note.
      const [first] = references;
      await tab.focus(`[id="${first?.id}"] a`);
      await tab.keyboard.press('Enter');
      await waitForFunction(tab, (hash) => location.hash === hash, {}, first?.links[0] ?? '');
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe(first?.links[0]?.slice(1));
      await tab.close();
    }
  });
});
