import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { essayPassages, readEssays, searchableWords, searchWords } from '../../scripts/lib/essay-words.ts';
import { writeSiteFolder } from '../support/site-folder.ts';

/** A built essay page as the layout writes it: only what the module reads. */
function essayPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta name="description" content="About ${title}."></head><body>
<header>Essays <a href="/search/">Search</a></header>
<main><article class="essay" data-pagefind-body><header><h1>${title}</h1><p class="meta" data-pagefind-ignore>2 min read</p></header>
<nav class="toc" data-pagefind-ignore><a href="#a">Contents entry</a></nav>
<div class="essay-body">${body}</div></article></main><footer>All essays</footer></body></html>`;
}

const TIDES = essayPage(
  'On Tides',
  `<p>The moon pulls the water.<sup class="note-ref" data-pagefind-ignore><a href="#n1">Note 1</a></sup><span class="sidenote" data-pagefind-ignore>Newton said so.</span></p>
<h2 id="springs"><a href="#springs">Spring tides</a></h2><p>Twice a month, the sun and moon align.</p>
<h2 id="empty">Nothing here</h2>
<h2 id="lists">Lists</h2><ol class="scenarios"><li><p><strong>Scenario 1: Calm</strong></p><div>Nothing changes.</div></li></ol>
<h3 id="deeper">Deeper</h3><blockquote><p>Quoted neaps.</p></blockquote>
<section class="notes" role="doc-endnotes"><h2 id="notes">Notes</h2><ol><li>Newtonian mechanics.</li></ol></section>`,
);

const scratch = mkdtempSync(join(tmpdir(), 'essay-words-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const site = (name: string, pages: Record<string, string>): string => writeSiteFolder(join(scratch, name), pages);

test('an essay is split at its headings, in reading order, without notes, ignored parts or empty sections', () => {
  expect(essayPassages(TIDES)).toEqual([
    { anchor: undefined, heading: 'On Tides', text: 'The moon pulls the water.' },
    { anchor: 'springs', heading: 'Spring tides', text: 'Twice a month, the sun and moon align.' },
    { anchor: 'lists', heading: 'Lists', text: 'Scenario 1: Calm Nothing changes.' },
    { anchor: 'deeper', heading: 'Deeper', text: 'Quoted neaps.' },
  ]);
});

test('a page without an essay has no passages', () => {
  expect(essayPassages('<!doctype html><main><h1>Search</h1><p>Find an essay.</p></main>')).toEqual([]);
});

test('searchable words are whole words of letters in spaced alphabets, without inner apostrophes, hyphens or digits', () => {
  expect(searchableWords('Witkoff’s “unofficial channel”, in 2025: high-level talks (Мир) 平和への道 café.')).toEqual([
    'unofficial',
    'channel',
    'talks',
    'Мир',
    'café',
  ]);
});

test('the essays of a built site are its pages with an indexed article, with title, standfirst and passages', () => {
  const dir = site('two', {
    'index.html': '<!doctype html><title>Home</title><main><p>Welcome home.</p></main>',
    'essays/tides/index.html': TIDES,
    'essays/blank/index.html': essayPage('Blank', ''),
    'search/index.html': '<!doctype html><main><p>Search needs JavaScript.</p></main>',
  });
  expect(readEssays(dir).map(({ page, title, standfirst, passages }) => [page, title, standfirst, passages.length])).toEqual([
    ['essays/blank/', 'Blank', 'About Blank.', 0],
    ['essays/tides/', 'On Tides', 'About On Tides.', 4],
  ]);
});

test('the words to search a site for come from the first passage with words of its first essay, longest first', () => {
  const dir = site('words', { 'essays/blank/index.html': essayPage('Blank', '<p>42.</p>'), 'essays/tides/index.html': TIDES });
  expect(searchWords(dir)).toEqual(['pulls', 'water', 'moon', 'The']);
});

test('a site without essays has no words to search for', () => {
  expect(searchWords(site('empty', { 'index.html': '<!doctype html><main><p>No essays yet.</p></main>' }))).toEqual([]);
});
