/**
 * Offline reading in Chromium (issue 7): after one visit to the home page, the whole site
 * works with no network, at the root and under a sub-path; a new build reaches a reader
 * who comes back online, and the old build's caches go. The site is built here from a
 * copy of the component fixtures, so it can be rebuilt with a changed sentence.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../src/publishing/content-security-policy.ts';
import { headersForPath, parseHeadersFile } from '../../src/publishing/host-headers.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from '../support/browser-session.ts';
import { buildSite, ROOT } from '../support/build-site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/components');
/** The essay never visited before the network goes, and a sentence of it the rebuild changes. */
const ESSAY = 'essays/with-notes/';
const ESSAY_FILE = 'with-notes.mdx';
const OLD_SENTENCE = 'The harvest came late that year, and the cider was thin.';
const NEW_SENTENCE = 'The harvest came early that year, and the cider was strong.';
/** A word of that essay's text, found by search. */
const SEARCH_WORD = 'orchard';

/**
 * Served under the documented policy, as a host would: nothing here may need more. It allows
 * the essay pages' own stylesheets by hash (src/publishing/inline-stylesheets.ts), so it is the
 * policy the build wrote in `_headers` for the site in `outDir`, read again after a rebuild.
 */
const policy = (outDir: string) => (pathname: string) => {
  const served = headersForPath(parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8')), pathname)['Content-Security-Policy'];
  // The documented policy, with only style hashes added.
  expect(served?.replace(/ 'sha256-[^']+'/g, '')).toBe(contentSecurityPolicy());
  return { 'content-security-policy': served ?? '' };
};

const scratch = mkdtempSync(join(ROOT, '.tmp', 'offline-'));
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  rmSync(scratch, { recursive: true, force: true });
});

/** Builds the essays in `essaysDir` into `outDir`, the same folder each time, as a host would publish. */
function build(essaysDir: string, outDir: string, base: string): void {
  // ESSAYS_DIR is read relative to the project.
  const result = buildSite({ ESSAYS_DIR: relative(ROOT, essaysDir), OUT_DIR: outDir, BASE_PATH: base });
  rmSync(join(result.outDir, '..'), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`The offline fixture site did not build:\n${result.output}`);
}

