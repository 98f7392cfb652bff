import { expect, test } from 'vitest';
import { buildToc, countSections, currentHeadingIndex } from '../../src/site/toc.ts';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });

test('nests h3 under the h2 before it', () => {
  expect(buildToc([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(2, 'B')])).toEqual([
    {
      depth: 2,
      slug: 'a',
      text: 'A',
      section: true,
      children: [
        { depth: 3, slug: 'a1', text: 'A1', children: [], section: true },
        { depth: 3, slug: 'a2', text: 'A2', children: [], section: true },
      ],
    },
    { depth: 2, slug: 'b', text: 'B', children: [], section: true },
  ]);
});

test('leaves out the h1 and headings deeper than h3', () => {
  expect(buildToc([h(1, 'Title'), h(2, 'A'), h(4, 'Deep')])).toEqual([{ depth: 2, slug: 'a', text: 'A', children: [], section: true }]);
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

test('the contents count the sections a reader sees: not their parts, nor the scenarios or the notes', () => {
  // Six sections, the fifth with three scenarios, then the notes: "Contents, 6 sections", not 10.
  const headings = [
    ...['One', 'Two', 'Three', 'Four', 'Ahead'].map((text) => h(2, text)),
    h(3, 'Scenario 1: Status Quo'),
    h(3, 'Scenario 2: Partial Progress'),
    h(3, 'Scenario 3: Strategic Shift'),
    h(2, 'Perspective'),
    h(2, 'Notes'),
  ];
  const items = buildToc(headings, {
    unnumbered: new Set(['scenario 1: status quo', 'scenario 2: partial progress', 'scenario 3: strategic shift', 'notes']),
  });
  expect(countSections(items)).toBe(6);
  expect(countSections([])).toBe(0);
  // An h3 of a section is part of it, not another section.
  expect(countSections(buildToc([h(2, 'A'), h(3, 'A1'), h(2, 'B')]))).toBe(2);
});

test('an entry that carries its own number, or the notes, is not numbered by the list', () => {
  const items = buildToc([h(2, 'Ahead'), h(3, 'Scenario 1: Status Quo'), h(2, 'Notes')], {
    unnumbered: new Set(['scenario 1: status quo', 'notes']),
  });
  expect(items.map((item) => [item.text, item.section])).toEqual([
    ['Ahead', true],
    ['Notes', false],
  ]);
  expect(items[0]?.children.map((item) => item.section)).toEqual([false]);
});

test('a section after an entry that is not one is given its number, which its place in the list would not show', () => {
  // An h3 after a section's scenarios: the list's first section, in fourth place.
  const [section] = buildToc([h(2, 'Second list'), h(3, 'Dry'), h(3, 'Flood'), h(3, 'Balance'), h(3, 'Within')], {
    unnumbered: new Set(['dry', 'flood', 'balance']),
  });
  expect(section?.children.map((item) => [item.text, item.listValue])).toEqual([
    ['Dry', undefined],
    ['Flood', undefined],
    ['Balance', undefined],
    ['Within', 1],
  ]);
  // In its place, a section needs no value: none is written.
  expect(buildToc([h(2, 'A'), h(2, 'B')]).map((item) => 'listValue' in item)).toEqual([false, false]);
});
