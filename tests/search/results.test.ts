import { expect, test } from 'vitest';
import { parseExcerpt, withoutHeading } from '../../src/search/excerpt.ts';
import { searchLanguage, searchLanguages, type PagefindResultData, type PagefindSubResult } from '../../src/search/pagefind-index.ts';
import { resultsToLoad, searchOutcome, searchStatus, type SearchOutcome } from '../../src/search/results.ts';
import { toSearchHit } from '../../src/search/search-hit.ts';
import { isSearchShortcut, queryFromSearch } from '../../src/search/search-input.ts';
import { queryFor, queryTerms, resultMatch, wordMatch } from '../../src/search/word-match.ts';
import { labelsFor } from '../../src/strings/labels.ts';

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

test('a word the browser’s segmenter does not call word-like is still searched for (Firefox 140: 鉄道 alone)', () => {
  const Segmenter = Intl.Segmenter;
  // As Firefox 140 segments "鉄道": one segment, with isWordLike false.
  class NotWordLike {
    segment(text: string) {
      return [{ segment: text, index: 0, input: text, isWordLike: false }];
    }
  }
  const intl = Intl as { Segmenter: unknown };
  intl.Segmenter = NotWordLike;
  try {
    expect(queryFor('ja', '鉄道')).toBe('鉄道');
    expect(queryFor('ja', '、')).toBe('');
  } finally {
    intl.Segmenter = Segmenter;
  }
});

test('a query in a language written without spaces is split into its words for that language’s index', () => {
  expect(queryFor('ja', '平和への道')).toBe('平和 へ の 道');
  expect(queryFor('zh', '和平之路')).toMatch(/^\S+( \S+)+$/);
  // Other languages are left to Pagefind.
  expect(queryFor('en', 'peace talks')).toBe('peace talks');
  expect(queryFor('fr', '平和への道')).toBe('平和への道');
  // And a result of that index is checked against those words.
  const data: PagefindResultData = {
    url: '/essays/j/',
    excerpt: '',
    meta: { title: '平和' },
    raw_content: '平和\u200Bへ\u200Bの\u200B道',
    locations: [0, 1, 2, 3],
    sub_results: [],
  };
  expect(searchOutcome([{ language: 'ja', data }], OPENING, '平和への道')).toMatchObject({ found: 1, near: 0 });
  expect(searchOutcome([{ language: 'ja', data }], OPENING, '平和への道').hits[0]?.match).toBe('word');
});

test('a query is read as Pagefind reads it: lowercased, without accents or punctuation', () => {
  expect(queryTerms('  Verhandlungen,  Brücke ')).toEqual(['verhandlungen', 'brucke']);
  expect(queryTerms('git-absorb “négociation”')).toEqual(['gitabsorb', 'negociation']);
  expect(queryTerms('?!')).toEqual([]);
});

test('a word of an essay is the word searched for when it is that word, begins with it, or has its stem', () => {
  const match = (word: string, query: string) => wordMatch(word, queryTerms(query)[0] ?? '');
  // The same word, whatever its case, accents and punctuation.
  expect(match('Verhandlungen.', 'verhandlungen')).toBe('word');
  expect(match('négociations', 'Negociations')).toBe('word');
  // A longer word the query begins: a word still being typed, or an inflection.
  expect(match('Verhandlungen', 'Verhandlung')).toBe('word');
  expect(match('negotiations', 'negot')).toBe('word');
  // The same stem with another ending, as a stemmer finds it.
  expect(match('Verhandlung', 'Verhandlungen')).toBe('word');
  expect(match('negotiating', 'negotiations')).toBe('word');
  expect(match('negociación', 'negociaciones')).toBe('word');
  expect(match('town', 'towns')).toBe('word');
  // A part of a word joined by a hyphen or an apostrophe.
  expect(match('git-absorb', 'absorb')).toBe('word');
  expect(match('l’accord', 'accord')).toBe('word');
  expect(match('Мира', 'мир')).toBe('word');
});

