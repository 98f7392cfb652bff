import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { essayCacheKey, filesNamedBy, linkUnchangedPages, sharedInputsDigest } from '../../src/site/page-reuse.ts';

const root = mkdtempSync(join(tmpdir(), 'page-reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const site = { essaysDir: 'essays', bibliography: ['refs/site.bib'], csl: undefined, strings: {} };
function project(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'essays', 'images'), { recursive: true });
  mkdirSync(join(dir, 'refs'), { recursive: true });
  writeFileSync(join(dir, 'essays', 'one.mdx'), '---\ntitle: One\n---\n\nWords.\n');
  writeFileSync(join(dir, 'essays', 'images', 'chart.png'), 'chart, first drawing');
  writeFileSync(join(dir, 'refs', 'site.bib'), '@book{a, title = {A}}');
  return dir;
}

describe('filesNamedBy', () => {
  test('names the bibliography and .csl style of the frontmatter, and the relative images and links of the text, once each', () => {
    const source = [
      '![A chart](./images/chart.png) and ![again](./images/chart.png)',
      '[the data](../data/table.csv), <img src="./images/photo.jpg" alt="" />',
      '[elsewhere](https://example.org/x.png), [a section](#part-one), [a page](/essays/two/)',
    ].join('\n');
    expect(filesNamedBy(source, { bibliography: ['own.bib'], csl: 'styles/house.csl' })).toEqual([
      'own.bib',
      'styles/house.csl',
      './images/chart.png',
      '../data/table.csv',
      './images/photo.jpg',
    ]);
  });

  test('a built-in style is a name, not a file', () => {
    expect(filesNamedBy('Words.', { bibliography: [], csl: 'apa' })).toEqual([]);
  });
});

describe('sharedInputsDigest', () => {
  test('changes with a file beside the essays or the site bibliography, not with an essay', () => {
    const dir = project('shared');
    const first = sharedInputsDigest(dir, site);
    expect(sharedInputsDigest(dir, site)).toBe(first);
    writeFileSync(join(dir, 'essays', 'one.mdx'), '---\ntitle: One\n---\n\nOther words.\n');
    expect(sharedInputsDigest(dir, site)).toBe(first);
    writeFileSync(join(dir, 'essays', 'images', 'chart.png'), 'chart, second drawing');
    const second = sharedInputsDigest(dir, site);
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'refs', 'site.bib'), '@book{a, title = {A, revised}}');
    expect(sharedInputsDigest(dir, site)).not.toBe(second);
  });
});

describe('essayCacheKey', () => {
  test('changes with the essay, its path, and the bytes of a file it names outside the essays folder', () => {
    const dir = project('own');
    writeFileSync(join(dir, 'refs', 'own.bib'), '@book{b, title = {B}}');
    const essayFile = join(dir, 'essays', 'one.mdx');
    const input = { shared: 'shared', path: 'one.mdx', essayFile, source: 'Words.', named: ['../refs/own.bib'] };
    const key = essayCacheKey(input);
    expect(essayCacheKey(input)).toBe(key);
    expect(essayCacheKey({ ...input, source: 'Other words.' })).not.toBe(key);
    expect(essayCacheKey({ ...input, path: 'two.mdx' })).not.toBe(key);
    expect(essayCacheKey({ ...input, shared: 'other' })).not.toBe(key);
    writeFileSync(join(dir, 'refs', 'own.bib'), '@book{b, title = {B, revised}}');
    expect(essayCacheKey(input)).not.toBe(key);
  });
});

test('an essay that imports a component has no key: what the component imports is code the key cannot follow', () => {
  const input = { shared: 'shared', path: 'one.mdx', essayFile: join(root, 'one.mdx'), named: [] };
  expect(essayCacheKey({ ...input, source: "import Callout from '../../src/components/Callout.astro';\n\nWords." })).toBeUndefined();
  expect(essayCacheKey({ ...input, source: 'Words that say import, mid-line.' })).toBeDefined();
});

test("the pages of unchanged essays are linked from Astro's copies; a page with no copy is left to Astro", () => {
  const cache = join(root, 'astro-cache');
  const staging = join(root, 'staging');
  mkdirSync(join(cache, 'dist', 'essays', 'kept'), { recursive: true });
  writeFileSync(join(cache, 'dist', 'essays', 'kept', 'index.html'), '<p>Kept.</p>');
  mkdirSync(staging);
  expect(linkUnchangedPages(staging, cache, ['essays/kept/index.html', 'essays/never-kept/index.html'])).toBe(1);
  const page = join(staging, 'essays', 'kept', 'index.html');
  expect(readFileSync(page, 'utf8')).toBe('<p>Kept.</p>');
  expect(statSync(page).ino).toBe(statSync(join(cache, 'dist', 'essays', 'kept', 'index.html')).ino);
  // Not even its folder: Astro makes it, or, for a page it never writes, nothing is left behind.
  expect(statSync(join(staging, 'essays', 'never-kept'), { throwIfNoEntry: false })).toBeUndefined();
});
