import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  MASKABLE_SAFE_ZONE,
  WEB_APP_ICONS,
  findIcon,
  iconArtworkBox,
  parseSchemeTokens,
  shortName,
  themeColours,
  webAppManifest,
} from '../../src/offline/web-manifest.ts';

const TOKENS = `
/* A comment with :root { --color-bg: #000000; } inside. */
:root {
  color-scheme: light dark;
  --color-bg: #fdfcfa;
  --color-text: #1c1b19;
}
@media (prefers-color-scheme: dark) {
  :root {
    /* Dark scheme. */
    --color-bg: #15171a;
  }
}
`;

test('the light tokens come from :root, the dark ones from the dark media query, inheriting the rest', () => {
  const tokens = parseSchemeTokens(TOKENS);
  expect(tokens.light).toEqual({ '--color-bg': '#fdfcfa', '--color-text': '#1c1b19' });
  expect(tokens.dark).toEqual({ '--color-bg': '#15171a', '--color-text': '#1c1b19' });
  expect(themeColours(tokens)).toEqual({ light: '#fdfcfa', dark: '#15171a' });
});

test('the same file is parsed once and its tokens shared, frozen; another file is parsed anew', () => {
  const tokens = parseSchemeTokens(TOKENS);
  expect(parseSchemeTokens(TOKENS)).toBe(tokens);
  expect(Object.isFrozen(tokens.light) && Object.isFrozen(tokens.dark)).toBe(true);
  const other = parseSchemeTokens(':root { --color-bg: #000; }');
  expect(other).not.toBe(tokens);
  expect(other.light).toEqual({ '--color-bg': '#000000' });
});

test('the dark block may come first; colours are read back as six hex digits', () => {
  const darkFirst = '@media (prefers-color-scheme: dark) { :root { --color-bg: #111; } }\n:root { --color-bg: #eee; }';
  expect(themeColours(parseSchemeTokens(darkFirst))).toEqual({ light: '#eeeeee', dark: '#111111' });
});

test('only :root itself counts, at the top level or in the dark media query, not under @supports', () => {
  const tokens = parseSchemeTokens(`
    :root { --color-bg: #fdfcfa; }
    html, :root { --color-bg: #000000; }
    @supports not (color: light-dark(#000, #fff)) { :root { --color-bg: #ffffff; } }
    @media print { :root { --color-bg: #ffffff; } }
  `);
  expect(tokens).toEqual({ light: { '--color-bg': '#fdfcfa' }, dark: { '--color-bg': '#fdfcfa' } });
});

test('a light-dark() value gives each scheme its own colour; a dark media query still wins', () => {
  const tokens = parseSchemeTokens(`
    :root {
      color-scheme: light dark;
      --color-bg: light-dark(#fdfcfa, #15171a);
      --color-text: light-dark( #1c1b19 , #e9e6e0 );
      --font-ui: system-ui, sans-serif;
    }
    :root[data-scheme='dark'] { color-scheme: dark; }
    @media (prefers-color-scheme: dark) { :root { --color-text: #fff; } }
  `);
  expect(tokens.light).toEqual({ '--color-bg': '#fdfcfa', '--color-text': '#1c1b19', '--font-ui': 'system-ui, sans-serif' });
  expect(tokens.dark).toEqual({ '--color-bg': '#15171a', '--color-text': '#ffffff', '--font-ui': 'system-ui, sans-serif' });
});

test('the theme colours are read from the real token file', () => {
  const css = readFileSync(join(import.meta.dirname, '../../src/site/styles/tokens.css'), 'utf8');
  const { light, dark } = themeColours(parseSchemeTokens(css));
  expect(light).toMatch(/^#[0-9a-f]{6}$/i);
  expect(dark).toMatch(/^#[0-9a-f]{6}$/i);
  expect(light).not.toBe(dark);
});

test('a token file without --color-bg is an error that names the token', () => {
  expect(() => themeColours(parseSchemeTokens(':root { --color-text: #000; }'))).toThrow(/--color-bg/);
});

test('the short name is the title when it fits, else its first words, else its first 12 characters', () => {
  expect(shortName('Essays')).toBe('Essays');
  expect(shortName('Twelve chars')).toBe('Twelve chars');
  expect(shortName('The Reading Room')).toBe('The Reading');
  expect(shortName('Überlegungsfreiheit')).toBe('Überlegungsf');
});

test('the manifest starts and stays under the base path, in the light background colour', () => {
  const manifest = webAppManifest({ title: 'The Reading Room', base: '/reading/room/', background: '#fdfcfa' });
  expect(manifest).toMatchObject({
    id: '/reading/room/',
    name: 'The Reading Room',
    short_name: 'The Reading',
    lang: 'en',
    start_url: '/reading/room/',
    scope: '/reading/room/',
    display: 'standalone',
    background_color: '#fdfcfa',
    theme_color: '#fdfcfa',
  });
  expect(manifest.icons).toEqual([
    { src: '/reading/room/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/reading/room/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/reading/room/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ]);
});

test('the maskable icon keeps the whole favicon inside the safe zone, on the background colour', () => {
  const maskable = WEB_APP_ICONS.filter((icon) => icon.purpose === 'maskable');
  expect(maskable).toHaveLength(1);
  for (const icon of maskable) {
    const { side, offset } = iconArtworkBox(icon);
    // The favicon's corners are the farthest points from the centre: half its diagonal.
    expect((side * Math.SQRT2) / 2).toBeLessThanOrEqual((icon.size * MASKABLE_SAFE_ZONE) / 2);
    expect(offset * 2 + side).toBeLessThanOrEqual(icon.size);
    expect(icon.opaque).toBe(true);
  }
});

test('the usual sizes are there, and the apple-touch-icon is opaque, as iOS needs', () => {
  expect(WEB_APP_ICONS.map((icon) => `${icon.name} ${icon.size}`)).toEqual([
    'icon-192 192',
    'icon-512 512',
    'icon-maskable-512 512',
    'apple-touch-icon 180',
  ]);
  expect(findIcon('apple-touch-icon')).toMatchObject({ size: 180, opaque: true });
  expect(findIcon('nothing')).toBeUndefined();
  expect(iconArtworkBox({ name: 'x', size: 192, purpose: 'any', artwork: 1, opaque: false })).toEqual({ side: 192, offset: 0 });
});
