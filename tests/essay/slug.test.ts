import { expect, test } from 'vitest';
import { essaySlug } from '../../src/essay/slug.ts';

test('slugs come from the path, segment by segment, unless the frontmatter gives one', () => {
  expect(essaySlug('My First Essay.mdx')).toBe('my-first-essay');
  expect(essaySlug('series/Part One.mdx')).toBe('series/part-one');
  expect(essaySlug('series/index.mdx')).toBe('series');
  expect(essaySlug('whatever.mdx', 'chosen')).toBe('chosen');
});
