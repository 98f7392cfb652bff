import { accessSync, constants } from 'node:fs';

/** Where Chromium or Chrome is usually installed, in the order they are tried. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Flags for headless Chromium on a CI machine: no sandbox (CI runs as root), and no
 * background traffic (the machine has no network, and no test may talk to the outside).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const BROWSER_MISSING_MESSAGE = `No Chromium or Chrome was found for the browser tests.
Install one, then run the tests again:
  Debian or Ubuntu:  sudo apt-get install -y chromium
  macOS:             brew install --cask chromium
Or point PUPPETEER_EXECUTABLE_PATH at an installed Chrome or Chromium.`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to test in: `PUPPETEER_EXECUTABLE_PATH` or `CHROME_PATH` if set, else the usual places. */
export function findBrowser(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'] || env['CHROME_PATH'];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return USUAL_PATHS.find(isExecutable);
}

/** Like `findBrowser`, but a missing browser is an error that says what to install. */
export function requireBrowser(env: Record<string, string | undefined> = process.env): string {
  const path = findBrowser(env);
  if (!path) throw new Error(BROWSER_MISSING_MESSAGE);
  return path;
}
