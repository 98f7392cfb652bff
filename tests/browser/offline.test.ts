/**
 * Offline reading in Chromium and Firefox (issues 7, 20 and 21), at the root and under a sub-path: a first
 * visit keeps the shell and the essays the reader opens; an essay or download not saved says
 * so; the home page's control saves the whole site (saying how much first, with progress),
 * and takes it back; a new build reaches a reader online, and what they saved stays readable
 * offline and is brought up to date. The site is built here from a copy of the component
 * fixtures, so it can be rebuilt with a changed sentence.
 *
 * The network goes the same way in both engines: the site's own server stops, so neither the
 * page nor any worker reaches it. Chromium also cuts the page and the worker off through the
 * DevTools protocol, and proves the worker's fetches fail (WebDriver BiDi in Firefox 140 has no
 * such command: emulating network conditions came in Firefox 143).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../src/publishing/content-security-policy.ts';
import { headersForPath, parseHeadersFile } from '../../src/publishing/host-headers.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { NETWORK_CHECK } from '../../src/offline/offline-routes.ts';
import { formatFileSize } from '../../src/offline/downloads.ts';
import type { SiteList } from '../../src/offline/offline-files.ts';
import { labelsFor } from '../../src/strings/labels.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { emulateMedia, waitForFunction, waitForSelector, inEachEngine } from '../support/browser-session.ts';
import { buildSite, ROOT } from '../support/build-site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/components');
/** The essay never visited before the network goes, and a sentence of it the rebuild changes. */
const ESSAY = 'essays/with-notes/';
/** The essay the reader opens first. */
const VISITED = 'essays/notes/';
const VISITED_TITLE = 'Notes fixture';
/** A word of both essays: searched online, then offline, where only the visited essay is saved. */
const SHARED_WORD = 'ledger';
const ESSAY_FILE = 'with-notes.mdx';
const OLD_SENTENCE = 'The harvest came late that year, and the cider was thin.';
const NEW_SENTENCE = 'The harvest came early that year, and the cider was strong.';
/** A word of that essay's text, found by search, and one of the new sentence. */
const SEARCH_WORD = 'orchard';
const NEW_WORD = 'strong';
/** A file of the shell that keeps its name and changes with the essays: the English index's entry. */
const ENTRY = 'pagefind/en/pagefind-entry.json';
const labels = labelsFor('en');

/**
 * Served under the documented policy, as a host would: nothing here may need more. It allows
 * the essay pages' own stylesheets and script by hash (src/publishing/inline-assets.ts), so it is the
 * policy the build wrote in `_headers` for the site in `outDir`, read again after a rebuild.
 */
