import { expect, test } from 'vitest';
import { sitesInChromium } from '../support/browser-session.ts';

/**
 * Where keyboard focus is when a search sent from the header's field arrives on the search
 * page (issue 21): on the status that says what was found, which a screen reader then reads,
 * not on the page's body. On the component fixtures, whose "harvest" is in one essay.
 */
const served = sitesInChromium();

test('searching from the header field lands focus on the status that says what was found, then Tab goes on to the results', async () => {
  const tab = await served.browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(new URL('essays/notes/', served.components.url).href);
  await tab.type('#header-search-query', 'harvest');
  await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
  await tab.waitForSelector('.search-result', { timeout: 20_000 });
  await tab.waitForFunction(() => document.activeElement !== document.body, { timeout: 5000 });
  const focused = await tab.evaluate(() => {
    const active = document.activeElement as HTMLElement;
    return {
      role: active.getAttribute('role'),
      text: active.textContent ?? '',
      tabIndex: active.tabIndex,
      visible: active.checkVisibility(),
    };
  });
  expect(focused).toMatchObject({ role: 'status', tabIndex: -1, visible: true });
  expect(focused.text).toContain('“harvest”');
  // What a screen reader reads there: the status, by its words.
  const node = await tab.accessibility.snapshot({ root: (await tab.$('[data-search-status]'))!, interestingOnly: false });
  expect(JSON.stringify(node)).toContain('harvest');
  await tab.keyboard.press('Tab');
  expect(await tab.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
  await tab.close();
});

test('a reader who moved to the field before the answer came keeps focus there', async () => {
  const tab = await served.browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  // Search is slow to start (its index loads), so focus the field at once, before any answer.
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('DOMContentLoaded', () => document.querySelector<HTMLInputElement>('#search-query')?.focus());
  });
  await tab.goto(new URL('search/?q=harvest', served.components.url).href);
  await tab.waitForSelector('.search-result', { timeout: 20_000 });
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('search-query');
  await tab.close();
});
