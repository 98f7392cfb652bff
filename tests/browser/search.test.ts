import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CSP_DIRECTIVES, contentSecurityPolicy } from '../../src/publishing/content-security-policy.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { labelsFor } from '../../src/strings/labels.ts';
import { emulateMedia, setJavaScriptEnabled, waitForFunction, waitForSelector, inEachEngine } from '../support/browser-session.ts';
import { axeViolations } from '../support/axe.ts';
import { decodedFragment } from '../support/html.ts';
import { wordsToFind } from '../support/essay-words.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';
import { ARABIC_ESSAY, SCRIPT_ESSAYS, sidewaysScroll } from '../support/rtl.ts';

// The component fixtures (tests/fixtures/components/): "harvest" is only in the second section
// of with-notes.mdx, "claim" in several sections and notes of notes.mdx.
const WORD = 'harvest';
const ESSAY = 'essays/with-notes/';
const SECTION = 'The Second Section';
const SECTION_ID = 'the-second-section';

const siteDir = inject('componentsSiteDir');
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(siteDir);
});
afterAll(async () => {
  await server?.close();
});

// The sub-path build is of the site itself: the word is the one that best singles out a section
// of its essays, read from its pages (none when the site has no essays, or no sections).
const subPathSiteDir = inject('subPathSiteDir');
const subPathTarget = wordsToFind(subPathSiteDir)
  .filter(({ passage }) => passage.anchor !== undefined)
  .sort((a, b) => a.spread - b.spread)[0];