const policy = (outDir: string) => (pathname: string) => {
  const served = headersForPath(parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8')), pathname)['Content-Security-Policy'];
  // The documented policy, with only the inline style and script hashes added.
  expect(served?.replace(/ 'sha256-[^']+'/g, '')).toBe(contentSecurityPolicy());
  return { 'content-security-policy': served ?? '' };
};

const scratch = mkdtempSync(join(ROOT, '.tmp', 'offline-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Builds the essays in `essaysDir` into `outDir`, the same folder each time, as a host would publish. */
function build(essaysDir: string, outDir: string, base: string): void {
  // ESSAYS_DIR is read relative to the project.
  const result = buildSite({ ESSAYS_DIR: relative(ROOT, essaysDir), OUT_DIR: outDir, BASE_PATH: base });
  rmSync(join(result.outDir, '..'), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`The offline fixture site did not build:\n${result.output}`);
}

/** Cuts Chromium off: the page, and the service worker's own fetches. */
async function setOffline(page: Page, worker: CDPSession, offline: boolean): Promise<void> {
  await page.setOfflineMode(offline);
  // A worker replaced by a new build's is gone: its session no longer answers.
  await Promise.race([
    worker
      .send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
      .catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ]);
}

/** Every URL in every cache of the origin, by cache name. */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const contents: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      contents[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return contents;
  });
}

function precacheRevision(outDir: string, url: string): string | null | undefined {
  return readPrecacheManifest(readFileSync(join(outDir, 'sw.js'), 'utf8')).find((entry) => entry.url === url)?.revision;
}

/** Types `word` into the search page's field and returns the status line once it speaks of it. */
async function search(page: Page, base: string, word: string): Promise<{ status: string; results: string[][] }> {
  await page.goto(new URL('search/', base).href, { waitUntil: 'load' });
  await page.type('#search-query', word);
  await waitForFunction(
    page,
    (quoted) => document.querySelector('[data-search-status]')?.textContent?.includes(quoted),
    { timeout: 20_000 },
    `“${word}”`,
  );
  const status = await page.$eval('[data-search-status]', (element) => element.textContent ?? '');
  const results = await page.$$eval('.search-result h2 a', (links) =>
    links.map((link) => [link.textContent?.trim() ?? '', link.getAttribute('href') ?? '']),
  );
  return { status, results };
}

/** Every text the status line of the home page's control says, from now on, in order. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('[data-offline-status]')!;
    const progress = document.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
    const said: string[] = [];
    const shown: number[] = [];
    Object.assign(window, { said, shown });
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    new MutationObserver(() => {
      if (!progress.hidden) shown.push(progress.value / progress.max);
    }).observe(progress, { attributes: true });
  });
}

inEachEngine(({ engine, browser }) => {
  describe.each(['/', '/reading/room/'])('served under %s', (base) => {
    const site = mkdtempSync(join(scratch, 'site-'));
    const essaysDir = join(site, 'essays');
    const outDir = join(site, 'dist');
    let server: StaticServer;
    let port: number;
    let page: Page;
    /** In Chromium, the service worker's DevTools session and scope, to cut its fetches off. */
    let worker: CDPSession | undefined;
    let workerScope: WebWorker | undefined;
    /** Another site on 127.0.0.1, always up: in Chromium, the proof that the service worker's fetches are cut off. */
    let elsewhere: StaticServer | undefined;
    const violations: string[] = [];
    const at = (path: string) => new URL(path, server.url).href;
    const siteList = () => JSON.parse(readFileSync(join(outDir, 'offline-site.json'), 'utf8')) as SiteList;

    beforeAll(async () => {
      mkdirSync(essaysDir, { recursive: true });
      cpSync(FIXTURES, essaysDir, { recursive: true });
      build(essaysDir, outDir, base);
      server = await serveDirectory(outDir, base, policy(outDir));
      port = Number(new URL(server.url).port);
      if (engine === 'chromium') elsewhere = await serveDirectory(FIXTURES);
      page = await browser().newPage();
      await emulateMedia(page, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      // A violation as Chromium's console says it, and as the page's own event: Firefox's own
      // warning does not reach WebDriver BiDi's log (Firefox 140), the event does.
      await page.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'an inline resource'}`);
        });
      });
      page.on('console', (message) => {
        if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
    });
    afterAll(async () => {
      await page?.close();
      await server?.close();
      await elsewhere?.close();
    });

    let serving = true;
    /**
     * Takes the network away, or gives it back: the page and the first worker are cut off, and
     * the site's server stops, so that no worker, this build's or the next's, reaches it.
     */
    async function network(on: boolean): Promise<void> {
      if (on && !serving) server = await serveDirectory(outDir, base, policy(outDir), { port });
      if (!on && serving) await server.close();
      serving = on;
      if (engine === 'chromium' && worker) await setOffline(page, worker, !on);
    }

    /** In Chromium, attaches to the service worker now active: its own fetches are cut off with the page's. */
    async function attachWorker(): Promise<void> {
      if (engine !== 'chromium') return;
      const script = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
      await worker?.detach().catch(() => undefined);
      const target = await browser().waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url() === script);
      worker = await target.createCDPSession();
      await worker.send('Network.enable');
      workerScope = (await target.worker())!;
    }

    test('one visit to the home page installs the service worker, which precaches the shell only and shows "Reading offline"', async () => {
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForFunction(page, () => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
      const registration = await page.evaluate(async () => {
        const ready = await navigator.serviceWorker.ready;
        return { scope: ready.scope, script: ready.active?.scriptURL };
      });
      expect(registration).toEqual({ scope: server.url, script: at('sw.js') });
      await attachWorker();
      // Revealed from script, with nothing saved yet, so nothing to remove.
      expect(await page.$eval('[data-save-offline]', (section) => (section as HTMLElement).hidden)).toBe(false);
      expect(await page.$eval('h2#save-offline', (heading) => heading.textContent)).toBe(labels.offlineHeading);
      await waitForFunction(page, () => document.querySelector<HTMLElement>('[data-offline-remove]')?.hidden === true);
      // No essay, no download, no chunk of the search index.
      const cached = Object.values(await cacheContents(page)).flat();
      expect(cached.filter((url) => url.includes('/essays/') || /\/(index|fragment)\//.test(url))).toEqual([]);
    });

    // Installability is Chromium's own judgement, read through the DevTools protocol: Firefox
    // installs no web app on the desktop, and WebDriver BiDi has nothing to ask it.
    test.runIf(engine === 'chromium')(
      'Chromium finds the site installable: a manifest it can read, its icons, a service worker',
      async () => {
        const session = await page.createCDPSession();
        const { errors, url } = await session.send('Page.getAppManifest');
        expect(url).toBe(at('manifest.webmanifest'));
        expect(errors).toEqual([]);
        const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
        expect(installabilityErrors).toEqual([]);
        await session.detach();
      },
    );

    test('online, the essay the reader opens is kept, and so is what a search fetched', async () => {
      await page.goto(at(VISITED), { waitUntil: 'load' });
      await waitForFunction(page, async (url) => (await caches.match(url)) !== undefined, { polling: 100, timeout: 10_000 }, at(VISITED));
      const { status } = await search(page, server.url, SHARED_WORD);
      expect(status).toBe(labels.searchResults(2, SHARED_WORD, 2));
    });

    test('with no network, the essay read opens with its styles; one never opened, or its download, says it is not saved', async () => {
      await network(false);
      // The site does not answer: asked past the service worker (which lets a network check through).
      const site = await page.evaluate(
        (url) =>
          fetch(url, { cache: 'no-store' }).then(
            () => 'reached',
            () => 'unreachable',
          ),
        at(`favicon.svg?${NETWORK_CHECK}`),
      );
      expect(site).toBe('unreachable');
      if (engine === 'chromium') {
        // And the worker's own fetches are cut off, anywhere: another site on 127.0.0.1, still up.
        const cutOff = await workerScope!.evaluate(
          (url) =>
            fetch(url, { mode: 'no-cors' }).then(
              () => 'reached',
              () => 'cut off',
            ),
          elsewhere!.url,
        );
        expect(cutOff).toBe('cut off');
      }

      const read = await page.goto(at(VISITED), { waitUntil: 'load' });
      expect(read?.status()).toBe(200);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe(VISITED_TITLE);
      expect(
        await page.evaluate(() => [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0) && document.styleSheets.length > 0),
      ).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-bg').trim())).not.toBe('');

      const unsaved = await page.goto(at(ESSAY), { waitUntil: 'load' });
      expect(unsaved?.status()).toBe(503);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe(labels.notSavedTitle);
      expect(await page.$eval('main', (main) => main.textContent)).toContain(labels.notSavedText);
      // It lists what is saved: the essay read.
      await waitForSelector(page, '[data-saved-essays]:not([hidden]) a');
      expect(
        await page.$$eval('[data-saved-list] a', (links) => links.map((link) => [link.textContent, (link as HTMLAnchorElement).href])),
      ).toEqual([[VISITED_TITLE, at(VISITED)]]);

      const download = await page.goto(at(`${ESSAY}with-notes.epub`), { waitUntil: 'load' });
      expect(download?.status()).toBe(503);
      expect(download?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe(labels.notSavedTitle);
    });

    test('with no network, search covers the essays saved on this device, and says so', async () => {
      const { status, results } = await search(page, server.url, SHARED_WORD);
      expect(status).toBe(`${labels.searchOfflineScope(1)} ${labels.searchResults(1, SHARED_WORD, 1)}`);
      expect(results).toEqual([[VISITED_TITLE, `${base}${VISITED}`]]);
    });

    test('with no network, the home page, the manifest and the favicon open, and an unknown page gets the 404 page', async () => {
      const home = await page.goto(server.url, { waitUntil: 'load' });
      expect(home?.status()).toBe(200);
      expect(await page.$$eval('main article h2 a', (links) => links.length)).toBeGreaterThan(1);
      const files = await page.evaluate(
        (urls) =>
          Promise.all(urls.map((url) => fetch(url).then((response) => `${response.status} ${response.headers.get('content-type')}`))),
        [at('manifest.webmanifest'), at('favicon.svg')],
      );
      expect(files).toEqual(['200 application/manifest+json', '200 image/svg+xml']);
      const missing = await page.goto(at('no-such-page/'), { waitUntil: 'load' });
      expect(missing?.status()).toBe(404);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('Page not found');
    });

    test('"Save every essay" says how much it downloads, shows its progress, and announces when the whole site is saved', async () => {
      await network(true);
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForFunction(page, () => navigator.serviceWorker.controller !== null);
      const list = siteList();
      // The sizes are on the controls before anything is pressed.
      expect(await page.$eval('[data-offline-save]', (button) => button.textContent)).toBe(
        `${labels.offlineSave}${labels.offlineSaveSize(list.essays, formatFileSize(list.siteBytes, 'en'))}`,
      );
      expect(await page.$eval('[data-offline-downloads]', (box) => box.closest('label')?.textContent?.trim())).toBe(
        `${labels.offlineWithDownloads}${labels.offlineDownloadsSize(formatFileSize(list.downloadBytes, 'en'))}`,
      );
      await recordAnnouncements(page);
      // By keyboard: the box, then the button.
      await page.focus('[data-offline-downloads]');
      await page.keyboard.press('Space');
      await page.focus('[data-offline-save]');
      await page.keyboard.press('Enter');
      await waitForFunction(
        page,
        (done) => document.querySelector('[data-offline-status]')?.textContent === done,
        { timeout: 60_000 },
        labels.offlineSaved(list.essays),
      );
      const { said, shown } = await page.evaluate(() => {
        const recorded = window as unknown as { said: string[]; shown: number[] };
        return { said: recorded.said, shown: recorded.shown };
      });
      // The first announcement is what it downloads: every file of the list but those the reader kept while reading.
      const all = [...list.site, ...list.downloads];
      const [, count = '', size = ''] = /^Saving (\d+) files, (.+), on this device…$/.exec(said[0] ?? '') ?? [];
      expect(said[0]).toBe(labels.offlineSaving(Number(count), size));
      expect(Number(count)).toBe(all.length);
      expect(size).toBe(
        formatFileSize(
          all.reduce((sum, file) => sum + file.bytes, 0),
          'en',
        ),
      );
      expect(said.at(-1)).toBe(labels.offlineSaved(list.essays));
      expect(shown.length).toBeGreaterThan(0);
      expect(await page.$eval('[data-offline-progress]', (progress) => (progress as HTMLElement).hidden)).toBe(true);
      expect(await page.$eval('[data-offline-remove]', (button) => (button as HTMLElement).hidden)).toBe(false);
      // Focus stayed on the button pressed.
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-offline-save'))).toBe(true);
    });

    test('with no network, the whole site is there: the essay never opened, its download, and search over every essay', async () => {
      await network(false);
      const essay = await page.goto(at(ESSAY), { waitUntil: 'load' });
      expect(essay?.status()).toBe(200);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('An Essay With Notes');
      expect(await page.$eval('main', (main) => main.textContent)).toContain(OLD_SENTENCE);
      // The reference's link to its note, and back.
      await page.setViewport({ width: 1280, height: 800 });
      await waitForFunction(page, () => document.querySelector('[id="with-notes.ref-1"] a')?.checkVisibility({ visibilityProperty: true }));
      await page.click('[id="with-notes.ref-1"] a');
      await waitForFunction(page, () => location.hash === '#with-notes.note-1');
      await page.click('[id="with-notes.note-1"] a[role="doc-backlink"]');
      await waitForFunction(page, () => location.hash === '#with-notes.ref-1');

      const download = await page.evaluate(
        (url) => fetch(url).then((response) => `${response.status} ${response.headers.get('content-type')}`),
        at(`${ESSAY}with-notes.epub`),
      );
      expect(download).toBe('200 application/epub+zip');

      const { status, results } = await search(page, server.url, SEARCH_WORD);
      expect(status).toBe(`${labels.searchOfflineScope(siteList().essays)} ${labels.searchResults(1, SEARCH_WORD, 1)}`);
      expect(results).toEqual([['An Essay With Notes', `${base}${ESSAY}`]]);
    });

    test('after a new build, a reader online reads the new text; what they saved stays, and is brought up to date', async () => {
      const started = performance.now();
      const step = (name: string) => console.log(`${base} rebuild test: ${name} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const savedCaches = Object.keys(await cacheContents(page)).filter((name) => name.startsWith('essay-press-saved '));
      expect(savedCaches).toEqual([`essay-press-saved ${server.url}`]);
      const oldRevision = precacheRevision(outDir, ENTRY);

      const source = readFileSync(join(essaysDir, ESSAY_FILE), 'utf8');
      expect(source, 'the fixture still has the sentence this test changes').toContain(OLD_SENTENCE);
      writeFileSync(join(essaysDir, ESSAY_FILE), source.replace(OLD_SENTENCE, NEW_SENTENCE));
      // Published while the reader is offline; the site comes back on the same port (a service
      // worker is bound to its origin).
      build(essaysDir, outDir, base);
      step('rebuilt');
      const newRevision = precacheRevision(outDir, ENTRY);
      expect(newRevision).not.toBe(oldRevision);

      // Still offline, the saved copy reads as it was.
      const offline = await page.goto(at(ESSAY), { waitUntil: 'load' });
      expect(offline?.status()).toBe(200);
      expect(await page.$eval('main', (main) => main.textContent)).toContain(OLD_SENTENCE);

      // Back online, on the home page: the new worker comes, and the saved site is refreshed
      // in the background, the essay with it, though the reader has not opened it.
      await network(true);
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForFunction(
        page,
        async (url, text) => {
          const saved = await caches.match(url).then((response) => response?.text());
          // The text as written, not parsed: a document parsed here would be held to the home
          // page's policy, which refuses the essay page's <style>, and the console would say so.
          return saved?.includes(text) ?? false;
        },
        { timeout: 120_000, polling: 250 },
        at(ESSAY),
        NEW_SENTENCE,
      );
      step('saved copy refreshed');
      // The shell's precache was updated in place: the search index entry's new revision, and only it.
      const entry = at(`${ENTRY}?__WB_REVISION__=${newRevision}`);
      await waitForFunction(
        page,
        async (url) => {
          for (const name of await caches.keys()) {
            if ((await (await caches.open(name)).keys()).some((request) => request.url === url)) return true;
          }
          return false;
        },
        { timeout: 30_000, polling: 200 },
        entry,
      );
      expect(
        Object.values(await cacheContents(page))
          .flat()
          .filter((url) => url.includes(ENTRY)),
      ).toEqual([entry]);
      // The refresh is complete (its record names the new build) before the network goes.
      await waitForFunction(
        page,
        async (url) => {
          const record = await caches.match(url);
          return record ? ((await record.json()) as { build: string }).build !== '' : false;
        },
        { timeout: 60_000, polling: 250 },
        at('offline-saved.json'),
      );

      step('refresh recorded');
      // A reader online reads the new text.
      await page.goto(at(ESSAY), { waitUntil: 'load' });
      expect(await page.$eval('main', (main) => main.textContent)).toContain(NEW_SENTENCE);

      // Offline again: the new text, search finds its new word, and the essay first read is still there.
      await network(false);
      await page.goto(at(ESSAY), { waitUntil: 'load' });
      expect(await page.$eval('main', (main) => main.textContent)).toContain(NEW_SENTENCE);
      const { results } = await search(page, server.url, NEW_WORD);
      expect(results).toEqual([['An Essay With Notes', `${base}${ESSAY}`]]);
      expect((await page.goto(at(VISITED), { waitUntil: 'load' }))?.status()).toBe(200);
    }, 300_000);

    test('"Remove the saved essays" takes it all back: offline, an essay read before is not saved any more', async () => {
      await network(true);
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForSelector(page, '[data-offline-remove]:not([hidden])');
      await page.focus('[data-offline-remove]');
      await page.keyboard.press('Enter');
      await waitForFunction(
        page,
        (text) => document.querySelector('[data-offline-status]')?.textContent === text,
        {},
        labels.offlineRemoved,
      );
      expect(await page.$eval('[data-offline-remove]', (button) => (button as HTMLElement).hidden)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-offline-save'))).toBe(true);
      expect(Object.keys(await cacheContents(page)).filter((name) => name.startsWith('essay-press-saved '))).toEqual([]);
      await network(false);
      expect((await page.goto(at(VISITED), { waitUntil: 'load' }))?.status()).toBe(503);
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe(labels.notSavedTitle);
      await network(true);
    });

    test('nothing of it needed more than the documented Content-Security-Policy', () => {
      expect(violations).toEqual([]);
    });
  });

  describe('where service workers are unavailable', () => {
    let outDir: string;
    beforeAll(() => {
      outDir = unavailableSite();
    });

    /** Opens a page and reports what the registration raised: uncaught errors, and console messages about it. */
    async function open(url: string, prepare: (page: Page) => Promise<void>): Promise<{ page: Page; problems: string[] }> {
      const page = await browser().newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
      page.on('console', (message) => {
        if (/service ?worker|sw\.js|register|in promise/i.test(message.text()))
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      await prepare(page);
      await page.goto(url, { waitUntil: 'load' });
      // The registration waits for the load event.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { page, problems };
    }

    test('opened from files, an essay page reads, and registering reports nothing', async () => {
      // From file:// the page's root-relative scripts do not load (nor do its stylesheets):
      // the registration script is run here as it would run if they did.
      const script = readFileSync(join(outDir, registrationScript(outDir)), 'utf8');
      const { page, problems } = await open(pathToFileURL(join(outDir, ESSAY, 'index.html')).href, (tab) =>
        tab.evaluateOnNewDocument(script).then(() => undefined),
      );
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('An Essay With Notes');
      expect(await page.$eval('main', (main) => main.textContent)).toContain(OLD_SENTENCE);
      expect(problems).toEqual([]);
      await page.close();
    });

    test('in a browser with service workers turned off, a served page reads, and registering reports nothing', async () => {
      const server = await serveDirectory(outDir);
      const { page, problems } = await open(new URL(ESSAY, server.url).href, (tab) =>
        tab
          .evaluateOnNewDocument(() => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }))
          .then(() => undefined),
      );
      expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('An Essay With Notes');
      expect(await page.evaluate(() => navigator.serviceWorker)).toBeUndefined();
      expect(problems).toEqual([]);
      await page.close();
      await server.close();
    });
  });
});

let unavailableOutDir: string | undefined;
/** The fixtures built once for both engines' "unavailable" tests, which change nothing in it. */
function unavailableSite(): string {
  if (unavailableOutDir) return unavailableOutDir;
  const site = mkdtempSync(join(scratch, 'unavailable-'));
  mkdirSync(join(site, 'essays'));
  cpSync(FIXTURES, join(site, 'essays'), { recursive: true });
  build(join(site, 'essays'), join(site, 'dist'), '/');
  unavailableOutDir = join(site, 'dist');
  return unavailableOutDir;
}

/** The built registration script: the essay page's script that names sw.js. */
function registrationScript(outDir: string): string {
  const html = readFileSync(join(outDir, ESSAY, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]* src="\/([^"]+)"/g)].map((match) => match[1] ?? '');
  const script = sources.find((src) => readFileSync(join(outDir, src), 'utf8').includes('sw.js'));
  if (!script) throw new Error('The essay page has no script that registers sw.js.');
  return script;
}
