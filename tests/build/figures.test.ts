import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser-session.ts';
import { buildSite, type BuildResult } from '../support/build-site.ts';
import { normalisedText, readPage } from '../support/html.ts';

/** tests/fixtures/figures/: an image figure (through astro:assets) and a table figure, referred to before and after. */
let build: BuildResult;
let page: Document;
beforeAll(() => {
  build = buildSite({ ESSAYS_DIR: 'tests/fixtures/figures' });
  if (build.status !== 0) throw new Error(build.output);
  page = readPage(build.outDir, 'essays/with-figures/');
});
afterAll(() => rmSync(dirname(build.outDir), { recursive: true, force: true }));

test('figures are numbered, captioned, and linked to from their references', () => {
  const figures = [...page.querySelectorAll('article figure')];
  expect(figures.map((figure) => [figure.id, normalisedText(figure.querySelector('figcaption'))])).toEqual([
    ['with-figures.figure-launches', 'Figure 1: Launches by month, 2025'],
    ['with-figures.figure-launches-in-numbers', 'Figure 2: Launches in numbers'],
  ]);
  expect([...page.querySelectorAll('a.figure-ref')].map((link) => [link.getAttribute('href'), normalisedText(link)])).toEqual([
    ['#with-figures.figure-launches', 'Figure 1'],
    ['#with-figures.figure-launches-in-numbers', 'the second figure'],
    ['#with-figures.figure-launches-in-numbers', 'Figure 2'],
  ]);
  expect(figures[1]?.querySelector('table')).not.toBeNull();
});

test('an image in a figure goes through astro:assets: a file of the site, its size given, its alt text kept', () => {
  const image = page.querySelector('figure img');
  expect(image?.getAttribute('alt')).toBe('Bar chart: launches rose in each of four months');
  expect(image?.getAttribute('src')).toMatch(/^\/_astro\/launches\.[\w-]+\.webp$/);
  expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['240', '120']);
  expect(existsSync(join(build.outDir, image?.getAttribute('src') ?? ''))).toBe(true);
});

test('a page with figures has no axe violations, light and dark', async () => {
  const server = await serveDirectory(build.outDir);
  const { browser, close } = await launchBrowser();
  try {
    const tab = await browser.newPage();
    for (const scheme of ['light', 'dark']) {
      await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await tab.goto(new URL('essays/with-figures/', server.url).href);
      expect(await axeViolations(tab), scheme).toEqual([]);
    }
  } finally {
    await close();
    await server.close();
  }
});