/** Cuts the browser off: the page, and the service worker's own fetches. */
async function setOffline(page: Page, worker: CDPSession, offline: boolean): Promise<void> {
  await page.setOfflineMode(offline);
  await worker.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
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

describe.each(['/', '/reading/room/'])('served under %s', (base) => {
  const site = mkdtempSync(join(scratch, 'site-'));
  const essaysDir = join(site, 'essays');
  const outDir = join(site, 'dist');
  let server: StaticServer;
  let port: number;
  let page: Page;
  let worker: CDPSession;
  let workerScope: WebWorker;
  /** Another site on 127.0.0.1, always up: the proof that the service worker's fetches are cut off. */
  let elsewhere: StaticServer;
  const violations: string[] = [];

  beforeAll(async () => {
    mkdirSync(essaysDir, { recursive: true });
    cpSync(FIXTURES, essaysDir, { recursive: true });
    build(essaysDir, outDir, base);
    server = await serveDirectory(outDir, base, policy(outDir));
    port = Number(new URL(server.url).port);
    elsewhere = await serveDirectory(FIXTURES);
    page = await browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
    await elsewhere?.close();
  });

  test('one visit to the home page installs the service worker, which takes control of the page', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    // Installed (the whole site precached), active, and in control of this page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: server.url, script: new URL('sw.js', server.url).href });
    const target = await browser.waitForTarget(
      (candidate) => candidate.type() === 'service_worker' && candidate.url() === registration.script,
    );
    worker = await target.createCDPSession();
    await worker.send('Network.enable');
    workerScope = (await target.worker())!;
  });

  test('Chromium finds the site installable: a manifest it can read, its icons, a service worker', async () => {
    const session = await page.createCDPSession();
    const { errors, url } = await session.send('Page.getAppManifest');
    expect(url).toBe(new URL('manifest.webmanifest', server.url).href);
    expect(errors).toEqual([]);
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await session.detach();
  });

  test('with no network at all, an essay never visited opens, with its notes, styles and back-links', async () => {
    // A download the reader fetched while online is kept (the build writes the real ones).
    const download = join(outDir, ESSAY, 'with-notes.epub');
    if (!existsSync(download)) writeFileSync(download, 'an EPUB');
    expect(
      await page.evaluate((url) => fetch(url).then((response) => response.status), new URL(`${ESSAY}with-notes.epub`, server.url).href),
    ).toBe(200);

    await server.close();
    await setOffline(page, worker, true);
    const cutOff = await workerScope.evaluate(
      (url) =>
        fetch(url, { mode: 'no-cors' }).then(
          () => 'reached',
          () => 'cut off',
        ),
      elsewhere.url,
    );
    expect(cutOff).toBe('cut off');

    const response = await page.goto(new URL(ESSAY, server.url).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('An Essay With Notes');
    expect(await page.$eval('main', (main) => main.textContent)).toContain(OLD_SENTENCE);
    // The stylesheets came from the precache: they apply.
    expect(
      await page.evaluate(() => [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0) && document.styleSheets.length > 0),
    ).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-bg').trim())).not.toBe('');

    // The reference's link to its note (on a phone, the numeral opens a preview instead, whose link goes there too).
    await page.setViewport({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.querySelector('[id="with-notes.ref-1"] a')?.checkVisibility({ visibilityProperty: true }));
    await page.click('[id="with-notes.ref-1"] a');
    await page.waitForFunction(() => location.hash === '#with-notes.note-1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('with-notes.note-1');
    await page.click('[id="with-notes.note-1"] a[role="doc-backlink"]');
    await page.waitForFunction(() => location.hash === '#with-notes.ref-1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('with-notes.ref-1');
  });

  test('with no network, search finds a word of that essay', async () => {
    await page.goto(new URL('search/', server.url).href, { waitUntil: 'load' });
    await page.type('#search-query', SEARCH_WORD);
    await page.waitForFunction(
      (word) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${word}”`),
      { timeout: 20_000 },
      SEARCH_WORD,
    );
    expect(await page.$eval('[data-search-status]', (status) => status.textContent)).toBe(`1 essay contains “${SEARCH_WORD}”.`);
    const [title] = await page.$$eval('.search-result h2 a', (links) =>
      links.map((link) => [link.textContent?.trim(), link.getAttribute('href')]),
    );
    expect(title).toEqual(['An Essay With Notes', `${base}${ESSAY}`]);
  });

  test('with no network, the home page, the icons and the manifest open, and an unknown page gets the 404 page', async () => {
    const home = await page.goto(server.url, { waitUntil: 'load' });
    expect(home?.status()).toBe(200);
    expect(await page.$$eval('main article h2 a', (links) => links.length)).toBeGreaterThan(1);
    const files = await page.evaluate(
      (urls) => Promise.all(urls.map((url) => fetch(url).then((response) => `${response.status} ${response.headers.get('content-type')}`))),
      [
        new URL('manifest.webmanifest', server.url).href,
        new URL('icons/icon-512.png', server.url).href,
        new URL('favicon.svg', server.url).href,
      ],
    );
    expect(files).toEqual(['200 application/manifest+json', '200 image/png', '200 image/svg+xml']);
    const missing = await page.goto(new URL('no-such-page/', server.url).href, { waitUntil: 'load' });
    expect(missing?.status()).toBe(404);
    expect(await page.$eval('h1', (h1) => h1.textContent?.trim())).toBe('Page not found');
  });

  test('after a new build, a reader back online reads the new text, and the old build leaves no cache behind', async () => {
    const before = await cacheContents(page);
    const oldDownloads = Object.keys(before).filter((name) => name.startsWith('essay-press-downloads'));
    expect(oldDownloads).toHaveLength(1);
    const oldRevision = precacheRevision(outDir, `${ESSAY}index.html`);
    expect(Object.values(before).flat()).toContain(new URL(`${ESSAY}index.html?__WB_REVISION__=${oldRevision}`, server.url).href);

    const source = readFileSync(join(essaysDir, ESSAY_FILE), 'utf8');
    expect(source, 'the fixture still has the sentence this test changes').toContain(OLD_SENTENCE);
    writeFileSync(join(essaysDir, ESSAY_FILE), source.replace(OLD_SENTENCE, NEW_SENTENCE));
    build(essaysDir, outDir, base);
    const newRevision = precacheRevision(outDir, `${ESSAY}index.html`);
    expect(newRevision).not.toBe(oldRevision);

    // The service worker is bound to the origin: the site comes back on the same port.
    server = await serveDirectory(outDir, base, policy(outDir), { port });
    await setOffline(page, worker, false);
    await page.goto(new URL(ESSAY, server.url).href, { waitUntil: 'load' });
    expect(await page.$eval('main', (main) => main.textContent)).toContain(NEW_SENTENCE);

    // That visit brought the new worker; once it is active the old revision is gone.
    const newPage = new URL(`${ESSAY}index.html?__WB_REVISION__=${newRevision}`, server.url).href;
    await page.waitForFunction(
      async (url) => {
        for (const name of await caches.keys()) {
          if ((await (await caches.open(name)).keys()).some((request) => request.url === url)) return true;
        }
        return false;
      },
      { timeout: 30_000, polling: 200 },
      newPage,
    );
    await page.waitForFunction(
      async (names) => !(await caches.keys()).some((name) => names.includes(name)),
      { timeout: 30_000, polling: 200 },
      oldDownloads,
    );
    const after = await cacheContents(page);
    expect(
      Object.values(after)
        .flat()
        .filter((url) => url.includes(`${ESSAY}index.html`)),
    ).toEqual([newPage]);
    expect(Object.keys(after).filter((name) => oldDownloads.includes(name))).toEqual([]);

    // Offline again, the precache has the new text.
    await server.close();
    await page.setOfflineMode(true);
    await page.goto(new URL(ESSAY, server.url).href, { waitUntil: 'load' });
    expect(await page.$eval('main', (main) => main.textContent)).toContain(NEW_SENTENCE);
  });

  test('nothing of it needed more than the documented Content-Security-Policy', () => {
    expect(violations).toEqual([]);
  });
});

describe('where service workers are unavailable', () => {
  const site = mkdtempSync(join(scratch, 'unavailable-'));
  const outDir = join(site, 'dist');
  beforeAll(() => {
    mkdirSync(join(site, 'essays'));
    cpSync(FIXTURES, join(site, 'essays'), { recursive: true });
    build(join(site, 'essays'), outDir, '/');
  });

  /** Opens a page and reports what the registration raised: uncaught errors, and console messages about it. */
  async function open(url: string, prepare: (page: Page) => Promise<void>): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    page.on('console', (message) => {
      if (/service ?worker|sw\.js|register|in promise/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
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

/** The built registration script: the essay page's script that names sw.js. */
function registrationScript(outDir: string): string {
  const html = readFileSync(join(outDir, ESSAY, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]* src="\/([^"]+)"/g)].map((match) => match[1] ?? '');
  const script = sources.find((src) => readFileSync(join(outDir, src), 'utf8').includes('sw.js'));
  if (!script) throw new Error('The essay page has no script that registers sw.js.');
  return script;
}
