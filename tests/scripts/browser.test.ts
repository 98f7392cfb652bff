import { expect, test } from 'vitest';
import { BROWSER_MISSING_MESSAGE, findBrowser, requireBrowser } from '../../scripts/lib/browser.ts';

test('PUPPETEER_EXECUTABLE_PATH wins, and a path that is not there finds nothing rather than a guess', () => {
  expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/bin/sh' })).toBe('/bin/sh');
  expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chromium' })).toBeUndefined();
});

test('a missing browser is an error that says exactly what to install', () => {
  expect(() => requireBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chromium' })).toThrow(BROWSER_MISSING_MESSAGE);
  expect(BROWSER_MISSING_MESSAGE).toContain('apt-get install -y chromium');
  expect(BROWSER_MISSING_MESSAGE).toContain('PUPPETEER_EXECUTABLE_PATH');
});