test('a short word that merely begins the word searched for is not it, nor close to it', () => {
  // What Pagefind answers for a word the essays do not have: the longest indexed word it begins with.
  for (const [word, query] of [
    ['a', 'Axolotl'],
    ['à', 'Axolotl'],
    ['be', 'beaver'],
    ['or', 'Orbital'],
    ['the', 'theremin'],
  ] as const) {
    expect(wordMatch(word, queryTerms(query)[0] ?? ''), `${word} for ${query}`).toBeUndefined();
  }
});

test('a related word that is not the word searched for is close to it, not it', () => {
  const match = (word: string, query: string) => wordMatch(word, queryTerms(query)[0] ?? '');
  expect(match('study', 'studies')).toBe('near');
  expect(match('bridge', 'bridgework')).toBe('near');
  expect(match('car', 'carts')).toBe('near');
  expect(match('Verhandlungsergebnis', 'Verhandlungen')).toBe('near');
});

/** A page's text and where Pagefind matched in it, as `result.data()` gives them. */
function page(text: string, matched: string[], sections: PagefindSubResult[] = []): PagefindResultData {
  const words = text.split(' ');
  const locations = words.flatMap((word, location) => (matched.includes(word) ? [location] : []));
  const marked = words.map((word, location) => (locations.includes(location) ? `<mark>${word}</mark>` : word)).join(' ');
  return {
    url: '/essays/a/',
    excerpt: marked,
    meta: { title: 'An Essay', standfirst: 'What it argues.' },
    raw_content: text,
    locations,
    sub_results: sections.length > 0 ? sections : [{ title: 'An Essay', url: '/essays/a/', excerpt: marked, locations }],
  };
}

test('a result holds the words searched for only if each of them is among the words Pagefind matched', () => {
  const text = 'The towns had to agree or be left without a crossing and the talks went on';
  expect(resultMatch(page(text, ['towns']), queryTerms('town'))).toBe('word');
  expect(resultMatch(page(text, ['towns', 'talks']), queryTerms('towns talks'))).toBe('word');
  // Pagefind's answers for words that are nowhere in it.
  expect(resultMatch(page(text, ['a']), queryTerms('Axolotl'))).toBeUndefined();
  expect(resultMatch(page(text, ['be']), queryTerms('beaver'))).toBeUndefined();
  expect(resultMatch(page(text, ['or']), queryTerms('Orbital'))).toBeUndefined();
  // One word there, the other not: the essay does not hold the query.
  expect(resultMatch(page(text, ['towns', 'be']), queryTerms('towns beaver'))).toBeUndefined();
  // Only a related word.
  expect(resultMatch(page('The study of towns', ['study']), queryTerms('studies'))).toBe('near');
  // A match in the metadata only is checked against the title and standfirst.
  expect(resultMatch({ ...page(text, []), meta: { title: 'Crossings' } }, queryTerms('crossing'))).toBe('word');
  expect(resultMatch({ ...page(text, []), meta: { title: 'Crossings' } }, queryTerms('bridge'))).toBeUndefined();
});

const section = (title: string, location: number | undefined, score: number): PagefindSubResult => ({
  title,
  url: location === undefined ? '/essays/a/' : `/essays/a/#${title.toLowerCase()}`,
  excerpt: `${title}. Text with <mark>word</mark>`,
  ...(location === undefined ? {} : { anchor: { id: title.toLowerCase(), element: 'h2', location } }),
  locations: [(location ?? 0) + 3],
  weighted_locations: [{ balanced_score: score, location: (location ?? 0) + 3 }],
});

/** A page whose sections start at 0, 10, 20… with "word" as the fourth word of each. */
const result = (sub_results: PagefindSubResult[]): PagefindResultData => ({
  url: '/essays/a/',
  excerpt: 'Page <mark>word</mark>',
  meta: { title: 'An Essay', standfirst: 'What it argues.' },
  raw_content: Array.from({ length: 60 }, (_, location) => (location % 10 === 3 ? 'word' : `w${location}`)).join(' '),
  locations: sub_results.flatMap((sub) => sub.locations),
  sub_results,
});

