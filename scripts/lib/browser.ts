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

/** Where Firefox is usually installed, in the order they are tried: Debian's ESR first. */
const USUAL_FIREFOX_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
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

/**
 * Preferences for headless Firefox, over those puppeteer sets (which already turn off
 * updates, Safe Browsing's downloads and the new-tab page's feeds): no background traffic, as
 * for Chromium. Firefox would otherwise check for a captive portal, the network's
 * connectivity, add-on and plug-in updates, remote settings, certificate revocation, its
 * region, and send telemetry; every address a test may reach is on 127.0.0.1.
 */
export const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  'app.normandy.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.http3.enable': false,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.proxy.type': 0,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.sync.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

export const BROWSER_MISSING_MESSAGE = `No Chromium or Chrome was found for the browser tests.
Install one, then run the tests again:
  Debian or Ubuntu:  sudo apt-get install -y chromium
  macOS:             brew install --cask chromium
Or point PUPPETEER_EXECUTABLE_PATH at an installed Chrome or Chromium.`;

export const FIREFOX_MISSING_MESSAGE = `No Firefox was found for the browser tests, which run in Firefox too.
Install it, then run the tests again:
  Debian:            sudo apt-get install -y firefox-esr
  Ubuntu:            sudo apt-get install -y firefox
  macOS:             brew install --cask firefox
Or point FIREFOX_EXECUTABLE_PATH at an installed Firefox (version 129 or later, for WebDriver BiDi).`;

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

/** The Firefox to test in too: `FIREFOX_EXECUTABLE_PATH` if set, else the usual places. */
export function findFirefox(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env['FIREFOX_EXECUTABLE_PATH'];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return USUAL_FIREFOX_PATHS.find(isExecutable);
}

/** Like `findFirefox`, but a missing Firefox is an error that says what to install. */
export function requireFirefox(env: Record<string, string | undefined> = process.env): string {
  const path = findFirefox(env);
  if (!path) throw new Error(FIREFOX_MISSING_MESSAGE);
  return path;
}
