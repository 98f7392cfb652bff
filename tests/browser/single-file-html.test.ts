import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser-session.ts';
import { buildSite } from '../support/build-site.ts';

// The essays' single-file HTML downloads, opened from disk as a reader opens them.

let browser: Browser;
let closeBrowser: () => Promise<void>;
// Essays with images, whose downloads carry them as data: URLs.
let imageSiteDir = '';

beforeAll(async () => {
  const build = buildSite({ ESSAYS_DIR: 'tests/fixtures/offline-image', SITE_URL: 'https://essays.example' });
  if (build.status !== 0) throw new Error(`The image fixture site did not build:\n${build.output}`);
  imageSiteDir = build.outDir;
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  if (imageSiteDir) rmSync(join(imageSiteDir, '..'), { recursive: true, force: true });
});

const SITES: Array<[string, () => string]> = [
  ['the site', () => inject('siteDir')],
  ['the component fixtures', () => inject('componentsSiteDir')],
  ['the image fixtures', () => imageSiteDir],
];

/** Each essay's download and the article of its page (parsed from the built page). */
function downloads(siteDir: string): Array<{ slug: string; file: string; page: Document }> {
  const root = join(siteDir, 'essays');
  return readdirSync(root)
    .filter((slug) => existsSync(join(root, slug, `${slug}.html`)))
    .map((slug) => ({
      slug,
      file: join(root, slug, `${slug}.html`),
      page: parseHTML(readFileSync(join(root, slug, 'index.html'), 'utf8')).document as unknown as Document,
    }));
}

interface Opened {
  page: Page;
  /** Every request but `data:` URLs, which are read from the document itself. */
  requests: string[];
  /** Content-Security-Policy violations reported in the page. */
  violations: () => Promise<string[]>;
}

async function open(file: string, width = 1280, scheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  // Reduced motion turns smooth scrolling off, so a jump has landed when it is checked.
  await page.emulateMediaFeatures([
    { name: 'prefers-reduced-motion', value: 'reduce' },
    { name: 'prefers-color-scheme', value: scheme },
  ]);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

const fold = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

test.each(SITES)('%s: a download opened from disk requests nothing but itself, breaks no policy, and is styled', async (_name, siteDir) => {
  for (const { file } of downloads(siteDir())) {
    const { page, requests, violations } = await open(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await violations()).toEqual([]);
    // The inlined stylesheet applied: the policy's hash matched it.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    await page.close();
  }
});

test.each(SITES)('%s: a download holds the whole text of the page’s article, in order', async (_name, siteDir) => {
  for (const { file, page: webPage } of downloads(siteDir())) {
    const article = webPage.querySelector('article')!.cloneNode(true) as Element;
    for (const aid of article.querySelectorAll('[data-reading-aid], script')) aid.remove();
    const { page } = await open(file);
    expect(fold(await page.$eval('main > article', (element) => element.textContent))).toBe(fold(article.textContent));
    await page.close();
  }
});

test.each(SITES)(
  '%s: from the keyboard, a note reference leads to its note, and the note’s back-link leads back',
  async (_name, siteDir) => {
    for (const { file } of downloads(siteDir())) {
      const { page } = await open(file);
      const reference = await page
        .$eval('a[role="doc-noteref"]', (link) => ({ id: link.closest('sup')?.id ?? '', href: link.getAttribute('href') ?? '' }))
        .catch(() => undefined);
      if (!reference) {
        await page.close();
        continue;
      }
      await page.focus(`[id="${reference.id}"] a`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => decodeURIComponent(location.hash) === hash, {}, reference.href);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(reference.href.slice(1));

      // Tab through the note (a cited source may hold a link) to its first back-link.
      const noteId = reference.href.slice(1);
      let backlink: { role: string | null | undefined; href: string | null | undefined; inNote: boolean };
      do {
        await page.keyboard.press('Tab');
        backlink = await page.evaluate(
          (id) => ({
            role: document.activeElement?.getAttribute('role'),
            href: document.activeElement?.getAttribute('href'),
            inNote: document.activeElement?.closest('li')?.id === id,
          }),
          noteId,
        );
      } while (backlink.inNote && backlink.role !== 'doc-backlink');
      expect(backlink).toEqual({ role: 'doc-backlink', href: `#${reference.id}`, inNote: true });
      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => decodeURIComponent(location.hash) === hash, {}, `#${reference.id}`);
      const landed = await page.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return { id: document.activeElement?.id, onScreen: box.top >= 0 && box.bottom <= window.innerHeight };
      });
      expect(landed).toEqual({ id: reference.id, onScreen: true });
      await page.close();
    }
  },
);

test('the contents work without script: a contents link moves focus to its section', async () => {
  const { page } = await open(join(inject('componentsSiteDir'), 'essays/structure/structure.html'));
  // At 1280 px the contents have a column of their own, and are shown there (single-file.css).
  expect(await page.$eval('nav.toc a[href="#second-list"]', (link) => link.checkVisibility())).toBe(true);
  await page.focus('nav.toc a[href="#second-list"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#second-list');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('second-list');
  await page.close();
});

test.each(SITES)('%s: axe finds nothing, light at 1280 px and dark at 320 px, and the text reflows', async (_name, siteDir) => {
  for (const { slug, file } of downloads(siteDir())) {
    for (const [width, scheme] of [
      [1280, 'light'],
      [320, 'dark'],
    ] as const) {
      const { page } = await open(file, width, scheme);
      expect(await axeViolations(page), `${slug} at ${width} px, ${scheme}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.close();
    }
  }
});

test('printed, a download is its text and notes, with where it comes from', async () => {
  const { page } = await open(join(imageSiteDir, 'essays/pictures/pictures.html'));
  await page.emulateMediaType('print');
  const shown = await page.evaluate(() => {
    const visible = (selector: string) => {
      const element = document.querySelector(selector);
      return element !== null && getComputedStyle(element).display !== 'none';
    };
    return {
      article: visible('main > article'),
      notes: visible('[role="doc-endnotes"]'),
      contents: visible('nav.toc'),
      footer: visible('body > footer'),
    };
  });
  expect(shown).toEqual({ article: true, notes: true, contents: false, footer: true });
  expect((await page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(1000);
  await page.close();
});
