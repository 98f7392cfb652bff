import { expect, test } from 'vitest';
import {
  BROWSER_MISSING_MESSAGE,
  findBrowser,
  findFirefox,
  FIREFOX_MISSING_MESSAGE,
  requireBrowser,
  requireFirefox,
} from '../../scripts/lib/browser.ts';

test('PUPPETEER_EXECUTABLE_PATH wins, and a path that is not there finds nothing rather than a guess', () => {
  expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/bin/sh' })).toBe('/bin/sh');
  expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chromium' })).toBeUndefined();
});

test('a missing browser is an error that says exactly what to install', () => {
  expect(() => requireBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chromium' })).toThrow(BROWSER_MISSING_MESSAGE);
  expect(BROWSER_MISSING_MESSAGE).toContain('apt-get install -y chromium');
  expect(BROWSER_MISSING_MESSAGE).toContain('PUPPETEER_EXECUTABLE_PATH');
});

test('FIREFOX_EXECUTABLE_PATH wins for Firefox, and a missing Firefox says what to install', () => {
  expect(findFirefox({ FIREFOX_EXECUTABLE_PATH: '/bin/sh' })).toBe('/bin/sh');
  expect(findFirefox({ FIREFOX_EXECUTABLE_PATH: '/nowhere/firefox' })).toBeUndefined();
  expect(() => requireFirefox({ FIREFOX_EXECUTABLE_PATH: '/nowhere/firefox' })).toThrow(FIREFOX_MISSING_MESSAGE);
  expect(FIREFOX_MISSING_MESSAGE).toContain('apt-get install -y firefox-esr');
  expect(FIREFOX_MISSING_MESSAGE).toContain('FIREFOX_EXECUTABLE_PATH');
});
