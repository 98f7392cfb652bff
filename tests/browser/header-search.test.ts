import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { setJavaScriptEnabled, waitForSelector, inEachEngine } from '../support/browser-session.ts';
import { wordsToFind } from '../support/essay-words.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';
import { readPage } from '../support/html.ts';

const siteDir = inject('subPathSiteDir');
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(siteDir, SUB_PATH_BASE);
});
afterAll(async () => {
  await server?.close();
});

test('every page but the search page has a labelled search field in its header, a plain GET to the search page', () => {
  for (const page of listPages(siteDir)) {
    const document = readPage(siteDir, page);
    const form = document.querySelector('header form[role="search"]');
    if (page === 'search/') {
      expect(form, 'the search page has its own field').toBeNull();
      continue;
    }
    expect(form?.getAttribute('action'), page).toBe(`${SUB_PATH_BASE}search/`);
    expect(form?.getAttribute('method'), page).toBe('get');
    const input = form?.querySelector('input[name="q"]');
    expect(document.querySelector(`label[for="${input?.id}"]`)?.textContent?.trim(), page).toBeTruthy();
  }
});

inEachEngine(({ engine, browser, browsers }) => {
  test('without JavaScript on the page it is typed in, the header field lands on the search page with the results shown', async () => {
    const [target] = wordsToFind(siteDir);
    if (!target) throw new Error('The site has no essay with a word to search for.');
    // The essay page runs no script to send the form: turn JavaScript off there, as a reader may.
    const withoutScript = await (await browsers.browser({ javaScript: false })).newPage();
    await withoutScript.setViewport({ width: 1280, height: 800 });
    await setJavaScriptEnabled(withoutScript, false);
    const essay = await withoutScript.goto(new URL(target.essay.page, server.url).href);
    expect(essay?.status()).toBe(200);
    await withoutScript.type('#header-search-query', target.word);
    let tab = withoutScript;
    if (engine === 'chromium') await setJavaScriptEnabled(tab, true);
    await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
    expect(new URL(tab.url()).pathname).toBe(`${SUB_PATH_BASE}search/`);
    expect(new URL(tab.url()).searchParams.get('q')).toBe(target.word);
    if (engine === 'firefox') {
      // Firefox cannot turn JavaScript back on for a tab (WebDriver BiDi before Firefox 142): the
      // address the form landed on is opened where it is on.
      tab = await browser().newPage();
      await tab.goto(withoutScript.url());
      await withoutScript.close();
    }
    await waitForSelector(tab, '.search-result', { timeout: 20_000 });
    const titles = await tab.$$eval('.search-result a', (links) => links.map((link) => link.textContent ?? ''));
    expect(titles.join('\n')).toContain(target.essay.title);
    await tab.close();
  });

  test('on a narrow screen the header shows a link to the search page instead of the field', async () => {
    const tab = await browser().newPage();
    await tab.setViewport({ width: 320, height: 640 });
    await tab.goto(server.url);
    const shown = await tab.evaluate(() => ({
      link: document.querySelector('header .search-link')?.checkVisibility() ?? false,
      field: document.querySelector('#header-search-query')?.checkVisibility() ?? false,
    }));
    expect(shown).toEqual({ link: true, field: false });
    await tab.setViewport({ width: 1280, height: 800 });
    const wide = await tab.evaluate(() => ({
      link: document.querySelector('header .search-link')?.checkVisibility() ?? false,
      field: document.querySelector('#header-search-query')?.checkVisibility() ?? false,
    }));
    expect(wide).toEqual({ link: false, field: true });
    await tab.close();
  });
});
