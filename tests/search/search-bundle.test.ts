import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copySearchPages, writeSearchIndex } from '../../src/search/write-search-index.ts';
import { searchableEssay as essay, writeSiteFolder } from '../support/site-folder.ts';

/**
 * With a cache folder, the search step puts each language's bundle in the site as hard links to
 * files kept there by what they hold, instead of having Pagefind write every file: the bundle must
 * be the one Pagefind writes, byte for byte, and a rebuild must create only the files that changed.
 */
const scratch = mkdtempSync(join(tmpdir(), 'search-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIRST = {
  'essays/a/index.html': essay('en', 'Harbours', 'The harbour silted up over a century.'),
  'essays/b/index.html': essay('en', 'Bridges', 'A bridge of stone outlasted the ferry.'),
  'essays/c/index.html': essay('de', 'Flüsse', 'Der Fluss trat über seine Ufer.'),
};
const SECOND = { ...FIRST, 'essays/b/index.html': essay('en', 'Bridges', 'A bridge of stone outlasted the ferry and the road.') };

/** Every file under `dir`, by its path there. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), join(entry.parentPath, entry.name));
  }
  return files;
}

const contents = (dir: string) => new Map([...filesOf(dir)].map(([path, file]) => [path, readFileSync(file).toString('base64')]));
const inodes = (dir: string) => new Set([...filesOf(dir).values()].map((file) => statSync(file).ino));

/** The site `files` built in `name`, its search index written with the cache folder `keepIn`, or without one. */
async function built(name: string, files: Record<string, string>, keepIn?: string) {
  const site = writeSiteFolder(join(scratch, name), files);
  await writeSearchIndex(site, copySearchPages(site), undefined, keepIn);
  return join(site, 'pagefind');
}

test("with a cache folder, the bundles are Pagefind's own, each file a link to a file kept by its digest", async () => {
  const keepIn = join(scratch, 'kept-first');
  const linked = await built('linked', FIRST, keepIn);
  const written = await built('written', FIRST);
  expect(contents(linked)).toEqual(contents(written));
  expect([...filesOf(linked).keys()]).toContain('en/pagefind.js');
  // Two at least: the site's and the kept one (the languages' identical files, pagefind.js, share one).
  for (const file of filesOf(linked).values()) expect(statSync(file).nlink, file).toBeGreaterThanOrEqual(2);
  // Nothing was written through a link, the minified pagefind.js included: each kept file still holds what its name says.
  for (const [name, file] of filesOf(keepIn)) {
    expect(name).toBe(`${createHash('sha256').update(readFileSync(file)).digest('hex')}.txt`);
  }
});

test('a rebuild after one essay changed links the unchanged files, creates the changed ones, and the cache keeps only what the site has', async () => {
  const keepIn = join(scratch, 'kept-rebuild');
  const first = await built('first', FIRST, keepIn);
  const firstFiles = filesOf(first);
  const second = await built('second', SECOND, keepIn);
  expect(contents(second)).toEqual(contents(await built('second-written', SECOND)));

  // The German bundle did not change: every file of it is the first build's file.
  for (const [path, file] of filesOf(second)) {
    if (path.startsWith('de/')) expect(statSync(file).ino, path).toBe(statSync(firstFiles.get(path) ?? '').ino);
  }
  // In the English one, b's fragment is new, a's is the first build's.
  const firstInodes = inodes(first);
  const fragments = [...filesOf(join(second, 'en', 'fragment')).values()].map((file) => firstInodes.has(statSync(file).ino));
  expect(fragments.sort()).toEqual([false, true]);

  // The cache holds every file the site links to, and not b's old fragment.
  const kept = inodes(keepIn);
  for (const file of filesOf(second).values()) expect(kept.has(statSync(file).ino), file).toBe(true);
  const dropped = [...filesOf(join(first, 'en', 'fragment')).values()].filter((file) => !inodes(second).has(statSync(file).ino));
  expect(dropped).toHaveLength(1);
  expect(kept.has(statSync(dropped[0] ?? '').ino)).toBe(false);
});