inEachEngine(({ browser, browsers }) => {
  /**
   * A fresh tab, with reduced motion so a jump to a passage is not a smooth scroll still under
   * way, in the system's light scheme unless told (Firefox: in a browser launched in that scheme).
   */
  async function newTab(options: { scheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const tab = await (options.scheme ? await browsers.browser({ colourScheme: options.scheme }) : browser()).newPage();
    await emulateMedia(tab, [
      { name: 'prefers-reduced-motion', value: 'reduce' },
      { name: 'prefers-color-scheme', value: options.scheme ?? 'light' },
    ]);
    return tab;
  }

  /** The search page at `url` with its results shown: axe's violations, and how far it scrolls sideways. */
  async function auditResults(url: string, width: number, scheme: 'light' | 'dark'): Promise<{ summary: string[]; overflow: number }> {
    const tab = await newTab({ scheme });
    await tab.setViewport({ width, height: 900 });
    await tab.goto(url);
    await waitForSelector(tab, '.search-result mark');
    const summary = await axeViolations(tab);
    const overflow = await sidewaysScroll(tab);
    await tab.close();
    return { summary, overflow };
  }

  /** Types a query into the search field and waits until the status line reports on it. */
  async function search(tab: Page, query: string): Promise<string> {
    await tab.type('#search-query', query);
    await waitForFunction(
      tab,
      (q) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`),
      { timeout: 20_000 },
      query,
    );
    return tab.$eval('[data-search-status]', (status) => status.textContent ?? '');
  }

  async function activeText(tab: Page): Promise<string> {
    return tab.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active?.tagName === 'INPUT' ? `input#${active.id}` : (active?.textContent?.trim() ?? '');
    });
  }

  /** Presses Tab until the focused element has `text` (or the input's `input#id`), as a keyboard user would. */
  async function tabTo(tab: Page, text: string, limit = 8): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
      await tab.keyboard.press('Tab');
      if ((await activeText(tab)) === text) return;
    }
    throw new Error(`“${text}” was not reached in ${limit} presses of Tab; focus is on “${await activeText(tab)}”.`);
  }

  async function headingInView(tab: Page, id: string): Promise<boolean> {
    return tab.evaluate((headingId) => {
      const box = document.getElementById(headingId)?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
    }, id);
  }

  test('a reader types a word, sees the essay and the section with the word marked, and lands on that passage', async () => {
    const tab = await newTab();
    await tab.goto(new URL('search/', server.url).href);
    expect(await tab.$eval('[data-search-unavailable]', (message) => (message as HTMLElement).hidden)).toBe(true);
    expect(await search(tab, WORD)).toBe(`1 essay contains “${WORD}”.`);
    const result = await tab.$eval('.search-result', (item) => ({
      title: item.querySelector('h2 a')?.textContent,
      standfirst: item.querySelector('.search-result-standfirst')?.textContent,
      sections: [...item.querySelectorAll('.search-result-section > a')].map((a) => a.textContent),
      marked: [...item.querySelectorAll('mark')].map((mark) => mark.textContent),
    }));
    expect(result.title).toBe('An Essay With Notes');
    expect(result.standfirst).toMatch(/^A fixture whose notes hold words found nowhere else/);
    expect(result.sections).toEqual([SECTION]);
    expect(result.marked.map((word) => word?.toLowerCase())).toContain(WORD);
    const [link] = await tab.$$(`xpath/.//a[normalize-space()="${SECTION}"]`);
    await Promise.all([tab.waitForNavigation(), link?.click()]);
    expect(tab.url()).toBe(new URL(`${ESSAY}#${SECTION_ID}`, server.url).href);
    expect(await headingInView(tab, SECTION_ID)).toBe(true);
    // The query stays in the address, so Back returns to the same results. Back is the page's
    // own history.back(), and the results are waited for in the page: puppeteer's goBack waits
    // for a load event, which Firefox does not send for a page it restores from its cache.
    await tab.evaluate(() => history.back());
    await waitForFunction(
      tab,
      (word) => new URL(location.href).searchParams.get('q') === word && document.querySelector('.search-result') !== null,
      {},
      WORD,
    );
    await tab.close();
  });

  test('a query with no results says so in words, and lists nothing', async () => {
    const tab = await newTab();
    await tab.goto(new URL('search/', server.url).href);
    expect(await search(tab, 'qwxzvk')).toBe(
      'No essays contain “qwxzvk”. Check the spelling, try another word, or browse all essays below.',
    );
    expect(await tab.$eval('[data-search-results]', (list) => [(list as HTMLElement).hidden, list.children.length])).toEqual([true, 0]);
    await tab.close();
  });

  test('search works from the keyboard alone, from an essay to the passage found', async () => {
    const tab = await newTab();
    await tab.goto(new URL(ESSAY, server.url).href);
    await tabTo(tab, 'Search');
    await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
    expect(new URL(tab.url()).pathname).toBe('/search/');
    await tabTo(tab, 'input#search-query');
    await tab.keyboard.type(WORD);
    await tab.keyboard.press('Enter');
    await waitForFunction(tab, (q) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`), {}, WORD);
    expect(await activeText(tab)).toBe('input#search-query');
    await tabTo(tab, SECTION);
    // Whatever has focus shows it.
    expect(await tab.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
    expect(new URL(tab.url()).hash).toBe(`#${SECTION_ID}`);
    expect(await headingInView(tab, SECTION_ID)).toBe(true);
    await tab.close();
  });

  test('an essay page loads no search code, and the search page fetches Pagefind only once the reader searches', async () => {
    const tab = await newTab();
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(new URL(ESSAY, server.url).href, { waitUntil: 'networkidle0' });
    // The essay page's only script is its small contents script: nothing of search.
    expect(requests.filter((request) => request.includes('/pagefind/') || /search/i.test(request))).toEqual([]);
    requests.length = 0;
    await tab.goto(new URL('search/', server.url).href, { waitUntil: 'networkidle0' });
    expect(requests.filter((request) => request.includes('/pagefind/'))).toEqual([]);
    await search(tab, WORD);
    // The index of each language of the essays (English and French here), each with its own stemming.
    for (const language of ['en', 'fr']) {
      expect(requests.some((request) => request.endsWith(`/pagefind/${language}/pagefind.js`))).toBe(true);
      expect(requests.some((request) => request.endsWith(`/pagefind/${language}/wasm.${language}.pagefind`))).toBe(true);
    }
    await tab.close();
  });

  /** The requests a tab makes from now on, each with its bytes once it has finished, until `stop`. */
  function recordRequests(tab: Page): { requests: Array<{ path: string; bytes: Promise<number> }>; stop: () => void } {
    const requests: Array<{ path: string; bytes: Promise<number> }> = [];
    const pending = new Map<HTTPRequest, (bytes: number) => void>();
    let recording = true;
    tab.on('request', (request) => {
      if (!recording) return;
      requests.push({ path: new URL(request.url()).pathname, bytes: new Promise((resolve) => pending.set(request, resolve)) });
    });
    tab.on('requestfinished', async (request) => {
      const body =
        (await request
          .response()
          ?.buffer()
          .catch(() => undefined)) ?? Buffer.alloc(0);
      // As a host that compresses text sends it; Pagefind's index and WebAssembly come compressed.
      pending.get(request)?.(/\.(js|json|html|css|svg)$/.test(new URL(request.url()).pathname) ? gzipSync(body).length : body.length);
    });
    tab.on('requestfailed', (request) => pending.get(request)?.(0));
    return { requests, stop: () => (recording = false) };
  }

  /** The most a first search may fetch for the index of one language: Pagefind's script, WebAssembly and index. */
  const FIRST_SEARCH_BYTES_PER_LANGUAGE = 80 * 1024;

  test('the first search fetches each file once, and at most 80 KB for the index of each language', async () => {
    const tab = await newTab();
    await tab.goto(new URL('search/', server.url).href, { waitUntil: 'networkidle0' });
    const { requests, stop } = recordRequests(tab);
    await search(tab, WORD);
    await tab.waitForNetworkIdle({ idleTime: 300 });
    stop();
    const paths = requests.map((request) => request.path);
    expect(paths.filter((path, index) => paths.indexOf(path) !== index)).toEqual([]);
    // pagefind-entry.json once for each language, and no web worker: search runs on the page's thread.
    expect(paths.filter((path) => path.endsWith('/pagefind-entry.json')).sort()).toEqual([
      '/pagefind/en/pagefind-entry.json',
      '/pagefind/fr/pagefind-entry.json',
    ]);
    expect(paths.filter((path) => /worker/.test(path))).toEqual([]);
    const bytes = await Promise.all(requests.map((request) => request.bytes));
    for (const language of ['en', 'fr']) {
      const fetched = requests.reduce(
        (sum, request, index) => sum + (request.path.startsWith(`/pagefind/${language}/`) ? (bytes[index] ?? 0) : 0),
        0,
      );
      expect(fetched, language).toBeGreaterThan(0);
      expect(fetched, language).toBeLessThanOrEqual(FIRST_SEARCH_BYTES_PER_LANGUAGE);
    }
    await tab.close();
  });

  test('Pagefind starts to load as soon as the reader is in the field, or a script fills it', async () => {
    for (const start of ['focus', 'input'] as const) {
      const tab = await newTab();
      await tab.goto(new URL('search/', server.url).href, { waitUntil: 'networkidle0' });
      const script = tab.waitForRequest((request) => request.url().endsWith('/pagefind/en/pagefind.js'), { timeout: 5_000 });
      if (start === 'focus') await tab.focus('#search-query');
      else {
        // A script (a password manager, a test) fills the field without focusing it.
        await tab.$eval(
          '#search-query',
          (input, word) => {
            (input as HTMLInputElement).value = word;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          },
          WORD,
        );
      }
      expect(await script.then(() => true), start).toBe(true);
      await tab.close();
    }
  });

  test('/ takes the reader to the search field from anywhere on the page, but not while typing, and not with Ctrl, Alt or Meta', async () => {
    const tab = await newTab();
    await tab.goto(new URL(`search/?q=${WORD}`, server.url).href);
    await waitForSelector(tab, '.search-result');
    // Announced to assistive technology as the field's shortcut.
    expect(await tab.$eval('#search-query', (input) => input.getAttribute('aria-keyshortcuts'))).toBe('/');
    await tabTo(tab, SECTION);
    for (const modifier of ['Control', 'Alt', 'Meta'] as const) {
      await tab.keyboard.down(modifier);
      await tab.keyboard.press('/');
      await tab.keyboard.up(modifier);
      expect(await activeText(tab), modifier).toBe(SECTION);
    }
    await tab.keyboard.press('/');
    expect(await activeText(tab)).toBe('input#search-query');
    // The query is selected, so typing replaces it; in the field, / is a character like any other.
    await tab.keyboard.type('a/b');
    expect(await tab.$eval('#search-query', (input) => (input as HTMLInputElement).value)).toBe('a/b');
    await tab.close();
  });

  test('without JavaScript, the search page explains why and offers every essay and its sections', async () => {
    const tab = await (await browsers.browser({ javaScript: false })).newPage();
    await setJavaScriptEnabled(tab, false);
    await tab.goto(new URL('search/', server.url).href);
    expect(await tab.$eval('[data-search-unavailable]', (message) => (message as HTMLElement).innerText)).toMatch(/needs JavaScript/);
    // Read by evaluate, not $$eval or isVisible: in a Firefox without JavaScript those never answer.
    expect(await tab.evaluate(() => document.querySelector('form[role="search"]')?.checkVisibility())).toBe(false);
    const links = await tab.evaluate(() => [...document.querySelectorAll('.all-essays a')].map((a) => a.getAttribute('href')));
    expect(links).toContain(`/${ESSAY}`);
    expect(links).toContain(`/${ESSAY}#${SECTION_ID}`);
    await tab.close();
  });

  test('opened as a file, the search page says search needs a served copy, and still lists the essays', async () => {
    const tab = await newTab();
    await tab.goto(pathToFileURL(join(siteDir, 'search/index.html')).href, { waitUntil: 'load' });
    expect(await tab.$eval('[data-search-unavailable]', (message) => (message as HTMLElement).innerText)).toMatch(/opened as files/);
    expect(await tab.$('form[role="search"]').then((form) => form?.isVisible())).toBe(false);
    expect(await tab.$$eval('.all-essays a', (anchors) => anchors.length)).toBeGreaterThan(1);
    await tab.close();
  });

  test.skipIf(!subPathTarget)(
    `search works when the site is served under a sub-path${subPathTarget ? ` (“${subPathTarget.word}”)` : ' (skipped: the site has no essay with a section)'}`,
    async () => {
      const { word, essay, passage } = subPathTarget!;
      const subPath = await serveDirectory(subPathSiteDir, SUB_PATH_BASE);
      const tab = await newTab();
      const failures: string[] = [];
      tab.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      await tab.goto(new URL('search/', subPath.url).href);
      expect(await search(tab, word)).toMatch(new RegExp(`^\\d+ essays? contains? “${word}”\\.$`));
      const hrefs = await tab.$$eval('.search-results a', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      const section = `${SUB_PATH_BASE}${essay.page}#${passage.anchor}`;
      expect(hrefs).toContain(`${SUB_PATH_BASE}${essay.page}`);
      // A heading outside ASCII is linked to percent-encoded (`#%D0%B2…` for `#в…`): compared decoded, as the id it names.
      expect(hrefs.map(decodedFragment)).toContain(section);
      expect(hrefs.every((href) => href.startsWith(SUB_PATH_BASE))).toBe(true);
      const link = hrefs.find((href) => decodedFragment(href) === section);
      await Promise.all([tab.waitForNavigation(), tab.click(`.search-result-section a[href="${link}"]`)]);
      expect(await headingInView(tab, passage.anchor!)).toBe(true);
      expect(failures).toEqual([]);
      await tab.close();
      await subPath.close();
    },
  );

  describe('under a Content-Security-Policy', () => {
    async function searchUnder(policy: string): Promise<{ status: string; violations: string[] }> {
      const strict = await serveDirectory(siteDir, '/', { 'content-security-policy': policy });
      const tab = await newTab();
      const violations: string[] = [];
      // Firefox reports a violation to its own console, not the page's, which WebDriver BiDi
      // does not relay: the page's securitypolicyviolation event is, in either engine.
      await tab.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content Security Policy: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      tab.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(new URL('search/', strict.url).href);
      await tab.type('#search-query', WORD);
      await waitForFunction(tab, () => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '', { timeout: 20_000 });
      const status = await tab.$eval('[data-search-status]', (element) => element.textContent ?? '');
      await tab.close();
      await strict.close();
      return { status, violations };
    }

    test('the documented policy (no unsafe-eval, no inline script or style) lets search work, with no violation', async () => {
      expect(contentSecurityPolicy()).not.toMatch(/'unsafe-(eval|inline)'/);
      expect(await searchUnder(contentSecurityPolicy())).toEqual({ status: `1 essay contains “${WORD}”.`, violations: [] });
    });

    test('without wasm-unsafe-eval Pagefind is blocked, and the page says search could not load', async () => {
      const policy = contentSecurityPolicy({ ...CSP_DIRECTIVES, 'script-src': "'self'" });
      const { status, violations } = await searchUnder(policy);
      expect(status).toBe(labelsFor('en').searchFailed);
      expect(violations.length).toBeGreaterThan(0);
    });
  });

  // The axe run in tests/a11y covers the search page as it loads; this one covers it with results.
  test.each([
    { width: 320, scheme: 'light' },
    { width: 320, scheme: 'dark' },
    { width: 1280, scheme: 'light' },
    { width: 1280, scheme: 'dark' },
  ] as const)(
    'with results shown, the search page has no axe violations and no sideways scrolling at $width px ($scheme)',
    async ({ width, scheme }) => {
      const { summary, overflow } = await auditResults(new URL('search/?q=claim', server.url).href, width, scheme);
      expect(summary).toEqual([]);
      expect(overflow).toBeLessThanOrEqual(0);
    },
  );

  test('essays in other languages than the search page are found too', async () => {
    // The component fixtures hold English essays and a French one ("Structure fixture").
    const tab = await newTab();
    await tab.goto(new URL('search/', server.url).href);
    expect(await search(tab, 'Drought')).toBe('1 essay contains “Drought”.');
    const titles = await tab.$$eval('.search-result h2, .search-result h3', (headings) =>
      headings.map((heading) => heading.textContent?.trim()),
    );
    expect(titles).toContain('Structure fixture');
    const [link] = await tab.$$eval('.search-result a', (links) => links.map((a) => a.getAttribute('href')));
    expect(link).toBe('/essays/structure/');
    await tab.close();
  });

  describe('an English site with an essay in each of English, German, French and Spanish', () => {
    // tests/fixtures/search-languages/: one word in many forms in each essay, "Verhandlungen" in
    // the German one's title, standfirst, text and notes, and "Verhandlungsführer" once; the
    // English one has "a", "or" and "be".
    let languages: StaticServer;
    beforeAll(async () => {
      languages = await serveDirectory(inject('searchLanguagesSiteDir'));
    });
    afterAll(async () => {
      await languages?.close();
    });

    /** A fresh search page of the site, searched for `query`: the status line, the titles listed and the marked words. */
    async function searchFor(query: string): Promise<{ status: string; titles: string[]; marked: string[]; close: string[]; tab: Page }> {
      const tab = await newTab();
      await tab.goto(new URL('search/', languages.url).href);
      const status = await search(tab, query);
      const found = await tab.$$eval('.search-result', (items) =>
        items.map((item) => ({
          title: item.querySelector('h2')?.textContent ?? '',
          marked: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
          close: item.querySelector('.search-result-near')?.textContent ?? '',
        })),
      );
      return {
        status,
        titles: found.map((item) => item.title),
        marked: found.flatMap((item) => item.marked),
        close: found.map((item) => item.close).filter((close) => close !== ''),
        tab,
      };
    }

    test('from the English search page, a German word finds its other forms in the German essay, with German stemming', async () => {
      for (const query of ['Verhandlung', 'Verhandlungen']) {
        const { status, titles, marked, tab } = await searchFor(query);
        expect(await tab.$eval('html', (html) => html.lang)).toBe('en');
        expect(status).toBe(`1 essay contains “${query}”.`);
        expect(titles).toEqual(['Verhandlungen über eine Brücke']);
        // Not only "Verhandlungsführer", as English stemming would find for "Verhandlung".
        expect(marked).toContain('Verhandlungen');
        expect(marked.every((word) => word.startsWith('Verhandlung'))).toBe(true);
        // The sections it is in, the notes included, link to their place.
        const sections = await tab.$$eval('.search-result-section > a', (links) => links.map((a) => a.getAttribute('href')));
        expect(sections.length).toBeGreaterThan(1);
        expect(sections.every((href) => href?.startsWith('/essays/deutsch/'))).toBe(true);
        await tab.close();
      }
      // Each language with its own: English, French and Spanish words in other forms.
      for (const [query, title] of [
        ['negotiation', 'Talks Across a Table'],
        ['négociation', 'Un pont à négocier'],
        ['negociación', 'Un puente por negociar'],
      ] as const) {
        const { status, titles, tab } = await searchFor(query);
        expect(status, query).toMatch(new RegExp(`^1 essay contains “${query}”\\.`));
        expect(titles[0], query).toBe(title);
        await tab.close();
      }
    });

    test('a word that is in no essay is reported as in none, whatever short word Pagefind matched instead, and nothing is marked', async () => {
      // Pagefind answers these with the essays that have "a", "à", "or" or "be" (tests/build/search-index.test.ts).
      for (const query of ['Axolotl', 'Orbital', 'beaver']) {
        const { status, titles, marked, tab } = await searchFor(query);
        expect(status).toBe(labelsFor('en').searchResults(0, query, 0));
        expect([titles, marked]).toEqual([[], []]);
        expect(await tab.$eval('[data-search-results]', (list) => (list as HTMLElement).hidden)).toBe(true);
        await tab.close();
      }
    });

    test('an essay with only a word close to the query is listed as a near match, which marks nothing', async () => {
      const { status, titles, marked, close, tab } = await searchFor('Verhandlungsrunde');
      expect(status).toBe('No essays contain “Verhandlungsrunde”. 1 essay has a word close to it.');
      expect(titles).toEqual(['Verhandlungen über eine Brücke']);
      expect(close).toEqual(['Close match: “Verhandlungen”']);
      expect(marked).toEqual([]);
      await tab.close();
    });
  });
  describe('an Arabic site, right to left, with essays in Arabic, Greek and Japanese', () => {
    // tests/fixtures/scripts/, built with SITE_LANG=ar: its search page is in Arabic, right to left.
    let scripts: StaticServer;
    beforeAll(async () => {
      scripts = await serveDirectory(inject('scriptsSiteDir'));
    });
    afterAll(async () => {
      await scripts?.close();
    });

    /** Types `query` into the search field of the page and waits until the status line names it (in whatever quotation marks). */
    async function searchScripts(tab: Page, query: string): Promise<string> {
      await tab.type('#search-query', query);
      await waitForFunction(
        tab,
        (q) => document.querySelector('[data-search-status]')?.textContent?.includes(q),
        { timeout: 20_000 },
        query,
      );
      return tab.$eval('[data-search-status]', (status) => status.textContent ?? '');
    }

    // Pagefind has no stemming for Arabic: the word as it is in the essay finds it.
    test.each(SCRIPT_ESSAYS)(
      'a word of the $lang essay finds it and its section, and its link lands there',
      async ({ path, title, word, section }) => {
        const tab = await newTab();
        await tab.goto(new URL('search/', scripts.url).href);
        expect(await searchScripts(tab, word)).toBe(labelsFor('ar').searchResults(1, word, 1));
        const result = await tab.$eval('.search-result', (item) => ({
          title: item.querySelector('h2 a')?.textContent,
          sections: [...item.querySelectorAll('.search-result-section > a')].map((a) => decodeURIComponent(a.getAttribute('href') ?? '')),
          marked: [...item.querySelectorAll('mark')].map((mark) => mark.textContent),
        }));
        expect(result.title).toBe(title);
        expect(result.sections).toContain(`/${path}#${section}`);
        // Pagefind marks the word with the punctuation after it ("القطارات.").
        expect(result.marked.some((marked) => marked?.includes(word))).toBe(true);
        const href = await tab.$$eval(
          '.search-result-section > a',
          (links, id) => links.find((a) => decodeURIComponent(a.hash) === `#${id}`)?.getAttribute('href'),
          section,
        );
        await Promise.all([tab.waitForNavigation(), tab.click(`.search-result-section > a[href="${href}"]`)]);
        expect(await headingInView(tab, section)).toBe(true);
        await tab.close();
      },
    );

    test('the results page is laid out right to left: the page, each result and its title start at the right', async () => {
      const tab = await newTab();
      await tab.setViewport({ width: 1280, height: 900 });
      await tab.goto(new URL(`search/?q=${ARABIC_ESSAY.word}`, scripts.url).href);
      await waitForSelector(tab, '.search-result mark');
      const layout = await tab.evaluate(() => {
        const list = document.querySelector('[data-search-results]')?.getBoundingClientRect();
        const result = document.querySelector('.search-result') as HTMLElement;
        const title = result.querySelector('h2 a')?.getBoundingClientRect();
        const field = document.querySelector('#search-query') as HTMLElement;
        return {
          html: [document.documentElement.lang, document.documentElement.dir],
          directions: [getComputedStyle(result).direction, getComputedStyle(field).direction],
          // The title's right edge on the list's right edge (its start), not its left.
          titleAtStart: list && title ? Math.abs(list.right - title.right) <= 1 && title.left - list.left > 100 : false,
        };
      });
      await tab.close();
      expect(layout).toEqual({ html: ['ar', 'rtl'], directions: ['rtl', 'rtl'], titleAtStart: true });
    });

    test.each([
      { width: 320, scheme: 'light' },
      { width: 320, scheme: 'dark' },
      { width: 1280, scheme: 'light' },
      { width: 1280, scheme: 'dark' },
    ] as const)(
      'with results shown, the Arabic search page has no axe violations and no sideways scrolling at $width px ($scheme)',
      async ({ width, scheme }) => {
        const { summary, overflow } = await auditResults(new URL(`search/?q=${ARABIC_ESSAY.word}`, scripts.url).href, width, scheme);
        expect(summary).toEqual([]);
        expect(overflow).toBeLessThanOrEqual(0);
      },
    );
  });
});
