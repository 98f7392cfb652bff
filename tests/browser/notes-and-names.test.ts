import type { Page, SerializedAXNode } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { sitesInChromium } from '../support/browser-session.ts';

/**
 * What a screen reader is told (the accessibility tree Chromium builds) for scenario titles
 * and note references, and a phone's note preview once its link to the notes is followed
 * (issue 21). On the component fixtures (tests/fixtures/components/).
 */
const served = sitesInChromium();

async function open(path: string, width: number): Promise<Page> {
  const page = await served.browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(new URL(path, served.components.url).href, { waitUntil: 'load' });
  return page;
}

/** Every name in an accessibility subtree, the root's first, as a screen reader walks it. */
function names(node: SerializedAXNode | null): string[] {
  if (!node) return [];
  return [...(node.name ? [node.name] : []), ...(node.children ?? []).flatMap(names)];
}

test('a scenario title is read "Scénario 3: Drought", with no space before the colon', async () => {
  const page = await open('essays/structure/', 1280);
  const headings = await page.$$('.scenario-title');
  expect(headings.length).toBeGreaterThan(3);
  for (const heading of headings) {
    const node = await page.accessibility.snapshot({ root: heading, interestingOnly: false });
    expect(node?.role).toBe('heading');
    expect(node?.name).toMatch(/^Scénario \d+: \S/);
    expect(node?.name).not.toContain(' :');
  }
  await page.close();
});

test.each([375, 1280])('at %i px, a note reference is read by its name alone: no word joiner in it or before it', async (width) => {
  const page = await open('essays/notes/', width);
  const references = await page.$$('sup.note-ref');
  expect(references.length).toBeGreaterThan(20);
  for (const reference of references) {
    const read = names(await page.accessibility.snapshot({ root: reference, interestingOnly: false }));
    // The reference's control (a link beside margin notes, a button on a phone) comes first, named "Note 3".
    expect(read[0]).toMatch(/^Note \d+[a-z]?(, |$)/);
    expect(read.join(' ')).not.toContain('\u2060');
  }
  // Still the numeral stays with the word before it: the joiner is there for line breaking, generated.
  const joiner = await page.$eval('sup.note-ref', (sup) => getComputedStyle(sup, '::before').content);
  expect(joiner).toContain('\u2060');
  await page.close();
});

test('a phone’s note preview closes when its "Note 3" link is followed, and is not over the text back at the reference', async () => {
  const page = await open('essays/notes/', 375);
  await page.focus('button[popovertarget="notes.preview-3"]');
  await page.keyboard.press('Enter');
  expect(await page.$eval('[id="notes.preview-3"]', (popover) => popover.matches(':popover-open'))).toBe(true);
  // Tab to the preview's link to the note, and follow it.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Note 3');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#notes.note-3');
  await page.waitForFunction(() => document.querySelector(':popover-open') === null, { timeout: 2000 });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes.note-3');

  // Back by the note's back-link: the reference, and the lines above it, are clear.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#notes.ref-'));
  expect(await page.evaluate(() => document.querySelector(':popover-open'))).toBeNull();
  await page.close();
});

test('a preview opened by a pointer closes too when its link is clicked', async () => {
  const page = await open('essays/notes/', 375);
  await page.click('button[popovertarget="notes.preview-5"]');
  expect(await page.$eval('[id="notes.preview-5"]', (popover) => popover.matches(':popover-open'))).toBe(true);
  await page.click('[id="notes.preview-5"] .sidenote-label');
  await page.waitForFunction(() => location.hash === '#notes.note-5');
  await page.waitForFunction(() => document.querySelector(':popover-open') === null, { timeout: 2000 });
  await page.close();
});
