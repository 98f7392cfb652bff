import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

/**
 * Each fixture folder under tests/fixtures/bad/ holds one author mistake. The build must
 * stop with a non-zero exit, say which file and what is wrong, and write no site.
 */
test.each([
  { fixture: 'missing-title', expected: [/missing-title\/untitled\.mdx:1: title is missing/, /Fix: add a line "title: …"/] },
  { fixture: 'impossible-date', expected: [/impossible-date\/leap\.mdx:4: published: "2025-02-30" is not a real date/] },
  { fixture: 'broken-mdx', expected: [/broken-mdx\/unclosed\.mdx:8/, /Expected a closing tag for `<div>`/] },
  { fixture: 'duplicate-slug', expected: [/duplicate-slug\/second\.mdx:1: its URL slug "same" is already taken by .*duplicate-slug\/first\.mdx/] },
  { fixture: 'markdown-file', expected: [/markdown-file\/plain\.md: essays are written in MDX/, /rename it to .*plain\.mdx/] },
  // Astro 7 can log a rendering error and still exit 0 (withastro/astro#18054); ours must not.
  { fixture: 'render-error', expected: [/this essay failed to render/, /\/essays\/throws\//] },
])('a build with $fixture fails, naming the file and the problem', ({ fixture, expected }) => {
  const result = buildSite({ ESSAYS_DIR: `tests/fixtures/bad/${fixture}` });
  expect(result.status, result.output).not.toBe(0);
  for (const pattern of expected) expect(result.output).toMatch(pattern);
  expect(result.output).toMatch(/Build failed/);
  expect(existsSync(result.outDir)).toBe(false);
});
