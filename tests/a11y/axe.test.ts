import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { browserPool, emulateMedia, ENGINES } from '../support/browser-session.ts';
import { axeViolations } from '../support/axe.ts';
import { SCRIPT_ESSAYS } from '../support/rtl.ts';
import { AXE_VIEWPORTS, REFLOW_WIDTHS, type ColourScheme } from '../../src/publishing/accessibility-audits.ts';

// The site itself, the fixture essays that use every component (notes, sources, scenarios),
// and a right-to-left site (SITE_LANG=ar): its Arabic essay, home page and search page.
const sites = { site: inject('siteDir'), components: inject('componentsSiteDir'), scripts: inject('scriptsSiteDir') };
const pages = [
  ...listPages(sites.site).map((page) => ({ site: 'site' as const, page })),
  ...listPages(sites.components)
    .filter((page) => page.startsWith('essays/'))
    .map((page) => ({ site: 'components' as const, page })),
  // The Arabic site: its essays in Arabic, Greek and Japanese, its home and its search page.
  ...[...SCRIPT_ESSAYS.map((essay) => essay.path), '', 'search/'].map((page) => ({ site: 'scripts' as const, page })),
];
const servers: Partial<Record<keyof typeof sites, StaticServer>> = {};

beforeAll(async () => {
  servers.site = await serveDirectory(sites.site);
  servers.components = await serveDirectory(sites.components);
  servers.scripts = await serveDirectory(sites.scripts);
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

// Each audit in Chromium and in Firefox: they lay out, and expose, the same page differently.
describe.each(ENGINES)('in %s', (engine) => {
  const browsers = browserPool(engine);
  afterAll(async () => {
    await browsers.close();
  });

  async function open({ site, page }: (typeof pages)[number], width: number, scheme: ColourScheme): Promise<Page> {
    // Firefox shows the dark system's scheme in a browser launched dark (see emulateMedia).
    const tab = await (await browsers.browser({ colourScheme: scheme })).newPage();
    await tab.setViewport({ width, height: 900 });
    await emulateMedia(tab, [{ name: 'prefers-color-scheme', value: scheme }]);
    const response = await tab.goto(new URL(page, servers[site]?.url).href, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    return tab;
  }

  describe.each(pages)('$site page "/$page"', (page) => {
    test.each(AXE_VIEWPORTS)('has no axe violations at $width px in the $scheme scheme', async ({ width, scheme }) => {
      const tab = await open(page, width, scheme);
      const summary = await axeViolations(tab);
      await tab.close();
      expect(summary).toEqual([]);
    });

    test.each(REFLOW_WIDTHS)('reflows without horizontal scrolling at %i px', async (width) => {
      const tab = await open(page, width, 'light');
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await tab.close();
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });

  // The reader's choice in the footer, against the system's scheme: what it switches is what axe checks.
  const essayPages = (['site', 'components', 'scripts'] as const).flatMap(
    (site) => pages.find((page) => page.site === site && page.page.startsWith('essays/')) ?? [],
  );
  describe.each(essayPages)('$site page "/$page" with a colour scheme chosen', (page) => {
    test.each([
      { choice: 'dark', system: 'light' },
      { choice: 'light', system: 'dark' },
    ] as const)('has no axe violations with $choice chosen in a $system system', async ({ choice, system }) => {
      const tab = await open(page, 1280, system);
      await tab.click(`input[name="colour-scheme"][value="${choice}"]`);
      const applied = await tab.evaluate(() => ({
        scheme: document.documentElement.dataset['scheme'],
        colorScheme: getComputedStyle(document.documentElement).colorScheme,
      }));
      const summary = await axeViolations(tab);
      // The choice is remembered for the site's origin: the other audits follow the system's scheme.
      await tab.evaluate(() => localStorage.clear());
      await tab.close();
      expect(applied).toEqual({ scheme: choice, colorScheme: choice });
      expect(summary).toEqual([]);
    });
  });

  test('the essay text keeps a comfortable measure on a wide screen', async () => {
    // An essay of the site's own, or of the fixtures when the site has none yet.
    const essay =
      pages.find(({ site, page }) => site === 'site' && page.startsWith('essays/')) ?? pages.find(({ site }) => site === 'components');
    if (!essay) throw new Error('There is no essay page to measure.');
    const tab = await open(essay, 1280, 'light');
    const charactersPerLine = await tab.evaluate(() => {
      // A paragraph of the text, not one of the header's lines (the reading time, the downloads).
      const paragraph = document.querySelector('article .essay-body > p');
      if (!paragraph) return 0;
      const style = getComputedStyle(paragraph);
      const canvas = document.createElement('canvas').getContext('2d');
      if (!canvas) return 0;
      canvas.font = `${style.fontSize} ${style.fontFamily}`;
      const averageCharacter = canvas.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
      return paragraph.getBoundingClientRect().width / averageCharacter;
    });
    await tab.close();
    expect(charactersPerLine).toBeGreaterThanOrEqual(55);
    expect(charactersPerLine).toBeLessThanOrEqual(80);
  });
});
