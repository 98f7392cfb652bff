import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer, { type Browser, type MediaFeature, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { CHROMIUM_ARGS, FIREFOX_PREFS, requireBrowser, requireFirefox } from '../../scripts/lib/browser.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';

/**
 * The engines the browser tests run in: Chromium, driven over the DevTools protocol, and
 * Firefox, driven over WebDriver BiDi. A file that tests in both runs its tests once per engine
 * (`describe.each(ENGINES)`), with one browser per engine for the whole file.
 */
export const ENGINES = ['chromium', 'firefox'] as const;
export type Engine = (typeof ENGINES)[number];
export type ColourScheme = 'light' | 'dark';

export interface LaunchOptions {
  /**
   * The system's colour scheme, in Firefox only: WebDriver BiDi cannot emulate media
   * features, so Firefox is launched in the scheme a test needs (light unless told). Chromium
   * emulates either at any time (`emulateMedia`).
   */
  colourScheme?: ColourScheme;
  /**
   * JavaScript on or off, in Firefox only: before Firefox 142 WebDriver BiDi cannot turn it off
   * for one page, so a Firefox is launched without it. Chromium turns it off for one page.
   */
  javaScript?: boolean;
}

export interface BrowserSession {
  browser: Browser;
  engine: Engine;
  close: () => Promise<void>;
}

/** The engine and the scheme each browser was launched with, for `emulateMedia`. */
const launched = new WeakMap<Browser, { engine: Engine; colourScheme: ColourScheme; javaScript: boolean }>();

/**
 * Starts a browser headless with a fresh profile in a temporary folder; `close()` removes the
 * profile. Chromium unless told. Firefox is launched with reduced motion (as every test that
 * scrolls asks of Chromium) and `colourScheme`, and with preferences that stop its background
 * traffic (FIREFOX_PREFS): no test may talk to an address other than 127.0.0.1.
 */
export async function launchBrowser(engine: Engine = 'chromium', options: LaunchOptions = {}): Promise<BrowserSession> {
  const colourScheme = options.colourScheme ?? 'light';
  const javaScript = options.javaScript ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), `essay-${engine}-`));
  const browser =
    engine === 'firefox'
      ? await puppeteer.launch({
          browser: 'firefox',
          executablePath: requireFirefox(),
          headless: true,
          userDataDir,
          extraPrefsFirefox: {
            ...FIREFOX_PREFS,
            // 0 dark, 1 light: the scheme pages are given, whatever the machine's.
            'layout.css.prefers-color-scheme.content-override': colourScheme === 'dark' ? 0 : 1,
            'ui.systemUsesDarkTheme': colourScheme === 'dark' ? 1 : 0,
            'ui.prefersReducedMotion': 1,
            'javascript.enabled': javaScript,
            // The fonts Chromium falls back to (Times New Roman, Arial, Courier New: Liberation's on Linux), where
            // Firefox on Linux asks fontconfig, which prefers DejaVu's: both engines then measure the same text.
            'font.name.serif.x-western': 'Liberation Serif',
            'font.name.sans-serif.x-western': 'Liberation Sans',
            'font.name.monospace.x-western': 'Liberation Mono',
          },
        })
      : await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS, userDataDir });
  launched.set(browser, { engine, colourScheme, javaScript });
  if (engine === 'firefox') await toleratePartialBidi(browser);
  return {
    browser,
    engine,
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const tolerant = new WeakSet<object>();

/**
 * Puppeteer's `setViewport` also sends `emulation.setScreenOrientationOverride`, which Firefox
 * before 143 (Debian's firefox-esr 140) does not know, failing the call although the viewport
 * itself was set. Puppeteer tolerates the same for `setTouchOverride`; here that one command is
 * tolerated too, when Firefox answers that it does not know it. Any other error still fails.
 */
async function toleratePartialBidi(browser: Browser): Promise<void> {
  const [page] = await browser.pages();
  const context = (page?.mainFrame() as unknown as { browsingContext?: object } | undefined)?.browsingContext;
  const prototype = context && (Object.getPrototypeOf(context) as Record<string, unknown>);
  if (!prototype || tolerant.has(prototype)) return;
  const original = prototype['setScreenOrientationOverride'] as (...args: unknown[]) => Promise<void>;
  prototype['setScreenOrientationOverride'] = async function (this: unknown, ...args: unknown[]) {
    try {
      await original.apply(this, args);
    } catch (error) {
      if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error))) throw error;
    }
  };
  tolerant.add(prototype);
}

