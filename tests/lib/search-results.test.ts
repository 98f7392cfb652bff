import { expect, test } from 'vitest';
import {
  languagesToMerge,
  parseExcerpt,
  queryFromSearch,
  toSearchHit,
  withoutHeading,
  type PagefindResultData,
  type PagefindSubResult,
} from '../../src/lib/search-results.ts';
import { labelsFor } from '../../src/lib/labels.ts';

const OPENING = 'Opening';

test('an excerpt is split into plain and marked text, and never read as HTML', () => {
  expect(parseExcerpt('2,200 <mark>drones</mark> at <mark>sea</mark>')).toEqual([
    { text: '2,200 ', marked: false },
    { text: 'drones', marked: true },
    { text: ' at ', marked: false },
    { text: 'sea', marked: true },
  ]);
  expect(parseExcerpt('a &lt;script&gt; tag &amp; more')).toEqual([{ text: 'a <script> tag &amp; more', marked: false }]);
  expect(parseExcerpt('')).toEqual([]);
});

test('the heading Pagefind puts at the start of a section excerpt is dropped, since the link shows it', () => {
  expect(withoutHeading(parseExcerpt('Choices. Amid <mark>drones</mark>'), 'Choices')).toEqual([
    { text: 'Amid ', marked: false },
    { text: 'drones', marked: true },
  ]);
  expect(withoutHeading(parseExcerpt('…later <mark>drones</mark>'), 'Choices')).toEqual(parseExcerpt('…later <mark>drones</mark>'));
  // A heading that ends in its own punctuation gets no full stop, and may hold a marked word.
  expect(withoutHeading(parseExcerpt('Pathways to <mark>Peace?</mark> Three <mark>peace</mark> plans'), 'Pathways to Peace?')).toEqual([
    { text: 'Three ', marked: false },
    { text: 'peace', marked: true },
    { text: ' plans', marked: false },
  ]);
  // A heading's words that merely start the excerpt's text are kept.
  expect(withoutHeading(parseExcerpt('Choices made. Then'), 'Choices')).toEqual(parseExcerpt('Choices made. Then'));
});

const section = (title: string, location: number | undefined, score: number): PagefindSubResult => ({
  title,
  url: location === undefined ? '/essays/a/' : `/essays/a/#${title.toLowerCase()}`,
  excerpt: `${title}. Text with <mark>word</mark>`,
  ...(location === undefined ? {} : { anchor: { id: title.toLowerCase(), element: 'h2', location } }),
  locations: [(location ?? 0) + 1],
  weighted_locations: [{ balanced_score: score, location: (location ?? 0) + 1 }],
});

const result = (sub_results: PagefindSubResult[]): PagefindResultData => ({
  url: '/essays/a/',
  excerpt: 'Page <mark>word</mark>',
  meta: { title: 'An Essay', standfirst: 'What it argues.' },
  sub_results,
});

test('a hit carries the title and standfirst, and the best sections in the order of the essay', () => {
  const hit = toSearchHit(result([section('Four', 40, 9), section('One', 10, 1), section('Two', 20, 5), section('Three', 30, 7)]), OPENING);
  expect(hit.title).toBe('An Essay');
  expect(hit.standfirst).toBe('What it argues.');
  expect(hit.sections.map((s) => s.label)).toEqual(['Two', 'Three', 'Four']);
  expect(hit.sections[0]).toEqual({
    label: 'Two',
    url: '/essays/a/#two',
    excerpt: [
      { text: 'Text with ', marked: false },
      { text: 'word', marked: true },
    ],
  });
});

test('a match before the first heading is labelled as the opening and leads to the top of the essay', () => {
  const hit = toSearchHit(result([section('An Essay', undefined, 3)]), OPENING);
  expect(hit.sections).toEqual([{ label: OPENING, url: '/essays/a/', excerpt: parseExcerpt('An Essay. Text with <mark>word</mark>') }]);
});

test('a result without sections still shows the page excerpt, and a missing title falls back to the address', () => {
  const hit = toSearchHit({ url: '/essays/b/', excerpt: 'x <mark>y</mark>', meta: {}, sub_results: [] }, OPENING);
  expect(hit.title).toBe('/essays/b/');
  expect(hit.standfirst).toBeUndefined();
  expect(hit.sections).toEqual([{ label: OPENING, url: '/essays/b/', excerpt: parseExcerpt('x <mark>y</mark>') }]);
});

test('the announced message counts essays, and says what to do when there are none', () => {
  const resultsMessage = (count: number, query: string, shown = count) => labelsFor('en').searchResults(count, query, shown);
  expect(resultsMessage(1, 'drones')).toBe('1 essay contains “drones”.');
  expect(resultsMessage(3, 'peace')).toBe('3 essays contain “peace”.');
  expect(resultsMessage(25, 'the', 20)).toBe('25 essays contain “the”. The 20 closest matches are listed.');
  expect(resultsMessage(0, 'zzz')).toBe('No essays contain “zzz”. Check the spelling, try another word, or browse all essays below.');
});

test('the query comes from the address, trimmed', () => {
  expect(queryFromSearch('?q=%20drones%20')).toBe('drones');
  expect(queryFromSearch('?q=peace+talks')).toBe('peace talks');
  expect(queryFromSearch('')).toBe('');
});

test('every language index but the one Pagefind opens is merged, so essays in any language are found', () => {
  const languages = { en: { page_count: 2 }, fr: { page_count: 1 }, ja: { page_count: 5 } };
  expect(languagesToMerge(languages, 'en')).toEqual(['fr', 'ja']);
  expect(languagesToMerge(languages, 'fr-CA')).toEqual(['en', 'ja']);
  // No index in the page's language: Pagefind opens the largest, and the rest are merged.
  expect(languagesToMerge(languages, 'de')).toEqual(['en', 'fr']);
  expect(languagesToMerge({ en: { page_count: 1 } }, 'en')).toEqual([]);
});
