import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, requireBrowser } from '../../scripts/lib/browser.ts';

/** Starts the system Chromium headless with a fresh profile; `close()` removes the profile. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'essay-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: requireBrowser(),
    headless: true,
    args: CHROMIUM_ARGS,
    userDataDir,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
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
