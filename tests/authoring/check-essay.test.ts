import { expect, test } from 'vitest';
import { analyzeEssayFile, formatSourcingReport, mdxSyntaxProblem } from '../../src/authoring/check-essay.ts';
import { citationJsLoadedBy } from '../support/citation-js-loaded.ts';

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
      '  content/essays/a.mdx: 3 notes, 1 cite a source (0 from a bibliography, 1 from the frontmatter), 1 remark, 1 await a source',
      '    note 3 (content/essays/a.mdx:11): The poll.',
      '  1 claim awaits a source in 1 of 1 essay. Set REQUIRE_SOURCES=1 to fail the build until none do.',
    ].join('\n'),
  );
});

test('an essay with every note sourced says so', () => {
  const result = analyzeEssayFile(essay('A.<Footnote source="s" />'));
  expect(formatSourcingReport(result ? [result] : [])).toMatch(/Every claim with a note has its source \(1 essay\)\.$/);
});

test('MDX that does not parse is left to the build, which reports it with its own location', () => {
  expect(analyzeEssayFile(essay('<div>\nunclosed'))).toBeUndefined();
});

test('the short report for the build log names only essays with claims awaiting a source, at most ten, and the report file', () => {
  const sourced = analyzeEssayFile(essay('A.<Footnote source="s" />'));
  const awaiting = analyzeEssayFile(essay('A.<Footnote /> B.<Footnote needed="The poll." />'));
  if (!sourced || !awaiting) throw new Error('the essays should parse');
  const many = [sourced, ...Array.from({ length: 12 }, (_, index) => ({ ...awaiting, file: `content/essays/e${index}.mdx` }))];
  expect(formatSourcingReport(many, { full: false, reportFile: 'reports/sourcing.md' }).split('\n')).toEqual([
    'Sourcing report',
    ...Array.from({ length: 10 }, (_, index) => `  content/essays/e${index}.mdx: 2 notes, 0 cite a source, 0 remarks, 2 await a source`),
    '  …and 2 more essays with claims awaiting a source.',
    '  24 claims await a source in 12 of 13 essays. Set REQUIRE_SOURCES=1 to fail the build until none do.',
    '  Note by note: reports/sourcing.md',
  ]);
  expect(formatSourcingReport([sourced, sourced], { full: false })).toBe(
    'Sourcing report\n  Every claim with a note has its source (2 essays).',
  );
});

test('one mistake, one message: a hidden javascript: scheme is not also a link to a missing page, nor a source with a bad URL a missing source', () => {
  const source =
    '---\ntitle: T\ndescription: D\nsources:\n  - id: agency\n    title: One\n    url: javascript:alert(1)\n---\n\nA claim.<Footnote source="agency" /> and [x](java&Tab;script:alert(1)).\n';
  const problems =
    analyzeEssayFile({ file: 'a.mdx', relativePath: 'a.mdx', source }, { base: '/sub/', pages: new Set(['']) })?.problems ?? [];
  expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
    '10:42 a javascript: URL in a Markdown link would put code or a hidden document in the page.',
  ]);
});

test('MDX that does not parse is reported as every mistake is: the essay’s path, line, column and a fix', () => {
  const unclosed = mdxSyntaxProblem({
    file: 'content/essays/a.mdx',
    relativePath: 'a.mdx',
    source: '---\ntitle: T\ndescription: D\n---\n\nText.\n\n<div>\nMore.\n',
  });
  expect(unclosed).toEqual({
    file: 'content/essays/a.mdx',
    line: 8,
    column: 1,
    message: 'the MDX does not parse: Expected a closing tag for `<div>`.',
    fix: 'close every element you open (<div>…</div>), quote every attribute value (name="value"), and write a { or < that is text as \\{ or \\<.',
  });
  const unquoted = mdxSyntaxProblem({
    file: 'b.mdx',
    relativePath: 'b.mdx',
    source: '---\ntitle: T\ndescription: D\n---\n\n<img src="a.png" onerror=x />\n',
  });
  expect(unquoted?.line).toBe(6);
  expect(unquoted?.message).toMatch(/^the MDX does not parse: /);
  expect(
    mdxSyntaxProblem({ file: 'c.mdx', relativePath: 'c.mdx', source: '---\ntitle: T\ndescription: D\n---\n\nFine.\n' }),
  ).toBeUndefined();
});

test('an essay whose language has no CSL locale is worded in English, and the report says so; one that has is not named', () => {
  const japanese = analyzeEssayFile({
    ...essay('A.<Footnote source="s" />'),
    source: essay('A.<Footnote source="s" />').source.replace('title: A\n', 'title: A\nlang: ja\n'),
  });
  const german = analyzeEssayFile({
    ...essay('A.<Footnote source="s" />'),
    file: 'content/essays/b.mdx',
    source: essay('A.<Footnote source="s" />').source.replace('title: A\n', 'title: A\nlang: de\n'),
  });
  expect(japanese?.citationLocale).toEqual({ lang: 'ja', locale: 'en-US', fallback: true });
  expect(german?.citationLocale).toEqual({ lang: 'de', locale: 'de-DE', fallback: false });
  expect(formatSourcingReport([japanese, german].flatMap((result) => result ?? []))).toContain(
    "Citations in English, as no CSL locale has the essay's language: content/essays/a.mdx (ja).",
  );
});

test('checking an essay that cites nothing loads none of Citation.js; one that cites does, for its citations’ locale', () => {
  const checked = (body: string) =>
    citationJsLoadedBy(`
      const { analyzeEssayFile } = await import('./src/authoring/check-essay.ts');
      result = analyzeEssayFile(${JSON.stringify(essay(body))})?.citationLocale ?? null;`);
  expect(checked('A claim.<Footnote /> A remark.<Footnote>Said twice.</Footnote>')).toEqual({ loaded: [], result: null });
  const cites = checked('A claim.<Footnote source="s" />');
  expect(cites.result).toEqual({ lang: 'en', locale: 'en-US', fallback: false });
  expect(cites.loaded.length).toBeGreaterThan(0);
});
