import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { SOCIAL_CARD_DIR, type CardText } from '../../src/publishing/social-card.ts';
import { drawSocialCard, loadCardFonts, readCardColours } from '../../src/publishing/write-social-cards.ts';
import { buildSite, ROOT, type BuildResult } from '../support/build-site.ts';
import { readPage } from '../support/html.ts';

// The fixture essays of tests/fixtures/social-cards/, built twice with SITE_URL and one
// cache folder: a 200-character title, a French title with Latin Extended letters, a short
// Spanish one, titles in Greek, Cyrillic, Hebrew, Devanagari, Korean and Chinese, and a draft.
// And the essays of tests/fixtures/scripts/ (Arabic, Greek, Japanese), built once.
const SITE = 'https://essays.example';
const scratch = mkdtempSync(join(ROOT, '.tmp', 'social-cards-'));
const cacheDir = join(scratch, 'cache');
const cards = join(cacheDir, 'social-cards');
let first: BuildResult;
let second: BuildResult;
let scripts: BuildResult;
let cachedAfterFirst: Array<[string, number]>;

const SLUGS = ['chasy', 'chronos', 'clocks', 'horloges', 'relojes', 'samay', 'shaon', 'sigye', 'zhongbiao'];
const build = () => buildSite({ ESSAYS_DIR: 'tests/fixtures/social-cards', SITE_URL: SITE, CACHE_DIR: cacheDir });
const cachedFiles = () => readdirSync(cards).map((name): [string, number] => [name, statSync(join(cards, name)).mtimeMs]);

beforeAll(() => {
  first = build();
  if (first.status !== 0) throw new Error(`The social-card fixtures did not build:\n${first.output}`);
  cachedAfterFirst = cachedFiles();
  second = build();
  if (second.status !== 0) throw new Error(`The social-card fixtures did not build again:\n${second.output}`);
  scripts = buildSite({ ESSAYS_DIR: 'tests/fixtures/scripts', SITE_URL: SITE, CACHE_DIR: join(scratch, 'scripts-cache') });
  if (scripts.status !== 0) throw new Error(`The script fixtures did not build:\n${scripts.output}`);
}, 300_000);
afterAll(() => {
  for (const result of [first, second, scripts]) if (result) rmSync(dirname(result.outDir), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

test('each essay has a 1200 by 630 PNG card of its own, named by its page, whatever its script', async () => {
  const site = first.outDir;
  const slugs = listEssaySlugs(site);
  expect(slugs).toEqual(SLUGS);
  const hashes = new Set<string>();
  for (const slug of SLUGS) {
    const file = join(site, SOCIAL_CARD_DIR, `${slug}.png`);
    const page = readPage(site, `essays/${slug}/`);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content'), slug).toBe(`${SITE}/${SOCIAL_CARD_DIR}/${slug}.png`);
    expect(page.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), slug).toBe('summary_large_image');
    const { format, width, height } = await sharp(file).metadata();
    expect([format, width, height], slug).toEqual(['png', 1200, 630]);
    hashes.add(createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  expect(hashes.size).toBe(SLUGS.length);
  // The 200-character title is drawn (the unit tests check that it fits).
  expect(readPage(site, 'essays/clocks/').querySelector('h1')?.textContent).toHaveLength(200);
  // A draft has neither page nor card.
  expect(readdirSync(join(site, SOCIAL_CARD_DIR)).sort()).toEqual(SLUGS.map((slug) => `${slug}.png`));
  expect(first.output).toMatch(
    /Social cards: 9 drawn and 0 reused from the cache, in Source Serif 4, Noto Serif Devanagari, Noto Serif Hebrew, Noto Serif KR, Noto Serif SC, in [\d.]+ s\.\n/,
  );
});

/** The title of a built card, and of the same card drawn with the Latin fonts alone, in which every other letter is one empty box. */
async function titles(site: string, slug: string, text: CardText) {
  const area = (png: Buffer | string) => sharp(png).extract({ left: 80, top: 80, width: 1040, height: 300 }).raw().toBuffer();
  const boxes = await drawSocialCard(text, readCardColours(), loadCardFonts({ title: 'a', siteTitle: 'Essays', lang: 'en' }));
  return { card: await area(join(site, SOCIAL_CARD_DIR, `${slug}.png`)), boxes: await area(boxes.png) };
}

test('the Arabic, Greek and Japanese fixtures’ cards show their titles in their own letters, not empty boxes', async () => {
  const site = scripts.outDir;
  expect(listEssaySlugs(site)).toEqual(['al-saat', 'chronos-kai-roloi', 'tokei-to-jikan']);
  for (const slug of listEssaySlugs(site)) {
    const page = readPage(site, `essays/${slug}/`);
    const text = {
      title: page.querySelector('h1')?.textContent ?? '',
      siteTitle: 'Essays',
      lang: page.documentElement.getAttribute('lang') ?? '',
    };
    const { card, boxes } = await titles(site, slug, text);
    expect(card.equals(boxes), slug).toBe(false);
    // And the card is the one the unit tests check, drawn in the fonts its title needs.
    const drawn = await drawSocialCard(text, readCardColours(), loadCardFonts(text));
    expect((await sharp(drawn.png).extract({ left: 80, top: 80, width: 1040, height: 300 }).raw().toBuffer()).equals(card), slug).toBe(
      true,
    );
  }
  expect(scripts.output).toMatch(
    /Social cards: 3 drawn and 0 reused from the cache, in Source Serif 4, Noto Sans Arabic, Noto Serif JP, in/,
  );
});

test('a second build copies every card from the cache, drawing none: the cached files are not written again', () => {
  expect(second.output).toMatch(/Social cards: 0 drawn and 9 reused from the cache/);
  expect(cachedAfterFirst).toHaveLength(SLUGS.length);
  expect(cachedFiles()).toEqual(cachedAfterFirst);
  for (const slug of SLUGS) {
    const card = (result: BuildResult) => readFileSync(join(result.outDir, SOCIAL_CARD_DIR, `${slug}.png`));
    expect(card(second).equals(card(first)), slug).toBe(true);
  }
});

test('a title no card font can draw stops the build, naming the essay file, the character and its code point, and the fix', () => {
  const result = buildSite({
    ESSAYS_DIR: 'tests/fixtures/social-cards-undrawable',
    SITE_URL: SITE,
    CACHE_DIR: join(scratch, 'undrawable-cache'),
  });
  try {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The social card of 1 essay(s) cannot be drawn');
    expect(result.output).toContain('tests/fixtures/social-cards-undrawable/private.mdx: "\uE000" (U+E000)');
    expect(result.output).toContain('Fix: write the title without them');
    expect(existsSync(result.outDir)).toBe(false);
  } finally {
    rmSync(dirname(result.outDir), { recursive: true, force: true });
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
