import { expect, test } from 'vitest';
import { essayByline, formatBylineReport } from '../../src/authoring/byline-report.ts';

test('an essay has a byline when it names an author, and a date when it gives published or updated', () => {
  expect(essayByline('a.mdx', { authors: ['Ada Example'], published: '2025-03-01' })).toEqual({
    file: 'a.mdx',
    authors: true,
    dated: true,
  });
  expect(essayByline('a.mdx', { updated: new Date('2025-03-01') })).toEqual({ file: 'a.mdx', authors: false, dated: true });
  expect(essayByline('a.mdx', { authors: [], published: '' })).toEqual({ file: 'a.mdx', authors: false, dated: false });
  expect(essayByline('a.mdx', { authors: 'Ada Example' })).toEqual({ file: 'a.mdx', authors: false, dated: false });
});

test('the report names each essay without an author or a date, says which is missing, and how to fix it without guessing', () => {
  expect(
    formatBylineReport([
      { file: 'content/essays/a.mdx', authors: false, dated: false },
      { file: 'content/essays/b.mdx', authors: true, dated: true },
      { file: 'content/essays/c.mdx', authors: true, dated: false },
      { file: 'content/essays/d.mdx', authors: false, dated: true },
    ]),
  ).toBe(
    [
      'Byline report',
      '  content/essays/a.mdx: no author, no date',
      '  content/essays/c.mdx: no date',
      '  content/essays/d.mdx: no author',
      '  3 of 4 essays show no author or no date. Where they are known, add authors: and published: to the frontmatter; where they are not, leave them out rather than guess.',
    ].join('\n'),
  );
});

test('there is no report when every essay has an author and a date, or when there are no essays', () => {
  expect(formatBylineReport([{ file: 'a.mdx', authors: true, dated: true }])).toBeUndefined();
  expect(formatBylineReport([])).toBeUndefined();
});

test('a large site’s report names ten essays and counts the rest, so the log stays short', () => {
  const essays = Array.from({ length: 200 }, (_, index) => ({ file: `e${index}.mdx`, authors: false, dated: false }));
  const lines = formatBylineReport(essays)?.split('\n') ?? [];
  expect(lines).toHaveLength(13);
  expect(lines[11]).toBe('  …and 190 more essays without an author or a date.');
  expect(lines[12]).toMatch(/^ {2}200 of 200 essays show no author or no date\./);
});

test('the report is a notice, never worded as a warning (STRICT=1 fails a build on warnings)', () => {
  expect(formatBylineReport([{ file: 'a.mdx', authors: false, dated: false }])).not.toMatch(/warning|\[WARN\]/i);
});