/**
 * The browsers of one engine for a test file: one, launched when first asked for, and in
 * Firefox one more for each launch-time setting a test asks for (a dark system, JavaScript
 * off), each launched once for the file. `close()` closes them all.
 */
export function browserPool(engine: Engine): {
  engine: Engine;
  browser: (options?: LaunchOptions) => Promise<Browser>;
  close: () => Promise<void>;
} {
  const sessions = new Map<string, Promise<BrowserSession>>();
  return {
    engine,
    browser: async (options = {}) => {
      const key = engine === 'firefox' ? `${options.colourScheme ?? 'light'} ${options.javaScript ?? true}` : '';
      let session = sessions.get(key);
      if (!session) {
        session = launchBrowser(engine, engine === 'firefox' ? options : {});
        sessions.set(key, session);
      }
      return (await session).browser;
    },
    close: async () => {
      for (const session of sessions.values()) await (await session.catch(() => undefined))?.close();
      sessions.clear();
    },
  };
}

/** What `inEachEngine` gives the tests it declares in one engine. */
export interface EngineSession {
  engine: Engine;
  /** The engine's browser, launched before the first test: call it inside tests. */
  browser: () => Browser;
  /** The engine's other browsers, for a launch-time setting (JavaScript off, a dark system). */
  browsers: ReturnType<typeof browserPool>;
}

/**
 * The tests `body` declares, once in each engine (`describe.each(ENGINES)`, "in chromium",
 * "in firefox"), with the engine's browser launched before them and every browser of the
 * engine closed after them.
 */
export function inEachEngine(body: (session: EngineSession) => void): void {
  describe.each(ENGINES)('in %s', (engine) => {
    const browsers = browserPool(engine);
    let launched: Browser | undefined;
    beforeAll(async () => {
      launched = await browsers.browser();
    });
    afterAll(async () => {
      await browsers.close();
    });
    const browser = () => {
      if (!launched) throw new Error(`The ${engine} browser is launched in beforeAll: ask for it inside a test.`);
      return launched;
    };
    body({ engine, browser, browsers });
  });
}

export interface SitesInChromium {
  /** The real site, built at the root (`siteDir`). */
  site: StaticServer;
  /** The component fixtures' site (`componentsSiteDir`). */
  components: StaticServer;
  browser: Browser;
}

/**
 * For a file of Chromium-only page tests: the real site and the component fixtures' site,
 * served on 127.0.0.1, and one Chromium, from before the file's first test to after its last.
 * The fields are there once the file's `beforeAll` has run: read them inside tests.
 */
export function sitesInChromium(): SitesInChromium {
  const served: Partial<SitesInChromium> = {};
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    served.site = await serveDirectory(inject('siteDir'));
    served.components = await serveDirectory(inject('componentsSiteDir'));
    session = await launchBrowser();
    served.browser = session.browser;
  });
  afterAll(async () => {
    await session?.close();
    await Promise.all([served.site?.close(), served.components?.close()]);
  });
  return served as SitesInChromium;
}

/**
 * Turns JavaScript off or on for one tab, before it loads a page. Chromium does it for the tab;
 * in Firefox it must be what the browser was launched with (`browserPool`), else it is an error.
 */
export async function setJavaScriptEnabled(tab: Page, enabled: boolean): Promise<void> {
  const browser = launched.get(tab.browser());
  if (browser?.engine !== 'firefox') return tab.setJavaScriptEnabled(enabled);
  if (browser.javaScript !== enabled) {
    throw new Error(
      `Firefox 140 over WebDriver BiDi cannot turn JavaScript ${enabled ? 'on' : 'off'} for a tab: launch one with { javaScript: ${enabled} }.`,
    );
  }
}

/**
 * Clicks the middle of the element `selector` names, with the mouse, once it is scrolled into
 * view. Puppeteer's `click()` first waits for a frame through a script in the page, which never
 * comes in a Firefox launched without JavaScript; this works in either engine, with or without.
 */
