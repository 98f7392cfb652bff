import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import type { PagefindResultData } from '../../src/lib/search-results.ts';
import { normalisedText, readPage } from '../support/html.ts';

/** The part of Pagefind's JS API the tests call: the same file the search page loads. */
interface Pagefind {
  options: (options: { basePath: string; baseUrl: string }) => Promise<void>;
  search: (query: string) => Promise<{ results: Array<{ data: () => Promise<PagefindResultData> }> }>;
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
  return {
    dir,
    search: async (query) => Promise.all((await pagefind.search(query)).results.map((result) => result.data())),
    close: async () => {
      await pagefind.destroy();
      await server.close();
    },
  };
}

const ESSAY = 'essays/trumps-envoy-third-meeting-with-putin/';
let site: SearchableSite;
// The notes fixture (tests/fixtures/components/with-notes.mdx) has words found only in its notes.
let notesSite: SearchableSite;

beforeAll(async () => {
  site = await openIndex(inject('siteDir'));
  notesSite = await openIndex(inject('componentsSiteDir'));
});
afterAll(async () => {
  await site?.close();
  await notesSite?.close();
});

test('a word from the essay finds the essay, with its title and standfirst, and the section it is in', async () => {
  const results = await site.search('drones');
  expect(results.map((result) => result.url)).toEqual([`/${ESSAY}`]);
  const page = readPage(site.dir, ESSAY);
  const [result] = results;
  expect(result?.meta['title']).toBe(normalisedText(page.querySelector('h1')));
  expect(result?.meta['standfirst']).toBe(page.querySelector('meta[name="description"]')?.getAttribute('content'));
  const section = result?.sub_results.find((sub) => sub.locations.length > 0 && sub.anchor);
  expect(section?.title).toBe('Ukraine’s Dilemma and Choices');
  expect(section?.url).toBe(`/${ESSAY}#ukraines-dilemma-and-choices`);
  expect(section?.excerpt).toContain('<mark>drones</mark>');
  expect(normalisedText(page.getElementById('ukraines-dilemma-and-choices'))).toBe('Ukraine’s Dilemma and Choices');
});

test('only essay text is indexed: not the header, the skip link, the meta line or the footer', async () => {
  // Words that are on every page, outside the essay's text.
  for (const word of ['skip', 'content', 'min read', 'essays']) expect(await site.search(word), word).toEqual([]);
  const [essay] = await site.search('Witkoff');
  expect(essay?.url).toBe(`/${ESSAY}`);
});

test('a word from a note finds the essay and leads to that note, without the back-link', async () => {
  const [result, ...others] = await notesSite.search('Quillfeather');
  expect(others).toEqual([]);
  expect(result?.meta['title']).toBe('An Essay With Notes');
  const note = result?.sub_results.find((sub) => sub.excerpt.includes('<mark>'));
  expect(note?.title).toBe('Note 1');
  expect(note?.url).toBe('/essays/with-notes/#with-notes.note-1');
  const page = readPage(notesSite.dir, 'essays/with-notes/');
  expect(normalisedText(page.getElementById('with-notes.note-1'))).toContain('Quillfeather');
  expect(result?.excerpt).not.toContain('↩');
});

test('the second note is titled by its place, not its label, and found too', async () => {
  const [result] = await notesSite.search('cartographer');
  const note = result?.sub_results.find((sub) => sub.excerpt.includes('<mark>'));
  expect(note?.title).toBe('Note 2');
  expect(note?.url).toBe('/essays/with-notes/#with-notes.note-2');
});

test('the published index holds only what the search page loads', () => {
  const files = readdirSync(join(site.dir, 'pagefind'));
  expect(files).toContain('pagefind.js');
  expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
});
