import { expect, test } from 'vitest';
import { SEARCH_EXCLUDE_SELECTORS, titleNotes } from '../../scripts/lib/search-index.ts';

test('each note is titled for the index in the order the notes come, whatever its label', () => {
  const html = '<ol><li id="user-content-fn-source"><p>A.</p></li>\n<li id="user-content-fn-2"><p>B.</p></li></ol>';
  expect(titleNotes(html)).toBe(
    '<ol><li id="user-content-fn-source" data-pagefind-title="Note 1"><p>A.</p></li>\n<li id="user-content-fn-2" data-pagefind-title="Note 2"><p>B.</p></li></ol>',
  );
});

test('a page without notes is indexed as it is', () => {
  const html = '<li id="item-1">Not a note</li><a href="#user-content-fn-1" id="user-content-fnref-1">1</a>';
  expect(titleNotes(html)).toBe(html);
});

test('navigation and the note markers and back-links are never indexed', () => {
  expect(SEARCH_EXCLUDE_SELECTORS).toEqual(expect.arrayContaining(['nav', '[data-footnote-ref]', '[data-footnote-backref]']));
});
