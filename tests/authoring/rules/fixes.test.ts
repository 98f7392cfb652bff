import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { checkEncoding, checkEssays, slugOf, type EssaySource } from '../../../src/authoring/problems.ts';
import { analyzeEssayFile } from '../../../src/authoring/check-essay.ts';

const BAD = join(import.meta.dirname, '../../fixtures/bad');

function essaysOf(fixture: string, edit: (source: string) => string = (source) => source): EssaySource[] {
  const dir = join(BAD, fixture);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => ({ file: relative(BAD, join(dir, name)), relativePath: name, source: edit(readFileSync(join(dir, name), 'utf8')) }));
}

function problemsOf(essays: readonly EssaySource[]) {
  // The site these essays make, as the build's checks see it.
  const pages = new Set(['', 'search/', ...essays.map((essay) => `essays/${slugOf(essay)}/`)]);
  return [...checkEssays(essays), ...essays.flatMap((essay) => analyzeEssayFile(essay, { base: '/', pages, root: BAD })?.problems ?? [])];
}

/**
 * Each bad fixture with the change its message's Fix asks for: before, the checks find the
 * mistake; after, nothing. A fix that does not fix is a wrong message.
 */
test.each([
  { fixture: 'raw-script', fix: (source: string) => source.replace(/<script>.*<\/script>\n/, '') },
  { fixture: 'event-handler', fix: (source: string) => source.replace(' onerror="alert(1)"', '') },
  { fixture: 'inline-style', fix: (source: string) => source.replace(" style={{ color: 'red' }}", '') },
  { fixture: 'javascript-url', fix: (source: string) => source.replace('JavaScript:alert(1)', 'https://example.org/report') },
  { fixture: 'other-origin-image', fix: (source: string) => source.replace('https://tracker.example/p.png', './p.png') },
  { fixture: 'second-h1', fix: (source: string) => source.replace('# Second title', '## Second title') },
  { fixture: 'skipped-level', fix: (source: string) => source.replace('#### Four', '### Four') },
  { fixture: 'empty-heading', fix: (source: string) => source.replace('## \n', "## The section's title\n") },
  { fixture: 'note-in-heading', fix: (source: string) => source.replace(/(<Footnote>.*<\/Footnote>)\n\nText\./, '\n\nText.$1') },
  {
    fixture: 'link-in-heading',
    fix: (source: string) => source.replace(/\[the report\]\((.*)\)\n\nText\./, 'the report\n\nText in [the report]($1).'),
  },
  { fixture: 'dead-fragment', fix: (source: string) => source.replace('#the-frist-clock', '#the-first-clock') },
  { fixture: 'missing-page', fix: (source: string) => source.replace('/essays/on-tides/', '/essays/elsewhere/') },
  { fixture: 'empty-link-text', fix: (source: string) => source.replace('[](', "[the agency's report](") },
  { fixture: 'vague-link-text', fix: (source: string) => source.replace(': [click here](', ': [the report](') },
  { fixture: 'misspelled-component', fix: (source: string) => source.replaceAll('Fotnote>', 'Footnote>') },
  { fixture: 'lowercase-component', fix: (source: string) => source.replaceAll('footnote>', 'Footnote>') },
  { fixture: 'unknown-frontmatter-key', fix: (source: string) => source.replace('publishd:', 'published:') },
  { fixture: 'unknown-source-key', fix: (source: string) => source.replace('acessed:', 'accessed:') },
  { fixture: 'nested-note', fix: (source: string) => source.replace('<Footnote>In two interviews.</Footnote>', ' In two interviews.') },
  { fixture: 'hidden-character', fix: (source: string) => source.replace('\u202E', '') },
  { fixture: 'image-without-alt', fix: (source: string) => source.replace('![](', '![Bar chart: launches rose each month](') },
  { fixture: 'alt-file-name', fix: (source: string) => source.replace('![launches.png](', '![Bar chart: launches rose each month](') },
  { fixture: 'missing-image', fix: (source: string) => source.replace('./launches.png', '../image-without-alt/launches.png') },
  // The path corrected to a component of the site's that is there (tests/fixtures/bad/ is the fixtures' site).
  {
    fixture: 'missing-import',
    fix: (source: string) => source.replace('./chart.astro', '../src/components/Chart.astro'),
  },
])('$fixture: applying the fix leaves nothing to report', ({ fixture, fix }) => {
  expect(problemsOf(essaysOf(fixture)).length).toBeGreaterThan(0);
  expect(problemsOf(essaysOf(fixture, fix))).toEqual([]);
});

test('index-file and nameless-file: renamed as the fix says, or given a slug, they pass', () => {
  for (const fixture of ['index-file', 'nameless-file']) {
    const essays = essaysOf(fixture);
    expect(problemsOf(essays).length).toBeGreaterThan(0);
    const fix = /such as (\S+)\.mdx, or give it a "slug: (\S+)"/.exec(problemsOf(essays)[0]?.fix ?? '');
    expect(fix).not.toBeNull();
    expect(problemsOf(essays.map((essay) => ({ ...essay, relativePath: `${fix?.[1] ?? ''}.mdx` })))).toEqual([]);
    expect(
      problemsOf(essays.map((essay) => ({ ...essay, source: essay.source.replace('---\n', `---\nslug: ${fix?.[2] ?? ''}\n`) }))),
    ).toEqual([]);
  }
});

test('not-utf8: saved as UTF-8, the file passes', () => {
  const path = join(BAD, 'not-utf8/latin1.mdx');
  const latin1 = readFileSync(path);
  expect(checkEncoding('latin1.mdx', latin1)).toBeDefined();
  const utf8 = Buffer.from(latin1.toString('latin1'), 'utf8');
  expect(checkEncoding('latin1.mdx', utf8)).toBeUndefined();
  expect(problemsOf([{ file: 'latin1.mdx', relativePath: 'latin1.mdx', source: utf8.toString('utf8') }])).toEqual([]);
});
