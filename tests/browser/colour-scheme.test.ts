import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/publishing/host-headers.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { SCHEME_NAME } from '../../src/site/colour-scheme.ts';
import { essayPath } from '../../src/site/urls.ts';
import { parseSchemeTokens, themeColours } from '../../src/offline/web-manifest.ts';
import {
  browserPool,
  clickMiddle,
  emulateMedia,
  emulatePrint,
  ENGINES,
  recordPageProblems,
  setJavaScriptEnabled,
  waitForFunction,
} from '../support/browser-session.ts';
import { ROOT } from '../support/build-site.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';

/**
 * The colour scheme choice in the footer, in Chromium and Firefox, on the sub-path build served with its
 * own `_headers` (the strict Content-Security-Policy): without JavaScript it switches the page
 * being read; with it, the choice is remembered and is on <html> before the body is parsed.
 */
const siteDir = inject('subPathSiteDir');
const rules = parseHeadersFile(readFileSync(join(siteDir, '_headers'), 'utf8'));
const [slug] = listEssaySlugs(siteDir);
const essay = slug === undefined ? '' : essayPath(slug);

/** A token's colour as getComputedStyle gives it. */
const rgb = (hex = '') => `rgb(${[1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;
const tokens = parseSchemeTokens(readFileSync(join(ROOT, 'src/site/styles/tokens.css'), 'utf8'));
/** The page background of each scheme. */
const background = { light: rgb(themeColours(tokens).light), dark: rgb(themeColours(tokens).dark) };

let server: StaticServer;

beforeAll(async () => {
  if (slug === undefined) throw new Error('The site has no essay to read in a colour scheme.');
  server = await serveDirectory(siteDir, SUB_PATH_BASE, (pathname) => headersForPath(rules, pathname));
});
afterAll(async () => {
  await server?.close();
});

describe.each(ENGINES)('in %s', (engine) => {
  const browsers = browserPool(engine);
  /** Each test has a browser context of its own: its own localStorage, nothing remembered. */
  const contexts = new Map<Browser, BrowserContext>();
  /** Policy violations, console errors and page errors of every page of the test. */
  let problems: string[] = [];

  afterAll(async () => {
    await browsers.close();
  });
  beforeEach(() => {
    problems = [];
  });
  afterEach(async () => {
    for (const context of contexts.values()) await context.close();
    contexts.clear();
    expect(problems).toEqual([]);
  });

  async function newTab(options: { javaScript?: boolean; system?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    // Firefox: a browser launched in that system scheme, with or without JavaScript (see emulateMedia).
    const browser = await browsers.browser({ colourScheme: options.system ?? 'light', javaScript: options.javaScript ?? true });
    let context = contexts.get(browser);
    if (!context) {
      context = await browser.createBrowserContext();
      contexts.set(browser, context);
    }
    const tab = await context.newPage();
    await tab.setViewport({ width: options.width ?? 1280, height: 800 });
    await setJavaScriptEnabled(tab, options.javaScript ?? true);
    await emulateMedia(tab, [{ name: 'prefers-color-scheme', value: options.system ?? 'light' }]);
    await recordPageProblems(tab, problems);
    return tab;
  }

  async function visit(tab: Page, path: string): Promise<void> {
    const response = await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
  }

  /** What the page shows: the scheme on <html>, the checked option, the background and the used color-scheme. */
  function shown(tab: Page) {
    return tab.evaluate((name) => {
      const checked = document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      return {
        scheme: document.documentElement.dataset['scheme'] ?? null,
        checked: checked?.value ?? null,
        background: getComputedStyle(document.body).backgroundColor,
        colorScheme: getComputedStyle(document.documentElement).colorScheme,
      };
    }, SCHEME_NAME);
  }

  /** Clicks an option (in Firefox with the mouse at its middle: puppeteer's click never answers there without JavaScript). */
  const choose = (tab: Page, choice: string) =>
    engine === 'firefox'
      ? clickMiddle(tab, `input[name="${SCHEME_NAME}"][value="${choice}"]`)
      : tab.click(`input[name="${SCHEME_NAME}"][value="${choice}"]`);

  test('every page offers the choice as a named group of three, in the site’s language, with System chosen', async () => {
    const tab = await newTab();
    await visit(tab, essay);
    const group = await tab.$('fieldset.colour-scheme');
    if (!group) throw new Error('The page has no colour scheme choice.');
    // Puppeteer reads the accessibility tree over the DevTools protocol only: in Firefox the
    // group, its name and its radios are read from the markup that makes them.
    if (engine === 'firefox') {
      expect(
        await tab.$eval('fieldset.colour-scheme', (fieldset) => ({
          name: fieldset.querySelector('legend')?.textContent?.trim(),
          radios: [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => ({
            name: radio.labels?.[0]?.textContent?.trim(),
            checked: radio.checked,
          })),
        })),
      ).toEqual({
        name: 'Colour scheme',
        radios: [
          { name: 'Light', checked: false },
          { name: 'Dark', checked: false },
          { name: 'System', checked: true },
        ],
      });
    } else {
      const tree = await tab.accessibility.snapshot({ root: group, interestingOnly: false });
      if (!tree) throw new Error('The colour scheme choice is not in the accessibility tree.');
      expect(tree.role).toBe('group');
      expect(tree.name).toBe('Colour scheme');
      const radios = (node: typeof tree): Array<typeof tree> => (node.role === 'radio' ? [node] : (node.children ?? []).flatMap(radios));
      expect(radios(tree).map(({ name, checked }) => ({ name, checked }))).toEqual([
        { name: 'Light', checked: false },
        { name: 'Dark', checked: false },
        { name: 'System', checked: true },
      ]);
    }
    // The footer is in the site's language, as the rest of its words are.
    expect(await tab.$eval('fieldset.colour-scheme', (fieldset) => fieldset.closest('[lang]')?.getAttribute('lang'))).toBe('en');
  });

  test('dark chosen on one page is the scheme of the next page, and of that page reloaded, against a light system', async () => {
    const tab = await newTab({ system: 'light' });
    await visit(tab, '');
    expect(await shown(tab)).toEqual({ scheme: 'system', checked: 'system', background: background.light, colorScheme: 'light dark' });
    await choose(tab, 'dark');
    expect(await shown(tab)).toEqual({ scheme: 'dark', checked: 'dark', background: background.dark, colorScheme: 'dark' });
    expect(await tab.evaluate((name) => localStorage.getItem(name), SCHEME_NAME)).toBe('dark');

    // On <html> before the body is parsed, so before the page is first drawn: no flash of light.
    await tab.evaluateOnNewDocument(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { schemeAtBody: string | undefined }).schemeAtBody = document.documentElement.dataset['scheme'];
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (const load of [() => visit(tab, essay), () => tab.reload({ waitUntil: 'load' }).then(() => undefined)]) {
      await load();
      expect(await shown(tab)).toEqual({ scheme: 'dark', checked: 'dark', background: background.dark, colorScheme: 'dark' });
      expect(await tab.evaluate(() => (window as unknown as { schemeAtBody: string | undefined }).schemeAtBody)).toBe('dark');
    }
  });

  test('light chosen against a dark system is remembered too, and System follows the system again', async () => {
    const tab = await newTab({ system: 'dark' });
    await visit(tab, essay);
    expect((await shown(tab)).background).toBe(background.dark);
    await choose(tab, 'light');
    await visit(tab, '');
    expect(await shown(tab)).toEqual({ scheme: 'light', checked: 'light', background: background.light, colorScheme: 'light' });

    await choose(tab, 'system');
    expect((await shown(tab)).background).toBe(background.dark);
    // WebDriver BiDi cannot change Firefox's system scheme once launched: there, System is
    // checked against the dark system it was launched with, and the switches are Chromium's.
    const system = engine === 'chromium' ? 'light' : 'dark';
    if (engine === 'chromium') {
      await emulateMedia(tab, [{ name: 'prefers-color-scheme', value: 'light' }]);
      expect((await shown(tab)).background).toBe(background.light);
    }
    await visit(tab, essay);
    expect(await shown(tab)).toEqual({ scheme: 'system', checked: 'system', background: background[system], colorScheme: 'light dark' });
    if (engine === 'chromium') {
      await emulateMedia(tab, [{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect((await shown(tab)).background).toBe(background.dark);
    }
  });

  test('without JavaScript, choosing switches the page being read, and System follows the system', async () => {
    const tab = await newTab({ javaScript: false, system: 'light' });
    await visit(tab, essay);
    expect(await shown(tab)).toEqual({ scheme: null, checked: 'system', background: background.light, colorScheme: 'light dark' });
    await choose(tab, 'dark');
    expect(await shown(tab)).toEqual({ scheme: null, checked: 'dark', background: background.dark, colorScheme: 'dark' });
    // Firefox keeps the light system it was launched with (WebDriver BiDi cannot change it).
    const system = engine === 'chromium' ? 'dark' : 'light';
    if (engine === 'chromium') await emulateMedia(tab, [{ name: 'prefers-color-scheme', value: 'dark' }]);
    await choose(tab, 'light');
    expect(await shown(tab)).toMatchObject({ checked: 'light', background: background.light, colorScheme: 'light' });
    await choose(tab, 'system');
    expect(await shown(tab)).toMatchObject({ checked: 'system', background: background[system], colorScheme: 'light dark' });
  });

  test('the options are reached and changed with the keyboard, show their focus, and are 24 px targets', async () => {
    const tab = await newTab({ width: 320 });
    await visit(tab, essay);
    await tab.focus(`input[name="${SCHEME_NAME}"][value="system"]`);
    await tab.keyboard.down('Shift');
    await tab.keyboard.press('Tab');
    await tab.keyboard.up('Shift');
    await tab.keyboard.press('Tab');
    // Tab lands on the checked option of the group; the arrow keys move the choice.
    const focus = () =>
      tab.evaluate(() => {
        const element = document.activeElement as HTMLInputElement;
        return { value: element.value, outline: getComputedStyle(element).outlineStyle };
      });
    expect(await focus()).toEqual({ value: 'system', outline: 'solid' });
    await tab.keyboard.press('ArrowUp');
    expect(await focus()).toEqual({ value: 'dark', outline: 'solid' });
    expect(await shown(tab)).toMatchObject({ scheme: 'dark', checked: 'dark', background: background.dark });
    await tab.keyboard.press('ArrowUp');
    expect(await shown(tab)).toMatchObject({ scheme: 'light', checked: 'light', background: background.light });

    const targets = await tab.$$eval(`fieldset.colour-scheme label`, (labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        return { width: box.width, height: box.height };
      }),
    );
    expect(targets).toHaveLength(3);
    for (const target of targets) {
      expect(target.width).toBeGreaterThanOrEqual(24);
      expect(target.height).toBeGreaterThanOrEqual(24);
    }
    // At 320 px the choice fits the footer: nothing scrolls sideways.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('a choice made in another tab reaches a page already open', async () => {
    const first = await newTab();
    await visit(first, essay);
    const second = await newTab();
    await visit(second, '');
    await choose(second, 'dark');
    await waitForFunction(first, () => document.documentElement.dataset['scheme'] === 'dark');
    expect(await shown(first)).toMatchObject({ checked: 'dark', background: background.dark });
  });

  test('where storage is denied, a choice still applies to the page, and nothing fails', async () => {
    const tab = await newTab();
    await tab.evaluateOnNewDocument(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await visit(tab, essay);
    expect(await shown(tab)).toMatchObject({ scheme: 'system', checked: 'system' });
    await choose(tab, 'dark');
    expect(await shown(tab)).toMatchObject({ scheme: 'dark', checked: 'dark', background: background.dark });
    await visit(tab, '');
    expect(await shown(tab)).toMatchObject({ scheme: 'system', background: background.light });
  });

  test('printed, the page is light whatever the reader chose', async () => {
    const tab = await newTab({ system: 'dark' });
    await visit(tab, essay);
    await choose(tab, 'dark');
    await emulatePrint(tab);
    expect(await shown(tab)).toMatchObject({ background: 'rgb(255, 255, 255)', colorScheme: 'light' });
    // The tokens print does not set itself are light too (the surface of a scenario card, say).
    const surface = await tab.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'var(--color-surface)';
      document.body.append(probe);
      return getComputedStyle(probe).backgroundColor;
    });
    expect(surface).toBe(rgb(tokens.light['--color-surface']));
  });
});
