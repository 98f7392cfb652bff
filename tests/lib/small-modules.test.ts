import { expect, test } from 'vitest';
import { deploymentFromEnv, normaliseBase } from '../../src/lib/deployment.ts';
import { essaySlug } from '../../src/lib/slug.ts';
import { countWords, readingMinutes } from '../../src/lib/reading-time.ts';
import { shouldShowStandfirst } from '../../src/lib/standfirst.ts';
import { textDirection } from '../../src/lib/lang.ts';
import { essayPath, joinBase } from '../../src/lib/urls.ts';
import { essaysDirFromEnv } from '../../src/lib/essays-dir.ts';

test('the base path is normalised to start and end with a slash', () => {
  expect(normaliseBase(undefined)).toBe('/');
  expect(normaliseBase('/')).toBe('/');
  expect(normaliseBase('essays')).toBe('/essays/');
  expect(normaliseBase('/a/b//')).toBe('/a/b/');
});

test('a base path that is not a plain path is refused, naming the variable', () => {
  expect(() => normaliseBase('/a/../b')).toThrow(/BASE_PATH/);
  expect(() => normaliseBase('/a?b')).toThrow(/BASE_PATH/);
});

test('SITE_URL is reduced to its origin and must be http(s)', () => {
  expect(deploymentFromEnv({ SITE_URL: 'https://example.org/ignored/' })).toEqual({ site: 'https://example.org', base: '/' });
  expect(deploymentFromEnv({})).toEqual({ site: undefined, base: '/' });
  expect(() => deploymentFromEnv({ SITE_URL: 'example.org' })).toThrow(/SITE_URL must be an absolute URL/);
  expect(() => deploymentFromEnv({ SITE_URL: 'ftp://example.org' })).toThrow(/SITE_URL must start with https/);
});

test('slugs come from the path, segment by segment, unless the frontmatter gives one', () => {
  expect(essaySlug('My First Essay.mdx')).toBe('my-first-essay');
  expect(essaySlug('series/Part One.mdx')).toBe('series/part-one');
  expect(essaySlug('series/index.mdx')).toBe('series');
  expect(essaySlug('whatever.mdx', 'chosen')).toBe('chosen');
});

test('reading time counts words of prose only, rounded, at least one minute', () => {
  expect(countWords('---\ntitle: x y z\n---\nimport A from "a";\n\n## Two words\n\nOne <A n={1}>two</A> three.')).toBe(5);
  expect(readingMinutes('word '.repeat(460))).toBe(2);
  expect(readingMinutes('')).toBe(1);
});

test('the standfirst is shown unless the essay opens with the same words', () => {
  expect(shouldShowStandfirst('It begins.', 'It begins. Then more.\n\nNext.')).toBe(false);
  expect(shouldShowStandfirst('A summary.', 'The essay starts here.')).toBe(true);
  expect(shouldShowStandfirst('It *begins*.', 'import X from "x";\n\nIt begins. Then.')).toBe(false);
});

test('right-to-left languages and scripts get dir="rtl"', () => {
  expect(textDirection('en')).toBe('ltr');
  expect(textDirection('ar')).toBe('rtl');
  expect(textDirection('he-IL')).toBe('rtl');
  expect(textDirection('az-Arab')).toBe('rtl');
  expect(textDirection('zh-Hant')).toBe('ltr');
});

test('internal URLs carry the base path', () => {
  expect(joinBase('/', essayPath('a'))).toBe('/essays/a/');
  expect(joinBase('/sub/', '/essays/a/')).toBe('/sub/essays/a/');
  expect(joinBase('/sub', '')).toBe('/sub/');
});

test('essays are read from content/essays unless ESSAYS_DIR says otherwise', () => {
  expect(essaysDirFromEnv({})).toBe('content/essays');
  expect(essaysDirFromEnv({ ESSAYS_DIR: 'tests/fixtures/x' })).toBe('tests/fixtures/x');
});
