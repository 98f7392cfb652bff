import { expect, test } from 'vitest';
import { buildToc, countTocItems, currentHeadingIndex } from '../../src/site/toc.ts';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });

test('nests h3 under the h2 before it', () => {
  expect(buildToc([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(2, 'B')])).toEqual([
    {
      depth: 2,
      slug: 'a',
      text: 'A',
      children: [
        { depth: 3, slug: 'a1', text: 'A1', children: [] },
        { depth: 3, slug: 'a2', text: 'A2', children: [] },
      ],
    },
    { depth: 2, slug: 'b', text: 'B', children: [] },
  ]);
});

test('leaves out the h1 and headings deeper than h3', () => {
  expect(buildToc([h(1, 'Title'), h(2, 'A'), h(4, 'Deep')])).toEqual([{ depth: 2, slug: 'a', text: 'A', children: [] }]);
});

test('keeps an h3 that comes before any h2 at the top level rather than losing it', () => {
  expect(buildToc([h(3, 'Orphan'), h(2, 'A')]).map((item) => item.text)).toEqual(['Orphan', 'A']);
});

test('returns an empty list for an essay without sections', () => {
  expect(buildToc([])).toEqual([]);
});

test('the current heading is the last one above the reading line, none above the first heading', () => {
  // A 1000 px window: the reading line is at 250 px.
  expect(currentHeadingIndex([400, 900, 1500], 1000)).toBe(-1);
  expect(currentHeadingIndex([-300, 240, 900], 1000)).toBe(1);
  // The section above the reader's line is current even when the next heading is on screen.
  expect(currentHeadingIndex([-800, 600], 1000)).toBe(0);
  expect(currentHeadingIndex([-900, -400, -10], 1000)).toBe(2);
  expect(currentHeadingIndex([], 1000)).toBe(-1);
});

test('the contents count every entry, nested ones too', () => {
  const items = buildToc([
    { depth: 2, slug: 'a', text: 'A' },
    { depth: 3, slug: 'a1', text: 'A1' },
    { depth: 2, slug: 'b', text: 'B' },
  ]);
  expect(countTocItems(items)).toBe(3);
  expect(countTocItems([])).toBe(0);
});
