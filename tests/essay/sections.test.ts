import { expect, test } from 'vitest';
import { essaySections } from '../../src/essay/sections.ts';

test('the sections offered without search are the essay’s ## headings', () => {
  const headings = [
    { depth: 2, slug: 'one', text: 'One' },
    { depth: 3, slug: 'one-a', text: 'One A' },
    { depth: 2, slug: 'two', text: 'Two' },
  ];
  expect(essaySections(headings, '/sub/essays/a/')).toEqual([
    { text: 'One', href: '/sub/essays/a/#one' },
    { text: 'Two', href: '/sub/essays/a/#two' },
  ]);
});
