import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readEssays } from '../../scripts/lib/essay-words.ts';
import type { PagefindEntry, PagefindResultData } from '../../src/search/pagefind-index.ts';
import { queryTerms, resultMatch } from '../../src/search/word-match.ts';
import { wordsToFind } from '../support/essay-words.ts';
import { decodedFragment, normalisedText, readPage } from '../support/html.ts';

/** The part of Pagefind's JS API the tests call: the same file the search page loads. */
interface PagefindModule {
  createInstance: (options: { basePath: string; baseUrl: string }) => {
    search: (query: string) => Promise<{ results: Array<{ score: number; data: () => Promise<PagefindResultData> }> }>;
    destroy: () => Promise<void>;
  };
}

interface SearchableSite {
  dir: string;
  search: (query: string) => Promise<PagefindResultData[]>;
  close: () => Promise<void>;
}

/** The language folders of a built site's search indexes (`pagefind/en/`…). */
function indexLanguages(dir: string): string[] {
  // A site without essays has nothing to index, and no index.
  if (!existsSync(join(dir, 'pagefind'))) return [];
  return readdirSync(join(dir, 'pagefind'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const entryOf = (dir: string, language: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind', language, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;

/**
 * Serves a built site and loads the pagefind.js of each language's index in Node, to query
 * them as the search page does: each with its own stemming, the results merged by score.
 */
async function openIndex(dir: string): Promise<SearchableSite> {
  const server: StaticServer = await serveDirectory(dir);
  const indexes = await Promise.all(
    indexLanguages(dir).map(async (language) => {
      const module = (await import(pathToFileURL(join(dir, 'pagefind', language, 'pagefind.js')).href)) as PagefindModule;
      return module.createInstance({ basePath: `${server.url}pagefind/${language}/`, baseUrl: '/' });
    }),
  );
  return {
    dir,
    search: async (query) => {
      const results = (await Promise.all(indexes.map((index) => index.search(query)))).flatMap((search) => search.results);
      return Promise.all(results.sort((a, b) => b.score - a.score).map((result) => result.data()));
    },
    close: async () => {
      await Promise.all(indexes.map((index) => index.destroy()));
      await server.close();
    },
  };
}

// The site itself, whatever essays it has: the tests read them from its pages.
let site: SearchableSite;
// The component fixtures (tests/fixtures/components/), with known words: "harvest" is in one
// section of with-notes.mdx, "Quillfeather" and "cartographer" only in its notes.
let fixtures: SearchableSite;
// One essay in each of English, German, French and Spanish (tests/fixtures/search-languages/),
// each with one word in many forms: "negotiations", "Verhandlungen", "négociations", "negociaciones".
let languages: SearchableSite;

beforeAll(async () => {
  site = await openIndex(inject('siteDir'));
  fixtures = await openIndex(inject('componentsSiteDir'));
  languages = await openIndex(inject('searchLanguagesSiteDir'));
});
afterAll(async () => {
  await site?.close();
  await fixtures?.close();
  await languages?.close();
});

test('every essay page of the site is indexed, and no other page', () => {
  const indexed = indexLanguages(site.dir)
    .flatMap((language) => Object.values(entryOf(site.dir, language).languages))
    .reduce((sum, language) => sum + language.page_count, 0);
  expect(indexed).toBe(readEssays(site.dir).length);
});

test('each language of the essays has an index of its own, searched with its own WebAssembly, which the search page names', () => {
  const dir = languages.dir;
  expect(indexLanguages(dir)).toEqual(['de', 'en', 'es', 'fr']);
  for (const language of indexLanguages(dir)) {
    // One language in each, so Pagefind opens it whatever the page's language is.
    expect(Object.entries(entryOf(dir, language).languages).map(([code, index]) => [code, index.wasm, index.page_count])).toEqual([
      [language, language, 1],
    ]);
    expect(readdirSync(join(dir, 'pagefind', language)).filter((file) => file.startsWith('wasm.'))).toEqual([`wasm.${language}.pagefind`]);
  }
  expect(readPage(dir, 'search/').querySelector('[data-search]')?.getAttribute('data-languages')).toBe('de en es fr');
});

test('a German word finds its other forms in a German essay of an English site: title, standfirst, text and notes', async () => {
  // "Verhandlungen" is in the title, the standfirst, the opening, both sections and both
  // notes; "Verhandlungsführer" once, in the first section.
  const places = (results: PagefindResultData[]) => results.map((result) => [result.url, result.locations?.length]);
  const results = await languages.search('Verhandlung');
  expect(places(results)).toEqual([['/essays/deutsch/', 8]]);
  expect(results[0]?.sub_results.filter((sub) => sub.locations.length > 0).map((sub) => sub.url)).toEqual([
    '/essays/deutsch/',
    '/essays/deutsch/#die-ersten-treffen',
    '/essays/deutsch/#die-einigung',
    '/essays/deutsch/#deutsch.note-1',
    '/essays/deutsch/#deutsch.note-2',
  ]);
  // And the other way round, and in each language with its own stemming.
  expect(places(await languages.search('Verhandlungen'))).toEqual([['/essays/deutsch/', 8]]);
  for (const [query, url] of [
    ['negotiation', '/essays/english/'],
    ['négociation', '/essays/francais/'],
    ['negociación', '/essays/espanol/'],
  ] as const) {
    expect(
      (await languages.search(query)).map((result) => result.url),
      query,
    ).toContain(url);
  }
});

test('merged into the English index, the German one would be searched with English stemming, and miss the other forms', async () => {
  // Why each language has an index of its own: Pagefind searches a merged index with the
  // WebAssembly, and so the stemmer, of the one it is merged into.
  const server = await serveDirectory(languages.dir);
  const module = (await import(`${pathToFileURL(join(languages.dir, 'pagefind/en/pagefind.js')).href}?merged`)) as PagefindModule & {
    options: (options: { basePath: string; baseUrl: string }) => Promise<void>;
    mergeIndex: (path: string, options: { language: string; baseUrl: string }) => Promise<void>;
    search: (query: string) => Promise<{ results: Array<{ data: () => Promise<PagefindResultData> }> }>;
    destroy: () => Promise<void>;
  };
  try {
    await module.options({ basePath: `${server.url}pagefind/en/`, baseUrl: '/' });
    await module.mergeIndex(`${server.url}pagefind/de/`, { language: 'de', baseUrl: '/' });
    const results = await Promise.all((await module.search('Verhandlung')).results.map((result) => result.data()));
    // Only "Verhandlungsführer", which begins with the unstemmed word.
    expect(results.map((result) => [result.url, result.locations?.length])).toEqual([['/essays/deutsch/', 1]]);
  } finally {
    await module.destroy();
    await server.close();
  }
});

test('a distinctive word of each section of each essay finds the essay, with its title and standfirst, and leads to that section', async () => {
  for (const { essay, passage, word } of wordsToFind(site.dir)) {
    const where = `“${word}” (${essay.page}, “${passage.heading}”)`;
    const result = (await site.search(word)).find((found) => found.url === `/${essay.page}`);
    expect(result, `${where}: the essay is not found`).toBeDefined();
    expect(result?.meta['title'], where).toBe(essay.title);
    expect(result?.meta['standfirst'], where).toBe(essay.standfirst);
    // Pagefind percent-encodes a fragment outside ASCII (`#%D0%B2…` for `#в…`): compared decoded, as the id it names.
    const url = passage.anchor === undefined ? `/${essay.page}` : `/${essay.page}#${passage.anchor}`;
    const section = result?.sub_results.find((sub) => decodedFragment(sub.url) === url && sub.locations.length > 0);
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

test('only essay text is indexed: not the header, the skip link, the byline, the downloads, the citation or the footer', async () => {
  // Words that are on every page, outside the essay's text ("Skip to content", "1 min read",
  // "Read offline: EPUB, HTML"). Not "content": Pagefind takes it for the "C" of "C++" in a heading.
  // "BibTeX": only in each essay's "Cite this essay" block, which is not essay text either.
  for (const word of ['skip', 'min read', 'epub', 'html', 'bibtex']) expect(await fixtures.search(word), word).toEqual([]);
  // The site's name, "Essays", heads every page: only the essay whose own text has the word is found.
  expect((await fixtures.search('essays')).map((result) => result.url)).toEqual(['/essays/with-notes/']);
  const [essay] = await fixtures.search('orchard');
  expect(essay?.url).toBe('/essays/with-notes/');
});

test('an essay in another language than the others is found in its own index', async () => {
  const results = await fixtures.search('Drought');
  expect(results.map((result) => [result.url, result.sub_results.find((sub) => sub.locations.length > 0)?.url])).toEqual([
    // The word is in a scenario's title, a heading: the result leads to the scenario itself.
    ['/essays/structure/', '/essays/structure/#structure.scenario-dry'],
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
  for (const language of indexLanguages(site.dir)) {
    const files = readdirSync(join(site.dir, 'pagefind', language));
    expect(files).toContain('pagefind.js');
    // Not Pagefind's interfaces, nor its web worker: the page runs it on its own thread.
    expect(files.filter((file) => /ui|highlight|worker/.test(file))).toEqual([]);
  }
});

test('Pagefind answers a word found in no essay with the essays that have a short word it begins with, which the search page drops', async () => {
  // Why src/search/word-match.ts checks the words Pagefind matched (its `resultMatch`).
  for (const [query, word] of [
    ['Axolotl', 'a'],
    ['beaver', 'be'],
    ['Orbital', 'or'],
  ] as const) {
    const results = await languages.search(query);
    expect(results.length, query).toBeGreaterThan(0);
    const marked = results.flatMap((result) =>
      [...result.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]?.toLowerCase()),
    );
    expect(marked, query).toContain(word);
    expect(
      results.map((result) => resultMatch(result, queryTerms(query))),
      query,
    ).toEqual(results.map(() => undefined));
  }
});
