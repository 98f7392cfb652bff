import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer, { type Browser } from 'puppeteer-core';
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
