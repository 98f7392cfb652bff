import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { SOCIAL_CARD_DIR } from '../../src/publishing/social-card.ts';
import { buildSite, ROOT, type BuildResult } from '../support/build-site.ts';
import { readPage } from '../support/html.ts';

// The fixture essays of tests/fixtures/social-cards/, built twice with SITE_URL and one
// cache folder: a 200-character title, a French title with Latin Extended letters, a short
// Spanish one, a Greek one (which the card's font cannot draw) and a draft.
const SITE = 'https://essays.example';
const scratch = mkdtempSync(join(ROOT, '.tmp', 'social-cards-'));
const cacheDir = join(scratch, 'cache');
const cards = join(cacheDir, 'social-cards');
let first: BuildResult;
let second: BuildResult;
let cachedAfterFirst: Array<[string, number]>;

const build = () => buildSite({ ESSAYS_DIR: 'tests/fixtures/social-cards', SITE_URL: SITE, CACHE_DIR: cacheDir });
const cachedFiles = () => readdirSync(cards).map((name): [string, number] => [name, statSync(join(cards, name)).mtimeMs]);

beforeAll(() => {
  first = build();
  if (first.status !== 0) throw new Error(`The social-card fixtures did not build:\n${first.output}`);
  cachedAfterFirst = cachedFiles();
  second = build();
  if (second.status !== 0) throw new Error(`The social-card fixtures did not build again:\n${second.output}`);
}, 300_000);
afterAll(() => {
  for (const result of [first, second]) if (result) rmSync(dirname(result.outDir), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

test('each essay whose title the font can draw has a 1200 by 630 PNG card of its own, named by its page', async () => {
  const site = first.outDir;
  const slugs = listEssaySlugs(site);
  expect(slugs).toEqual(['chronos', 'clocks', 'horloges', 'relojes']);
  const hashes = new Set<string>();
  for (const slug of ['clocks', 'horloges', 'relojes']) {
    const file = join(site, SOCIAL_CARD_DIR, `${slug}.png`);
    const page = readPage(site, `essays/${slug}/`);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content'), slug).toBe(`${SITE}/${SOCIAL_CARD_DIR}/${slug}.png`);
    const { format, width, height } = await sharp(file).metadata();
    expect([format, width, height], slug).toEqual(['png', 1200, 630]);
    hashes.add(createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  expect(hashes.size).toBe(3);
  // The 200-character title is drawn (the unit tests check that it fits).
  expect(readPage(site, 'essays/clocks/').querySelector('h1')?.textContent).toHaveLength(200);
  // A Greek title gets no card rather than empty boxes, and its page names none; a draft has neither page nor card.
  expect(readPage(site, 'essays/chronos/').querySelector('meta[property="og:image"]')).toBeNull();
  expect(readPage(site, 'essays/chronos/').querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  expect(readdirSync(join(site, SOCIAL_CARD_DIR)).sort()).toEqual(['clocks.png', 'horloges.png', 'relojes.png']);
  expect(first.output).toMatch(/Social cards: 3 drawn and 0 reused from the cache, in [\d.]+ s\. None for 1 essay\(s\) \(chronos\)/);
});

test('a second build copies every card from the cache, drawing none: the cached files are not written again', () => {
  expect(second.output).toMatch(/Social cards: 0 drawn and 3 reused from the cache/);
  expect(cachedAfterFirst).toHaveLength(3);
  expect(cachedFiles()).toEqual(cachedAfterFirst);
  for (const slug of ['clocks', 'horloges', 'relojes']) {
    const card = (result: BuildResult) => readFileSync(join(result.outDir, SOCIAL_CARD_DIR, `${slug}.png`));
    expect(card(second).equals(card(first)), slug).toBe(true);
  }
});

test('the service worker does not precache the cards', () => {
  const precached = readPrecacheManifest(readFileSync(join(first.outDir, 'sw.js'), 'utf8')).map((entry) => entry.url);
  expect(precached.length).toBeGreaterThan(10);
  expect(precached.filter((url) => url.startsWith(`${SOCIAL_CARD_DIR}/`))).toEqual([]);
});

test('without SITE_URL no card is drawn, and the log says why', () => {
  const result = buildSite({ ESSAYS_DIR: 'tests/fixtures/social-cards', CACHE_DIR: join(scratch, 'no-site-cache') });
  try {
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(result.outDir, SOCIAL_CARD_DIR))).toBe(false);
    expect(result.output).toContain('Feed, sitemap and social cards: none, as they need absolute addresses.');
    expect(result.output).not.toMatch(/Social cards:/);
    // The fixtures' draft is skipped, and the log says so, once.
    expect(
      result.output.match(/Draft, not published: tests\/fixtures\/social-cards\/unfinished\.mdx \(draft: true in its frontmatter\)\./g),
    ).toHaveLength(1);
  } finally {
    rmSync(dirname(result.outDir), { recursive: true, force: true });
  }
});
