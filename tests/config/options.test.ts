import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { configurationDoc } from '../../src/config/docs.ts';
import { ENVIRONMENT } from '../../src/config/environment.ts';
import { describeOptions, normaliseBase } from '../../src/config/options.ts';
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts';
import { ROOT } from '../support/build-site.ts';

const ASTRO_DEFAULTS = { site: undefined, base: '/' };
const resolve = (options: Parameters<typeof resolveConfig>[0], env: Record<string, string> = {}) =>
  resolveConfig(options, env, ASTRO_DEFAULTS);

/** The message of the error `run` throws. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('with no options and no variables, every option has its default', () => {
  expect(resolve(undefined)).toEqual({
    config: {
      site: undefined,
      base: '/',
      title: 'Essays',
      lang: 'en',
      essaysDir: 'content/essays',
      essaysPerPage: 50,
      bibliography: [],
      requireSources: false,
      strict: false,
      runEssayCode: false,
      strings: {},
    },
    astro: {},
  });
});

test('options are checked and normalised; variables override them and Astro’s settings', () => {
  const { config, astro } = resolveConfig(
    { title: '  Field Notes ', essaysPerPage: 10 },
    {
      SITE_TITLE: ' ',
      ESSAYS_PER_PAGE: '20',
      STRICT: 'true',
      SITE_URL: ' https://example.org/ignored/ ',
      BASE_PATH: 'reading',
      OUT_DIR: 'public_html',
    },
    { site: 'https://astro.example', base: '/' },
  );
  // An empty variable counts as unset: the option stands.
  expect(config).toMatchObject({ title: 'Field Notes', essaysPerPage: 20, strict: true, site: 'https://example.org', base: '/reading/' });
  expect(astro).toEqual({ outDir: 'public_html' });
  expect(resolveConfig(undefined, {}, { site: 'https://astro.example/x/', base: '/a/b' }).config).toMatchObject({
    site: 'https://astro.example',
    base: '/a/b/',
  });
  expect(resolve({ requireSources: true }, { REQUIRE_SOURCES: '0' }).config.requireSources).toBe(false);
});

test('a contact for barriers is an email address (as a mailto: link) or a web page; anything else is refused with the fix', () => {
  expect(resolve({ accessibilityContact: ' access@essays.example ' }).config.accessibilityContact).toBe('mailto:access@essays.example');
  expect(resolve({}, { ACCESSIBILITY_CONTACT: 'https://essays.example/contact/' }).config.accessibilityContact).toBe(
    'https://essays.example/contact/',
  );
  expect(messageOf(() => resolve({}, { ACCESSIBILITY_CONTACT: 'javascript:alert(1)' }))).toMatch(
    /ACCESSIBILITY_CONTACT="javascript:alert\(1\)" must be an email address.*ACCESSIBILITY_CONTACT=access@essays\.example/,
  );
  expect(messageOf(() => resolve({ accessibilityContact: 'the editor' }))).toContain(
    `essayPress({ accessibilityContact: "the editor" }) must be an email address or a URL that starts with https://, such as accessibilityContact: 'access@essays.example'`,
  );
});

test('the essays per page are a whole number, at least 1', () => {
  for (const bad of ['0', '-3', '2.5', 'ten'])
    expect(
      messageOf(() => resolve({}, { ESSAYS_PER_PAGE: bad })),
      bad,
    ).toMatch(/ESSAYS_PER_PAGE=".*" must be a whole number.*ESSAYS_PER_PAGE=20/);
  expect(messageOf(() => resolve({ essaysPerPage: 0 }))).toContain(
    'essayPress({ essaysPerPage: 0 }) must be a whole number of essays, at least 1, such as essaysPerPage: 20',
  );
});

test('the base path is normalised to start and end with a slash', () => {
  expect(normaliseBase(undefined)).toBe('/');
  expect(normaliseBase('/')).toBe('/');
  expect(normaliseBase('essays')).toBe('/essays/');
  expect(normaliseBase('/a/b//')).toBe('/a/b/');
  expect(() => normaliseBase('/a/../b')).toThrow(/plain path/);
});

test('every bad option and variable is reported at once, each with what was given and a value that works', () => {
  expect(
    messageOf(() =>
      resolveConfig(
        // @ts-expect-error: an option that does not exist, as an author might misspell one.
        { titel: 'Notes', lang: 'english', strings: { en: { contents: '' } } },
        { SITE_URL: 'example.com', BASE_PATH: '/a b/', REQUIRE_SOURCES: 'yes', OUT_DIR: 'https://x' },
        ASTRO_DEFAULTS,
      ),
    ),
  ).toBe(
    [
      "Essay Press's options have 7 problems:",
      '  SITE_URL="example.com" must be an absolute URL that starts with https:// or http://, such as SITE_URL=https://essays.example',
      '  OUT_DIR="https://x" must be a folder such as OUT_DIR=public_html',
      '  BASE_PATH="/a b/" must be a plain path, without spaces, "..", "?" or "#", such as BASE_PATH=/reading-room/',
      `  essayPress({ lang: "english" }) must be a language tag of the IANA registry, such as lang: 'de'`,
      '  REQUIRE_SOURCES="yes" must be true or false, such as REQUIRE_SOURCES=1',
      '  essayPress({ strings.en.contents: "" }) must not be empty: leave the word out for the built-in one',
      '  essayPress({ titel }): no such option. The options are title, lang, essaysDir, essaysPerPage, accessibilityContact, bibliography, csl, requireSources, strict, runEssayCode, strings.',
      '  Fix: set each as shown, or leave it out for its default (docs/configuration.md lists every option).',
    ].join('\n'),
  );
});

test('an absolute essays folder is refused with the fix, not read from a path joined under the project', () => {
  for (const ESSAYS_DIR of ['/srv/essays', 'C:\\essays']) {
    expect(messageOf(() => resolveConfig({ title: 'Notes' }, { ESSAYS_DIR }, ASTRO_DEFAULTS))).toContain(
      `ESSAYS_DIR="${ESSAYS_DIR}" must be a path relative to the project, not an absolute one, such as ESSAYS_DIR=drafts/essays`,
    );
  }
});

test('every option says what it does and gives an example, and every variable overrides an option or an Astro setting that exists', () => {
  const names = describeOptions().map(({ name, doc }) => {
    expect(doc.description.length, name).toBeGreaterThan(20);
    expect(doc.example, name).not.toBe('');
    return name;
  });
  for (const { variable, overrides } of ENVIRONMENT) {
    if ('option' in overrides) expect(names, variable).toContain(overrides.option);
  }
});

test('docs/configuration.md is the one the schema makes (run `npm run docs:config` after changing an option)', () => {
  expect(readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8')).toBe(configurationDoc());
});
