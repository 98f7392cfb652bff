/**
 * Runs before the tests: makes sure a Chromium is there for pa11y-ci and the browser
 * tests. On Debian as root it installs Debian's package; anywhere else it says what to
 * install. It never downloads a browser build of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_MISSING_MESSAGE, findBrowser } from './lib/browser.ts';

const found = findBrowser();
if (found) {
  console.log(`Browser for the tests: ${found}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env['PUPPETEER_EXECUTABLE_PATH']) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get install -y chromium)…');
  const quiet = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
  execFileSync('apt-get', ['update', '-q'], quiet);
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], quiet);
  const installed = findBrowser();
  if (!installed) {
    console.error(BROWSER_MISSING_MESSAGE);
    process.exit(1);
  }
  console.log(`Browser for the tests: ${installed}`);
} else {
  console.error(BROWSER_MISSING_MESSAGE);
  process.exit(1);
}
