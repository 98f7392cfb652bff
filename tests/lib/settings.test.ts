import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { normaliseBase, readSettings, SETTINGS, SettingsError } from '../../src/lib/settings.ts';
import { ROOT } from '../support/build-site.ts';

test('with no variables set, every setting has its default', () => {
  expect(readSettings({})).toEqual({
    site: undefined,
    base: '/',
    siteTitle: 'Essays',
    siteLang: 'en',
    essaysDir: 'content/essays',
    outDir: 'dist',
    cacheDir: undefined,
    requireSources: false,
    strict: false,
    essaysPerPage: 50,
    accessibilityContact: undefined,
  });
  expect(readSettings({ STRICT: '1' }).strict).toBe(true);
});

test('a contact for barriers is an email address (as a mailto: link) or a web page; anything else is refused with the fix', () => {
  expect(readSettings({ ACCESSIBILITY_CONTACT: ' access@essays.example ' }).accessibilityContact).toBe('mailto:access@essays.example');
  expect(readSettings({ ACCESSIBILITY_CONTACT: 'https://essays.example/contact/' }).accessibilityContact).toBe(
    'https://essays.example/contact/',
  );
  expect(() => readSettings({ ACCESSIBILITY_CONTACT: 'javascript:alert(1)' })).toThrow(
    /ACCESSIBILITY_CONTACT="javascript:alert\(1\)" must be an email address.*ACCESSIBILITY_CONTACT=access@essays\.example/,
  );
  expect(() => readSettings({ ACCESSIBILITY_CONTACT: 'the editor' })).toThrow(SettingsError);
});

test('the essays per page of the home page are a whole number, at least 1', () => {
  expect(readSettings({ ESSAYS_PER_PAGE: ' 20 ' }).essaysPerPage).toBe(20);
  for (const bad of ['0', '-3', '2.5', 'ten'])
    expect(() => readSettings({ ESSAYS_PER_PAGE: bad }), bad).toThrow(/ESSAYS_PER_PAGE=".*" must be a whole number.*ESSAYS_PER_PAGE=20/);
});

test('values are trimmed and normalised', () => {
  const settings = readSettings({
    SITE_URL: ' https://example.org/ignored/ ',
    BASE_PATH: 'reading',
    SITE_TITLE: '  Notes  ',
    ESSAYS_DIR: 'tests/x',
    REQUIRE_SOURCES: '1',
  });
  expect(settings).toMatchObject({
    site: 'https://example.org',
    base: '/reading/',
    siteTitle: 'Notes',
    essaysDir: 'tests/x',
    requireSources: true,
  });
  expect(readSettings({ REQUIRE_SOURCES: 'true' }).requireSources).toBe(true);
  expect(readSettings({ REQUIRE_SOURCES: '0', SITE_TITLE: ' ' })).toMatchObject({ requireSources: false, siteTitle: 'Essays' });
});

test('the base path is normalised to start and end with a slash', () => {
  expect(normaliseBase(undefined)).toBe('/');
  expect(normaliseBase('/')).toBe('/');
  expect(normaliseBase('essays')).toBe('/essays/');
  expect(normaliseBase('/a/b//')).toBe('/a/b/');
  expect(() => normaliseBase('/a/../b')).toThrow(/BASE_PATH/);
});

test('every bad value is reported at once, with the variable, its value and one that works', () => {
  let error: unknown;
  try {
    readSettings({ SITE_URL: 'example.com', BASE_PATH: '/a b/', REQUIRE_SOURCES: 'yes', OUT_DIR: 'https://x' });
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(SettingsError);
  expect((error as Error).message).toBe(
    [
      'The build settings have 4 problems:',
      '  SITE_URL="example.com" must be an absolute URL that starts with https:// or http://, such as SITE_URL=https://essays.example',
      '  BASE_PATH="/a b/" must be a plain path, without spaces, "..", "?" or "#", such as BASE_PATH=/reading-room/',
      '  OUT_DIR="https://x" must be a folder such as OUT_DIR=public_html',
      '  REQUIRE_SOURCES="yes" must be 1 (or true) to require sources, 0 (or false) not to, such as REQUIRE_SOURCES=1',
      '  Fix: set the variable as shown, or unset it for its default (see "Settings" in the README).',
    ].join('\n'),
  );
  expect(() => readSettings({ SITE_URL: 'ftp://example.org' })).toThrow(/SITE_URL="ftp:\/\/example.org" must be an absolute URL/);
});

test('the README documents every setting, in one table', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const { variable, default: fallback } of SETTINGS) {
    expect(readme, variable).toMatch(new RegExp(`^\\| \`${variable}\` +\\| ${fallback.replace(/[()/.]/g, '\\$&')} +\\|`, 'm'));
  }
});