test('a hit carries the title and standfirst, and the best sections in the order of the essay', () => {
  const hit = toSearchHit(
    result([section('Four', 40, 9), section('One', 10, 1), section('Two', 20, 5), section('Three', 30, 7)]),
    OPENING,
    ['word'],
  );
  expect(hit?.title).toBe('An Essay');
  expect(hit?.standfirst).toBe('What it argues.');
  expect(hit?.match).toBe('word');
  expect(hit?.sections.map((s) => s.label)).toEqual(['Two', 'Three', 'Four']);
  expect(hit?.sections[0]).toEqual({
    label: 'Two',
    url: '/essays/a/#two',
    excerpt: [
      { text: 'Text with ', marked: false },
      { text: 'word', marked: true },
    ],
  });
});

test('a match before the first heading is labelled as the opening and leads to the top of the essay', () => {
  const hit = toSearchHit(result([section('An Essay', undefined, 3)]), OPENING, ['word']);
  expect(hit?.sections).toEqual([{ label: OPENING, url: '/essays/a/', excerpt: parseExcerpt('An Essay. Text with <mark>word</mark>') }]);
});

test('a result without sections still shows the page excerpt, and a missing title falls back to the address', () => {
  const hit = toSearchHit(
    { url: '/essays/b/', excerpt: 'x <mark>y</mark>', meta: {}, raw_content: 'x y', locations: [1], sub_results: [] },
    OPENING,
    ['y'],
  );
  expect(hit?.title).toBe('/essays/b/');
  expect(hit?.standfirst).toBeUndefined();
  expect(hit?.sections).toEqual([{ label: OPENING, url: '/essays/b/', excerpt: parseExcerpt('x <mark>y</mark>') }]);
});

test('only the words searched for are marked, and a section with none of them is not listed', () => {
  const text = 'Towns and a bridge. Talks began at a table. A bridge was built.';
  const words = text.split(' ');
  const at = (word: string, from = 0) => words.indexOf(word, from);
  const data: PagefindResultData = {
    url: '/essays/a/',
    excerpt: '',
    meta: { title: 'Towns' },
    raw_content: text,
    locations: [at('Towns'), at('a'), at('a', 5)],
    sub_results: [
      { title: 'Towns', url: '/essays/a/', excerpt: '<mark>Towns</mark> and <mark>a</mark> bridge.', locations: [at('Towns'), at('a')] },
      {
        title: 'Talks',
        url: '/essays/a/#talks',
        anchor: { id: 'talks', element: 'h2', location: 4 },
        excerpt: 'Talks. Talks began at <mark>a</mark> table.',
        locations: [at('a', 5)],
      },
    ],
  };
  // Pagefind matched "a" for "Axolotl" beside "towns".
  expect(toSearchHit(data, OPENING, queryTerms('town Axolotl'))).toBeUndefined();
  const hit = toSearchHit(data, OPENING, queryTerms('town'));
  expect(hit?.sections).toEqual([
    {
      label: OPENING,
      url: '/essays/a/',
      excerpt: [
        { text: 'Towns', marked: true },
        { text: ' and a bridge.', marked: false },
      ],
    },
  ]);
});

test('an essay with only words close to the query is a near match: it names them and marks nothing', () => {
  const hit = toSearchHit(page('The study of towns and the Study Group', ['study', 'Study']), OPENING, queryTerms('studies'));
  expect(hit?.match).toBe('near');
  expect(hit?.closeWords).toEqual(['study']);
  expect(hit?.sections.flatMap((s) => s.excerpt).some((part) => part.marked)).toBe(false);
});

const found = (language: string, words: string[]) => ({ language, data: page('The towns had a study', words) });
const unloaded = (language: string) => ({ language, data: undefined });

test('the outcome counts the essays with the words, lists them first, then those with close words', () => {
  const outcome = searchOutcome(
    [found('en', ['study']), found('en', ['towns']), found('fr', ['a']), found('de', ['towns'])],
    OPENING,
    'towns',
  );
  expect(outcome).toMatchObject({ found: 2, shown: 2, near: 0 });
  expect(outcome.hits.map((hit) => hit.match)).toEqual(['word', 'word']);
  const near = searchOutcome([found('en', ['study']), found('de', ['study'])], OPENING, 'studies');
  expect(near).toMatchObject({ found: 0, shown: 0, near: 2 });
});