export async function clickMiddle(tab: Page, selector: string): Promise<void> {
  const { x, y } = await tab.$eval(selector, (element) => {
    element.scrollIntoView({ block: 'center', behavior: 'instant' });
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await tab.mouse.click(x, y);
}

/** The engine a tab or browser runs in. */
function engineOf(target: Page | Browser): Engine {
  return launched.get('mainFrame' in target ? target.browser() : target)?.engine ?? 'chromium';
}

/**
 * Emulates media features: in Chromium by the DevTools protocol, at any time. WebDriver BiDi
 * has no such command, so in Firefox the features are those it was launched with (reduced
 * motion, and its `colourScheme`): asking for another is an error that says to launch a
 * Firefox in that scheme, never a test that passes without what it asked for.
 */
export async function emulateMedia(tab: Page, features: MediaFeature[]): Promise<void> {
  const browser = launched.get(tab.browser());
  if (browser?.engine !== 'firefox') return tab.emulateMediaFeatures(features);
  for (const { name, value } of features) {
    const given = name === 'prefers-color-scheme' ? browser.colourScheme : name === 'prefers-reduced-motion' ? 'reduce' : undefined;
    if (given !== value) {
      throw new Error(
        `Firefox over WebDriver BiDi cannot emulate ${name}: ${value}; it was launched with ${name}: ${given ?? 'its default'}.` +
          (name === 'prefers-color-scheme' ? ` Launch one with launchBrowser('firefox', { colourScheme: '${value}' }).` : ''),
      );
    }
  }
}

/**
 * Shows the page as printed. Chromium emulates the print medium. WebDriver BiDi cannot, so in
 * Firefox the page's own style sheets are rewritten in place: each media query that names
 * print applies, and each that names screen does not. The rules are the page's, applied by
 * Firefox's engine; only the medium is the test's.
 */
export async function emulatePrint(tab: Page): Promise<void> {
  if (engineOf(tab) !== 'firefox') return tab.emulateMediaType('print');
  await tab.evaluate(() => {
    const asPrinted = (media: MediaList) => {
      const kept: string[] = [];
      for (const medium of [...media]) {
        if (/\bscreen\b/.test(medium)) continue;
        kept.push(medium.replace(/\bprint\b/, 'all'));
      }
      media.mediaText = kept.length > 0 ? kept.join(', ') : 'not all';
    };
    const visit = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) asPrinted(rule.media);
        if (rule instanceof CSSImportRule && rule.styleSheet) {
          asPrinted(rule.media);
          visit(rule.styleSheet.cssRules);
        }
        if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      if (sheet.media.length > 0) asPrinted(sheet.media);
      visit(sheet.cssRules);
    }
  });
}

export interface WaitOptions {
  /** Milliseconds before it gives up: 30 s unless told, as puppeteer's. */
  timeout?: number;
  /** Milliseconds between two checks (Firefox; Chromium checks on every frame unless told). */
  polling?: number;
}

/**
 * Waits until `check`, run on the page, returns something truthy, as `page.waitForFunction`.
 * Puppeteer's own waits run their function through `new Function()` inside the page, which
 * Firefox holds to the page's Content-Security-Policy (no `unsafe-eval`: every page of the
 * site), so in Firefox the check is called from here, every `polling` ms, through WebDriver
 * BiDi's `script.callFunction`, which the policy does not govern. A page that navigates away
 * meanwhile is checked again once the next has loaded.
 */
export async function waitForFunction<Args extends unknown[]>(
  tab: Page,
  check: (...args: Args) => unknown,
  options: WaitOptions = {},
  ...args: Args
): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  if (engineOf(tab) !== 'firefox') {
    await tab.waitForFunction(
      check as (...args: unknown[]) => unknown,
      { timeout, ...(options.polling ? { polling: options.polling } : {}) },
      ...args,
    );
    return;
  }
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      if (await tab.evaluate(check as (...args: unknown[]) => unknown, ...args)) return;
      lastError = undefined;
    } catch (error) {
      // The page navigated while it was checked: check the next one.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Waiting failed: ${timeout} ms exceeded${lastError ? ` (last check: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.polling ?? 50));
  }
}

/** Waits until an element matches `selector`, as `page.waitForSelector` (in Firefox, as `waitForFunction` says why). */
export async function waitForSelector(tab: Page, selector: string, options: WaitOptions = {}): Promise<void> {
  if (engineOf(tab) !== 'firefox') {
    await tab.waitForSelector(selector, { timeout: options.timeout ?? 30_000 });
    return;
  }
  await waitForFunction(tab, (query: string) => document.querySelector(query) !== null, options, selector);
}

/**
 * Collects in `problems` what a page does wrong while it loads and runs: a Content-Security-
 * Policy violation (reported as an event on the document, whether or not it reaches the
 * console), a console error, and an uncaught error.
 */
export async function recordPageProblems(tab: Page, problems: string[]): Promise<void> {
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'an inline resource'}`);
    });
  });
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
}
