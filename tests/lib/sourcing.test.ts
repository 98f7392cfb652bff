import { expect, test } from 'vitest';
import { analyzeEssayFile, formatSourcingReport } from '../../src/lib/sourcing.ts';

const essay = (body: string) => ({
  file: 'content/essays/a.mdx',
  relativePath: 'a.mdx',
  source: `---\ntitle: A\ndescription: B\nsources:\n  - id: s\n    title: S\n---\n\n${body}`,
});

test('the report counts notes by kind and lists each one awaiting a source with file:line', () => {
  const result = analyzeEssayFile(essay('A.<Footnote source="s" /> B.<Footnote>Remark.</Footnote>\n\nC.<Footnote needed="The poll." />'));
  expect(result?.problems).toEqual([]);
  expect(formatSourcingReport(result ? [result] : [])).toBe(
    [
      'Sourcing report',
      '  content/essays/a.mdx: 3 notes, 1 cite a source, 1 remark, 1 await a source',
      '    note 3 (content/essays/a.mdx:11): The poll.',
      '  1 claim awaits a source. Set REQUIRE_SOURCES=1 to fail the build until none do.',
    ].join('\n'),
  );
});

test('an essay with every note sourced says so', () => {
  const result = analyzeEssayFile(essay('A.<Footnote source="s" />'));
  expect(formatSourcingReport(result ? [result] : [])).toMatch(/Every claim with a note has its source\.$/);
});

test('MDX that does not parse is left to the build, which reports it with its own location', () => {
  expect(analyzeEssayFile(essay('<div>\nunclosed'))).toBeUndefined();
});
