import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startEarlySearchIndex } from '../../src/search/early-search-index.ts';
import { copySearchPages, writeSearchIndex } from '../../src/search/write-search-index.ts';
import { searchableEssay as essay, writeSiteFolder } from '../support/site-folder.ts';

/**
 * A rebuild's search index begun as Astro's build starts: Pagefind reads the kept copies of the pages
 * expected unchanged, and the search step adds the rest. The index must be the one a build from
 * nothing makes, page for page, whether the expectation held or not.
 */
const scratch = mkdtempSync(join(tmpdir(), 'early-search-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIRST = {
  'essays/a/index.html': essay('en', 'Harbours', 'The harbour silted up over a century.'),
  'essays/b/index.html': essay('de', 'Flüsse', 'Der Fluss trat über seine Ufer.'),
  'essays/c/index.html': essay('en', 'Bridges', 'A bridge of stone outlasted the ferry.'),
};
const SECOND = { ...FIRST, 'essays/b/index.html': essay('de', 'Flüsse', 'Der Fluss trat im Frühjahr über seine Ufer.') };

/** What Pagefind wrote for one language: its page count, and its fragments, one per page, named by the page's indexed content. */
function indexOf(site: string, language: string) {
  const bundle = join(site, 'pagefind', language);
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return { pages: entry.languages[language]?.page_count, fragments: readdirSync(join(bundle, 'fragment')).sort() };
}

/** A first build's index into a kept copies folder, then the second build's, begun early with `expected`; and the same second site from nothing. */
async function rebuild(name: string, expected: readonly string[]) {
  const keepIn = join(scratch, name, 'kept');
  const first = writeSiteFolder(join(scratch, name, 'first'), FIRST);
  await writeSearchIndex(first, copySearchPages(first, keepIn));

  const second = writeSiteFolder(join(scratch, name, 'second'), SECOND);
  const early = startEarlySearchIndex(keepIn, expected);
  expect(early).toBeDefined();
  const result = await writeSearchIndex(second, copySearchPages(second, keepIn), early);

  const fresh = writeSiteFolder(join(scratch, name, 'fresh'), SECOND);
  await writeSearchIndex(fresh, copySearchPages(fresh));
  return { result, second, fresh };
}

test('the pages expected unchanged are indexed early, the changed one is added by the step, and the index is the one made from nothing', async () => {
  const { result, second, fresh } = await rebuild('held', ['essays/a/index.html', 'essays/c/index.html']);
  expect(result).toMatchObject({ pages: 3, languages: ['de', 'en'], early: 2 });
  for (const language of ['en', 'de']) expect(indexOf(second, language), language).toEqual(indexOf(fresh, language));
  expect(indexOf(second, 'en').pages).toBe(2);
});

test('when a page expected unchanged has changed, the early index is dropped and every page is indexed again', async () => {
  // b was expected unchanged, but its text changed: its early fragment would hold the old words.
  const { result, second, fresh } = await rebuild('failed', ['essays/a/index.html', 'essays/b/index.html']);
  expect(result.early).toBe(0);
  for (const language of ['en', 'de']) expect(indexOf(second, language), language).toEqual(indexOf(fresh, language));
});

test('nothing is begun without copies from a last build, and an index begun but never taken is closed', async () => {
  const site = writeSiteFolder(join(scratch, 'none', 'site'), FIRST);
  expect(startEarlySearchIndex(join(scratch, 'none', 'no-copies'), [])).toBeUndefined();

  const keepIn = join(scratch, 'none', 'kept');
  copySearchPages(site, keepIn);
  const early = startEarlySearchIndex(keepIn, ['essays/a/index.html']);
  // Stopped before Pagefind has read the copy: it waits for the reading, then closes Pagefind.
  await expect(early?.stop()).resolves.toBeUndefined();
});
