import { expect, test } from 'vitest';
import { fillDownloadSizes } from '../../scripts/lib/offline-downloads.ts';

const LINKS =
  '<p class="downloads" data-reading-aid data-pagefind-ignore>Read offline: <a href="/essays/a/a.epub" download type="application/epub+zip">EPUB<span data-download-size="epub"></span></a> · <a href="/essays/a/a.html" download type="text/html">HTML<span data-download-size="html"></span></a></p>';

test('each download link gets its size, and nothing else in the page changes', () => {
  const page = `<!DOCTYPE html><html lang="en"><body>${LINKS}<p>Text with <span>spans</span>.</p></body></html>`;
  const filled = fillDownloadSizes(page, { epub: 7_343, html: 1_234_567 }, 'en');
  expect(filled).toBe(
    page
      .replace('<span data-download-size="epub"></span>', '<span data-download-size="epub">, 7 KB</span>')
      .replace('<span data-download-size="html"></span>', '<span data-download-size="html">, 1.2 MB</span>'),
  );
});

test('sizes are written in the page’s language', () => {
  expect(fillDownloadSizes(LINKS, { epub: 1_500_000, html: 2_000 }, 'fr')).toContain('EPUB<span data-download-size="epub">, 1,5 MB</span>');
});

test('a page without its size element, or with two, is an error that says which', () => {
  expect(() => fillDownloadSizes('<p>No links</p>', { epub: 1, html: 1 }, 'en')).toThrow(
    'one empty <span data-download-size="epub"> to show the file\'s size; it has 0',
  );
  expect(() => fillDownloadSizes(LINKS + LINKS, { epub: 1, html: 1 }, 'en')).toThrow('it has 2');
  // Already filled: a second pass would have nothing to fill.
  expect(() => fillDownloadSizes(fillDownloadSizes(LINKS, { epub: 1, html: 1 }, 'en'), { epub: 1, html: 1 }, 'en')).toThrow('it has 0');
});