test('a result not loaded counts as its language’s best loaded result does, and the listed ones are capped', () => {
  const ranked = [found('en', ['towns']), found('fr', ['a']), unloaded('en'), unloaded('fr'), unloaded('en')];
  expect(searchOutcome(ranked, OPENING, 'towns', 1)).toMatchObject({ found: 3, shown: 1, near: 0 });
  expect(searchOutcome(ranked, OPENING, 'towns', 1).hits).toHaveLength(1);
});

test('the results to load are those that can be listed, and the best of each language', () => {
  const ranked = ['en', 'en', 'en', 'fr', 'en', 'de'].map((language) => ({ language }));
  expect([...resultsToLoad(ranked, 2)]).toEqual([0, 1, 3, 5]);
  expect([...resultsToLoad(ranked, 20)]).toEqual([0, 1, 2, 3, 4, 5]);
  expect([...resultsToLoad([], 20)]).toEqual([]);
});

test('the announced message counts essays, says what to do when there are none, and calls close words close', () => {
  const labels = labelsFor('en');
  const status = (outcome: Partial<SearchOutcome>, query: string) =>
    searchStatus(labels, { hits: [], found: 0, shown: 0, near: 0, ...outcome }, query);
  expect(status({ found: 1, shown: 1 }, 'drones')).toBe('1 essay contains “drones”.');
  expect(status({ found: 3, shown: 3 }, 'peace')).toBe('3 essays contain “peace”.');
  expect(status({ found: 25, shown: 20 }, 'the')).toBe('25 essays contain “the”. The 20 closest matches are listed.');
  expect(status({}, 'zzz')).toBe('No essays contain “zzz”. Check the spelling, try another word, or browse all essays below.');
  expect(status({ near: 1 }, 'studies')).toBe('No essays contain “studies”. 1 essay has a word close to it.');
  expect(status({ found: 2, shown: 2, near: 3 }, 'studies')).toBe('2 essays contain “studies”. 3 more essays have words close to it.');
});

test('every language words the near matches', () => {
  for (const lang of ['en', 'fr', 'de', 'es']) {
    const labels = labelsFor(lang);
    expect(labels.searchNearResults(1, 'x', 0), lang).toContain(labels.searchResults(0, 'x', 0).split(/[.!?] /)[0] ?? '');
    for (const count of [1, 2]) {
      expect(labels.searchNearResults(count, 'x', 1), lang).toMatch(new RegExp(`^${count} `));
      expect(labels.searchCloseWords(count, labels.quote('x')), lang).toContain(labels.quote('x'));
    }
  }
});

test('the query comes from the address, trimmed', () => {
  expect(queryFromSearch('?q=%20drones%20')).toBe('drones');
  expect(queryFromSearch('?q=peace+talks')).toBe('peace talks');
  expect(queryFromSearch('')).toBe('');
});

test('each language has its own index, named by its primary subtag', () => {
  expect(searchLanguage('en')).toBe('en');
  expect(searchLanguage('fr-CA')).toBe('fr');
  expect(searchLanguage('zh-Hant')).toBe('zh');
  expect(searchLanguage('')).toBe('unknown');
  expect(searchLanguages(['fr', 'en', 'fr-CA', 'de-CH', 'en'])).toEqual(['de', 'en', 'fr']);
});

test('the search shortcut is a plain /, outside a field', () => {
  const press = { key: '/', ctrlKey: false, altKey: false, metaKey: false };
  expect(isSearchShortcut(press, false)).toBe(true);
  // Typed with Shift on a German or French keyboard.
  expect(isSearchShortcut({ ...press, shiftKey: true } as typeof press, false)).toBe(true);
  expect(isSearchShortcut(press, true)).toBe(false);
  expect(isSearchShortcut({ ...press, ctrlKey: true }, false)).toBe(false);
  expect(isSearchShortcut({ ...press, altKey: true }, false)).toBe(false);
  expect(isSearchShortcut({ ...press, metaKey: true }, false)).toBe(false);
  expect(isSearchShortcut({ ...press, isComposing: true }, false)).toBe(false);
  expect(isSearchShortcut({ ...press, defaultPrevented: true }, false)).toBe(false);
  expect(isSearchShortcut({ ...press, key: 's' }, false)).toBe(false);
});
