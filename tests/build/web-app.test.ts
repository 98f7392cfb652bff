import { HOST_FILES } from '../../src/publishing/host-headers.ts';
import { FEED_FILE } from '../../src/publishing/site-files.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { isDownload, precachedPath } from '../../src/offline/offline-routes.ts';
import { SITE_LIST_FILE, fileGroup, type SiteList } from '../../src/offline/offline-files.ts';
import { SOCIAL_CARD_DIR } from '../../src/publishing/social-card.ts';
import { parseSchemeTokens, themeColours } from '../../src/offline/web-manifest.ts';
import { readPage } from '../support/html.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';

const colours = themeColours(parseSchemeTokens(readFileSync(join(import.meta.dirname, '../../src/site/styles/tokens.css'), 'utf8')));

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

/** Every file of a built site, as a path relative to it. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe.each([
  { name: 'at the root', dir: () => inject('siteDir'), base: '/' },
  { name: `under ${SUB_PATH_BASE}`, dir: () => inject('subPathSiteDir'), base: SUB_PATH_BASE },
  { name: 'from the component fixtures', dir: () => inject('componentsSiteDir'), base: '/' },
])('the site built $name', ({ dir, base }) => {
  const fileOf = (url: string) => join(dir(), url.slice(base.length));

  test('has a web app manifest that starts and stays under the base path, in the light background colour', () => {
    const manifest = JSON.parse(readFileSync(join(dir(), 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      start_url: base,
      scope: base,
      display: 'standalone',
      background_color: colours.light,
      theme_color: colours.light,
    });
    expect(manifest['name']).toEqual(expect.any(String));
    expect(manifest['short_name']).toEqual(expect.any(String));
    expect(manifest['lang']).toBe('en');
  });

  test('every icon the manifest names exists at its stated size, and one is maskable', async () => {
    const { icons } = JSON.parse(readFileSync(join(dir(), 'manifest.webmanifest'), 'utf8')) as { icons: ManifestIcon[] };
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.filter((icon) => icon.purpose === 'maskable')).toHaveLength(1);
    for (const icon of icons) {
      expect(icon.src.startsWith(`${base}icons/`), icon.src).toBe(true);
      const { width, height, format } = await sharp(fileOf(icon.src)).metadata();
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      expect(format).toBe('png');
    }
    // A maskable icon is opaque: its corners are the background colour.
    const maskable = icons.find((icon) => icon.purpose === 'maskable')!;
    const { data } = await sharp(fileOf(maskable.src))
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(`#${[...data.subarray(0, 3)].map((value) => value.toString(16).padStart(2, '0')).join('')}`).toBe(colours.light);
    expect(data[3]).toBe(255);
  });

  test('every page links the manifest, the theme colours of both schemes and a 180 px apple-touch-icon', async () => {
    for (const page of listPages(dir())) {
      const document = readPage(dir(), page);
      expect(document.querySelector('link[rel="manifest"]')?.getAttribute('href'), page).toBe(`${base}manifest.webmanifest`);
      const themes = [...document.querySelectorAll('meta[name="theme-color"]')].map((meta) => [
        meta.getAttribute('media'),
        meta.getAttribute('content'),
      ]);
      expect(themes, page).toEqual([
        ['(prefers-color-scheme: light)', colours.light],
        ['(prefers-color-scheme: dark)', colours.dark],
      ]);
    }
    const touchIcon = readPage(dir(), '').querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href') ?? '';
    const { width, height, hasAlpha } = await sharp(fileOf(touchIcon)).metadata();
    expect([width, height]).toEqual([180, 180]);
    // iOS shows transparency as black: the icon is flattened, or its alpha is all opaque.
    if (hasAlpha) expect((await sharp(fileOf(touchIcon)).stats()).isOpaque).toBe(true);
  });

  test('sw.js precaches the shell only; offline-site.json lists every other file a reader can open, with its size', () => {
    const precached = readPrecacheManifest(readFileSync(join(dir(), 'sw.js'), 'utf8')).map((entry) => entry.url);
    const files = siteFiles(dir());
    // The pages every reader needs, whatever the number of essays, and no essay.
    expect(precached).toEqual(expect.arrayContaining(['index.html', '404.html', 'offline/index.html', 'search/index.html']));
    expect(precached).toEqual(expect.arrayContaining(['manifest.webmanifest', 'favicon.svg']));
    expect(precached.filter((url) => url.startsWith('essays/') || url.startsWith('page/'))).toEqual([]);
    // The search index's code and metadata, not its chunks and fragments.
    expect(precached.filter((url) => url.startsWith('pagefind/')).length).toBeGreaterThan(3);
    expect(precached.filter((url) => /^pagefind\/(?:[^/]+\/)?(?:index|fragment|filter)\//.test(url))).toEqual([]);
    expect(precached.filter((url) => url.startsWith('_astro/') && !/\.(?:css|js)$/.test(url))).toEqual([]);

    const list = JSON.parse(readFileSync(join(dir(), SITE_LIST_FILE), 'utf8')) as SiteList;
    const listed = [...list.site, ...list.downloads].map((file) => precachedPath(file.url));
    // Every file is in the shell or the list, but the social cards (for link previews, not
    // readers), the worker and its list, the crawlers' files, and what is written after it:
    // the feed and the host's files.
    const neither = new Set<string>(['sw.js', SITE_LIST_FILE, FEED_FILE, 'robots.txt', ...HOST_FILES]);
    const isNeither = (file: string) => neither.has(file) || file.startsWith(`${SOCIAL_CARD_DIR}/`) || /^sitemap[^/]*\.xml$/.test(file);
    expect([...precached, ...listed].sort()).toEqual(files.filter((file) => !isNeither(file)).sort());
    expect(files.filter((file) => fileGroup(file) === 'none')).toEqual(files.filter(isNeither));
    expect(list.downloads.map((file) => file.url).every(isDownload)).toBe(true);
    for (const file of [...list.site, ...list.downloads])
      expect(file.bytes, file.url).toBe(statSync(join(dir(), precachedPath(file.url))).size);
    expect(list.essays).toBe(listPages(dir()).filter((page) => /^essays\/[^/]+\/$/.test(page)).length);
  });
});

test('the component fixtures have downloads beside their pages, and the precache leaves each one out', () => {
  const dir = inject('componentsSiteDir');
  const downloads = siteFiles(dir).filter(isDownload);
  // The build writes an EPUB and a single-file HTML for every essay.
  expect(downloads.length).toBeGreaterThan(0);
  const precached = new Set(readPrecacheManifest(readFileSync(join(dir, 'sw.js'), 'utf8')).map((entry) => entry.url));
  for (const download of downloads) expect(precached.has(download), download).toBe(false);
});
