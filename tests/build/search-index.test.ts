import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readEssays } from '../../scripts/lib/essay-words.ts';
import { languagesToMerge, type PagefindLanguages, type PagefindResultData } from '../../src/lib/search-results.ts';
import { wordsToFind } from '../support/essay-words.ts';
import { normalisedText, readPage } from '../support/html.ts';

/** The part of Pagefind's JS API the tests call: the same file the search page loads. */
interface Pagefind {
  options: (options: { basePath: string; baseUrl: string }) => Promise<void>;
  search: (query: string) => Promise<{ results: Array<{ data: () => Promise<PagefindResultData> }> }>;
  mergeIndex: (indexPath: string, options: { language: string; baseUrl: string }) => Promise<void>;
  destroy: () => Promise<void>;
}

interface SearchableSite {
  dir: string;
  search: (query: string) => Promise<PagefindResultData[]>;
  close: () => Promise<void>;
}

/** Serves a built site and loads its own pagefind.js in Node, to query the index as a browser would. */
async function openIndex(dir: string): Promise<SearchableSite> {
  const server: StaticServer = await serveDirectory(dir);
  const pagefind = (await import(pathToFileURL(join(dir, 'pagefind/pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
  // As the search page does, every language's index is searched. Pagefind skips a merge whose
  // path starts its own base path, so the same folder is named another way.
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: PagefindLanguages };
  for (const language of languagesToMerge(entry.languages, '')) {
    await pagefind.mergeIndex(`${server.url}pagefind/./`, { language, baseUrl: '/' });
  }
  return {
    dir,
    search: async (query) => Promise.all((await pagefind.search(query)).results.map((result) => result.data())),
    close: async () => {
      await pagefind.destroy();
      await server.close();
    },
  };
}

// The site itself, whatever essays it has: the tests read them from its pages.
let site: SearchableSite;
// The component fixtures (tests/fixtures/components/), with known words: "harvest" is in one
// section of with-notes.mdx, "Quillfeather" and "cartographer" only in its notes.
let fixtures: SearchableSite;

beforeAll(async () => {
  site = await openIndex(inject('siteDir'));
  fixtures = await openIndex(inject('componentsSiteDir'));
});
afterAll(async () => {
  await site?.close();
  await fixtures?.close();
});

test('every essay page of the site is indexed, and no other page', () => {
  const entry = JSON.parse(readFileSync(join(site.dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: PagefindLanguages };
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + (language?.page_count ?? 0), 0);
  expect(indexed).toBe(readEssays(site.dir).length);
});

test('a distinctive word of each section of each essay finds the essay, with its title and standfirst, and leads to that section', async () => {
  for (const { essay, passage, word } of wordsToFind(site.dir)) {
    const where = `“${word}” (${essay.page}, “${passage.heading}”)`;
    const result = (await site.search(word)).find((found) => found.url === `/${essay.page}`);
    expect(result, `${where}: the essay is not found`).toBeDefined();
    expect(result?.meta['title'], where).toBe(essay.title);
    expect(result?.meta['standfirst'], where).toBe(essay.standfirst);
    const url = passage.anchor === undefined ? `/${essay.page}` : `/${essay.page}#${passage.anchor}`;
    const section = result?.sub_results.find((sub) => sub.url === url && sub.locations.length > 0);
    expect(section?.title, `${where}: the section is not among ${JSON.stringify(result?.sub_results.map((sub) => sub.url))}`).toBe(
      passage.heading,
    );
    expect(section?.excerpt, where).toContain('<mark>');
  }
});

test('a word from an essay finds that essay only, with its title and standfirst, and the section it is in', async () => {
  const results = await fixtures.search('harvest');
  expect(results.map((result) => result.url)).toEqual(['/essays/with-notes/']);
  const page = readPage(fixtures.dir, 'essays/with-notes/');
  const [result] = results;
  expect(result?.meta['title']).toBe('An Essay With Notes');
  expect(result?.meta['standfirst']).toBe(page.querySelector('meta[name="description"]')?.getAttribute('content'));
  const section = result?.sub_results.find((sub) => sub.locations.length > 0 && sub.anchor);
  expect(section?.title).toBe('The Second Section');
  expect(section?.url).toBe('/essays/with-notes/#the-second-section');
  expect(section?.excerpt).toContain('<mark>harvest</mark>');
  expect(normalisedText(page.getElementById('the-second-section'))).toBe('The Second Section');
});

test('only essay text is indexed: not the header, the skip link, the meta line, the downloads or the footer', async () => {
  // Words that are on every page, outside the essay's text ("Skip to content", "1 min read",
  // "Read offline: EPUB, HTML"). Not "content": Pagefind takes it for the "C" of "C++" in a heading.
  for (const word of ['skip', 'min read', 'epub', 'html']) expect(await fixtures.search(word), word).toEqual([]);
  // The site's name, "Essays", heads every page: only the essay whose own text has the word is found.
  expect((await fixtures.search('essays')).map((result) => result.url)).toEqual(['/essays/with-notes/']);
  const [essay] = await fixtures.search('orchard');
  expect(essay?.url).toBe('/essays/with-notes/');
});

test('an essay in another language than the others is found in its own index', async () => {
  const results = await fixtures.search('Drought');
  expect(results.map((result) => [result.url, result.sub_results.find((sub) => sub.locations.length > 0)?.url])).toEqual([
    ['/essays/structure/', '/essays/structure/#second-list'],
  ]);
});

test('a word from a note finds the essay and leads to that note, without the back-link', async () => {
  const [result, ...others] = await fixtures.search('Quillfeather');
  expect(others).toEqual([]);
  expect(result?.meta['title']).toBe('An Essay With Notes');
  const note = result?.sub_results.find((sub) => sub.excerpt.includes('<mark>'));
  expect(note?.title).toBe('Note 1');
  expect(note?.url).toBe('/essays/with-notes/#with-notes.note-1');
  const page = readPage(fixtures.dir, 'essays/with-notes/');
  expect(normalisedText(page.getElementById('with-notes.note-1'))).toContain('Quillfeather');
  expect(result?.excerpt).not.toContain('↩');
});

test('the second note is titled by its place, not its label, and found too', async () => {
  const [result] = await fixtures.search('cartographer');
  const note = result?.sub_results.find((sub) => sub.excerpt.includes('<mark>'));
  expect(note?.title).toBe('Note 2');
  expect(note?.url).toBe('/essays/with-notes/#with-notes.note-2');
});

test('the published index holds only what the search page loads', () => {
  const files = readdirSync(join(site.dir, 'pagefind'));
  expect(files).toContain('pagefind.js');
  expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
});
