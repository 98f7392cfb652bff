import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from '../support/browser-session.ts';
import { buildSite } from '../support/build-site.ts';

/**
 * What a reference manager's connector reads on an essay page, read in Chromium as Zotero's
 * does: the COinS spans (every cited source), the Highwire tags (the essay itself) and the
 * JSON-LD (the essay and its sources), on the bibliography fixture built with SITE_URL.
 */
const SITE_URL = 'https://essays.example';
let siteDir = '';
let server: StaticServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  const build = buildSite({ ESSAYS_DIR: 'tests/fixtures/bibliography/essays', SITE_URL });
  if (build.status !== 0) throw new Error(`The bibliography site did not build:\n${build.output}`);
  siteDir = build.outDir;
  server = await serveDirectory(siteDir, '/');
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (siteDir) rmSync(join(siteDir, '..'), { recursive: true, force: true });
});

test('a connector finds every cited source in COinS, the essay in Highwire tags, and both in JSON-LD', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}essays/from-zotero/`, { waitUntil: 'load' });
  const read = await tab.evaluate(() => {
    const coins = [...document.querySelectorAll('span.Z3988')].map((span) => {
      const context = new URLSearchParams(span.getAttribute('title') ?? '');
      return { title: context.get('rft.atitle') ?? context.get('rft.btitle') ?? context.get('rft.title'), ids: context.getAll('rft_id') };
    });
    const meta = (name: string) => [...document.querySelectorAll(`meta[name="${name}"]`)].map((tag) => tag.getAttribute('content'));
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    return {
      coins,
      title: meta('citation_title'),
      language: meta('citation_language'),
      url: meta('citation_public_url'),
      authors: meta('citation_author'),
      h1: document.querySelector('h1')?.textContent?.trim(),
      cited: (ld.citation ?? []).map((work: { name: string; url?: string }) => [work.name, work.url ?? null]),
      hidden: [...document.querySelectorAll('span.Z3988')].every((span) => span.getBoundingClientRect().width === 0),
    };
  });
  await tab.close();
  expect(read.coins).toEqual([
    { title: 'The Long Essay: Form and Argument', ids: [] },
    { title: 'Footnotes and Trust in Public Argument', ids: ['info:doi/10.5555/jcw.2021.0142'] },
    { title: 'Margins as Evidence', ids: [] },
    { title: 'An Internal Memo', ids: [] },
  ]);
  expect(read.hidden).toBe(true);
  expect(read.title).toEqual([read.h1]);
  expect(read.language).toEqual(['en']);
  expect(read.url).toEqual([`${SITE_URL}/essays/from-zotero/`]);
  // The essay names no author: none is invented.
  expect(read.authors).toEqual([]);
  expect(read.cited).toEqual([
    ['The Long Essay: Form and Argument', null],
    ['Footnotes and Trust in Public Argument', 'https://doi.org/10.5555/jcw.2021.0142'],
    ['Margins as Evidence', null],
    ['An Internal Memo', null],
  ]);
});
