import { expect, test } from 'vitest';
import { extraRuns } from '../../scripts/lib/pa11y-extra-runs.ts';

const SITE = 'http://127.0.0.1:8080/reading/';
const SEARCH_RUN = {
  url: 'search/?q={word}',
  actions: ['set field #search-query to {word}', 'wait for element .search-result mark to be added'],
  timeout: 1000,
};

test('a run is made absolute against the site, and {word} is filled in, encoded in the URL', () => {
  expect(extraRuns([SEARCH_RUN, 'search/'], SITE, 'Überblick')).toEqual([
    {
      url: 'http://127.0.0.1:8080/reading/search/?q=%C3%9Cberblick',
      actions: ['set field #search-query to Überblick', 'wait for element .search-result mark to be added'],
      timeout: 1000,
    },
    'http://127.0.0.1:8080/reading/search/',
  ]);
});

test('without a word (a site without essays), a run that needs one is left out and the others kept', () => {
  expect(extraRuns([SEARCH_RUN, 'search/', { url: 'search/', actions: ['set field #search-query to {word}'] }], SITE, undefined)).toEqual([
    'http://127.0.0.1:8080/reading/search/',
  ]);
});

test('a run without actions gets none', () => {
  expect(extraRuns([{ url: '404.html' }], SITE, 'tides')).toEqual([{ url: 'http://127.0.0.1:8080/reading/404.html' }]);
});
