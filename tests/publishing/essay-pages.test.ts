import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { metaContentSecurityPolicy } from '../../src/publishing/content-security-policy.ts';
import { writeEssayPages } from '../../src/publishing/essay-pages.ts';

// writeEssayPages on a small built site in a scratch folder: the real file handling, no Astro build.

const scratch = mkdtempSync(join(tmpdir(), 'essay-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (words: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}"><link rel="stylesheet" href="/base/_astro/site.css"></head><body><p class="note">${words}<span data-size></span></p></body></html>`;

/** A site as Astro leaves it: its stylesheet, and each essay page linked from Astro's own copy (as `linkUnchangedPages` does). */
function site(name: string, pages: Record<string, string>): { dir: string; astroCopy: (slug: string) => string } {
  const dir = join(scratch, name);
  const astro = join(scratch, `${name}-astro`);
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(join(dir, '_astro/site.css'), '.note{color:red}.figure{margin:0}');
  for (const [slug, html] of Object.entries(pages)) {
    for (const root of [dir, astro]) mkdirSync(join(root, 'essays', slug), { recursive: true });
    writeFileSync(join(astro, 'essays', slug, 'index.html'), html);
    linkSync(join(astro, 'essays', slug, 'index.html'), join(dir, 'essays', slug, 'index.html'));
  }
  return { dir, astroCopy: (slug) => join(astro, 'essays', slug, 'index.html') };
}

const pageFile = (dir: string, slug: string) => join(dir, 'essays', slug, 'index.html');
const edit = (slug: string, html: string) => html.replace('<span data-size></span>', `<span data-size>, ${slug.length} KB</span>`);

test('each essay page gets its edit and its styles in one write, and Astro’s copy stays as Astro wrote it', async () => {
  const first = site('one', { a: page('A.'), bb: page('B.') });
  const result = await writeEssayPages(first.dir, { base: '/base/', edit });
  expect(result).toEqual({ pages: 2, unchanged: 0, hashes: { styles: [expect.stringMatching(/^'sha256-/)], scripts: [] } });
  const finished = readFileSync(pageFile(first.dir, 'bb'), 'utf8');
  expect(finished).toContain('<span data-size>, 2 KB</span>');
  expect(finished).toContain('<style>.note{color:red}</style>');
  expect(finished).not.toContain('<link rel="stylesheet"');
  for (const slug of ['a', 'bb']) {
    expect(readFileSync(first.astroCopy(slug), 'utf8')).toBe(page(slug === 'a' ? 'A.' : 'B.'));
    expect(statSync(pageFile(first.dir, slug)).ino).not.toBe(statSync(first.astroCopy(slug)).ino);
  }
});

test('kept in the cache, a page that comes out as the last build published it is a link to that page, not a new file', async () => {
  const keepIn = join(scratch, 'cache', 'essay-pages');
  const first = site('first', { a: page('A.'), b: page('B.') });
  expect((await writeEssayPages(first.dir, { base: '/base/', edit, keepIn })).unchanged).toBe(0);

  // The next build: essay b is edited.
  const second = site('second', { a: page('A.'), b: page('B, edited.') });
  const result = await writeEssayPages(second.dir, { base: '/base/', edit, keepIn });
  expect(result.unchanged).toBe(1);
  // a is the first build's published page, the same file; b is a file of its own with its new words.
  expect(statSync(pageFile(second.dir, 'a')).ino).toBe(statSync(pageFile(first.dir, 'a')).ino);
  expect(readFileSync(pageFile(second.dir, 'a'), 'utf8')).toBe(readFileSync(pageFile(first.dir, 'a'), 'utf8'));
  expect(statSync(pageFile(second.dir, 'b')).ino).not.toBe(statSync(pageFile(first.dir, 'b')).ino);
  expect(readFileSync(pageFile(second.dir, 'b'), 'utf8')).toContain('B, edited.');
  // Nor is anything written through a link: Astro's copies and the first build's pages are as they were.
  expect(readFileSync(second.astroCopy('b'), 'utf8')).toBe(page('B, edited.'));
  expect(readFileSync(pageFile(first.dir, 'b'), 'utf8')).toContain('B.<span');
  // The cache holds this build's pages only: b's old page is gone from it.
  expect(readdirSync(keepIn)).toHaveLength(2);
});

test('a page made from the same inputs as in the last build is not made again; a stylesheet changed under its name makes every page again', async () => {
  const keepIn = join(scratch, 'cache-inputs', 'essay-pages');
  const edited: string[] = [];
  const options = (sizes: string) => ({
    base: '/base/',
    edit: (slug: string, html: string) => (edited.push(slug), html.replace('<span data-size></span>', `<span data-size>, ${sizes}</span>`)),
    editKey: () => sizes,
    keepIn,
  });
  const first = site('inputs-first', { a: page('A.'), b: page('B.') });
  await writeEssayPages(first.dir, options('1 KB'));
  expect(edited.splice(0)).toEqual(['a', 'b']);

  // Nothing changed: neither page is made again, and each is the page the first build published.
  const second = site('inputs-second', { a: page('A.'), b: page('B.') });
  const again = await writeEssayPages(second.dir, options('1 KB'));
  expect(edited.splice(0)).toEqual([]);
  expect(again.unchanged).toBe(2);
  expect(again.hashes.styles).toHaveLength(1);
  expect(statSync(pageFile(second.dir, 'a')).ino).toBe(statSync(pageFile(first.dir, 'a')).ino);

  // What the edit writes changed (the sizes): both are made again, with it.
  const third = site('inputs-third', { a: page('A.'), b: page('B.') });
  await writeEssayPages(third.dir, options('2 KB'));
  expect(edited.splice(0)).toEqual(['a', 'b']);
  expect(readFileSync(pageFile(third.dir, 'a'), 'utf8')).toContain(', 2 KB</span>');

  // The stylesheet changed under the same name: both are made again, with the new rules.
  const fourth = site('inputs-fourth', { a: page('A.'), b: page('B.') });
  writeFileSync(join(fourth.dir, '_astro/site.css'), '.note{color:blue}');
  await writeEssayPages(fourth.dir, options('2 KB'));
  expect(edited.splice(0)).toEqual(['a', 'b']);
  expect(readFileSync(pageFile(fourth.dir, 'b'), 'utf8')).toContain('<style>.note{color:#00f}</style>');
});
