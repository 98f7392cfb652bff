import { expect, test } from 'vitest';
import { checkEssays, checkFileTypes, checkFrontmatter, checkUniqueSlugs, formatProblems } from '../../src/authoring/problems.ts';

const essay = (source: string, relativePath = 'a.mdx') => ({ file: `content/essays/${relativePath}`, relativePath, source });
const valid = '---\ntitle: A\ndescription: B\n---\n\nText.\n';

test('a valid essay has no problems', () => {
  expect(checkEssays([essay(valid)])).toEqual([]);
});

test('an impossible date is reported on its own line, although YAML would roll it over', () => {
  const problems = checkFrontmatter(essay('---\ntitle: A\ndescription: B\npublished: 2025-02-30\n---\n'));
  expect(problems).toEqual([
    {
      file: 'content/essays/a.mdx',
      line: 4,
      message: 'published: "2025-02-30" is not a real date.',
      fix: 'write published as YYYY-MM-DD with a day that exists in that month, such as 2025-02-28.',
    },
  ]);
});

test('a missing field is reported at the frontmatter with the line to add', () => {
  expect(checkFrontmatter(essay('---\ndescription: B\n---\n'))).toEqual([
    { file: 'content/essays/a.mdx', line: 1, message: 'title is missing.', fix: 'add a line "title: …" to the frontmatter.' },
  ]);
});

test('a wrong value is reported on its line with the rule it breaks', () => {
  const [problem] = checkFrontmatter(essay('---\ntitle: A\ndescription: B\nlang: english please\n---\n'));
  expect(problem?.line).toBe(4);
  expect(problem?.message).toMatch(/^lang: must be a language tag/);
});

test('a file without frontmatter, or with broken YAML, is reported', () => {
  expect(checkFrontmatter(essay('Just text.'))[0]?.message).toBe('the essay has no frontmatter.');
  const [broken] = checkFrontmatter(essay('---\ntitle: A: B: C\ndescription: [unclosed\n---\n'));
  expect(broken?.message).toMatch(/^the frontmatter is not valid YAML/);
  expect(broken?.line).toBeGreaterThanOrEqual(2);
});

test('two essays with one slug are reported on the second, naming the first', () => {
  const problems = checkUniqueSlugs([essay(valid, 'one/a.mdx'), essay('---\ntitle: A\ndescription: B\nslug: one/a\n---\n', 'b.mdx')]);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.file).toBe('content/essays/b.mdx');
  expect(problems[0]?.message).toBe('its URL slug "one/a" is already taken by content/essays/one/a.mdx.');
});

test('a Markdown file in the essays folder is reported with the name to rename it to', () => {
  expect(checkFileTypes(['content/essays/x.md', 'content/essays/photo.jpg'])).toEqual([
    {
      file: 'content/essays/x.md',
      message: 'essays are written in MDX, so this Markdown file would not be published.',
      fix: 'rename it to content/essays/x.mdx.',
    },
  ]);
});

test('problems are formatted as file:line:column, two spaces, what is wrong, then the fix; a position not known is the start', () => {
  expect(
    formatProblems([
      { file: 'a.mdx', line: 3, column: 7, message: 'x is wrong.', fix: 'do y.' },
      { file: 'a.mdx', line: 4, message: 'v.', fix: 'u.', severity: 'warning' },
      { file: 'b.md', message: 'z.', fix: 'w.' },
    ]),
  ).toBe('a.mdx:3:7  x is wrong.\n  Fix: do y.\na.mdx:4:1  warning: v.\n  Fix: u.\nb.md:1:1  z.\n  Fix: w.');
});

test('a source with an impossible date or a bad URL is reported on its own line', () => {
  const source = '---\ntitle: A\ndescription: B\nsources:\n  - id: s\n    title: S\n    date: 2025-02-30\n    url: example.org\n---\n';
  expect(checkFrontmatter(essay(source)).map(({ line, message }) => [line, message])).toEqual([
    [7, 'sources.0.date: "2025-02-30" is not a real date.'],
    [8, 'sources.0.url: must be a web address starting with https:// or http://.'],
  ]);
});

test('the same mistake in two sources is reported at the line of each', () => {
  const source = [
    '---',
    'title: A',
    'description: B',
    'sources:',
    '  - id: one',
    '    title: One',
    '    url: not a url',
    '  - id: two',
    '    title: Two',
    '    date: 2025-01-02',
    '  - id: three',
    '    title: Three',
    '    url: not a url',
    '    date: 2025-02-30',
    '---',
    '',
  ].join('\n');
  expect(checkFrontmatter(essay(source)).map(({ line, message }) => [line, message])).toEqual([
    [7, 'sources.0.url: must be a web address starting with https:// or http://.'],
    [13, 'sources.2.url: must be a web address starting with https:// or http://.'],
    [14, 'sources.2.date: "2025-02-30" is not a real date.'],
  ]);
});

test('a source without a title is reported at that source, and the fix says where to add it', () => {
  const source = '---\ntitle: A\ndescription: B\nsources:\n  - id: one\n    title: One\n  - id: two\n    url: https://example.org\n---\n';
  expect(checkFrontmatter(essay(source))).toEqual([
    { file: 'content/essays/a.mdx', line: 7, message: 'sources.1.title is missing.', fix: 'add a line "title: …" to sources.1 (line 7).' },
  ]);
});

test('an unknown frontmatter key is an error at its line and column, with the known key it looks like', () => {
  expect(checkFrontmatter(essay('---\ntitel: A\ndescription: B\npublishd: 2025-03-01\n---\n'))).toEqual([
    {
      file: 'content/essays/a.mdx',
      line: 2,
      column: 1,
      message: 'titel is not a key of the frontmatter: did you mean `title`?',
      fix: 'rename titel to title.',
    },
    {
      file: 'content/essays/a.mdx',
      line: 4,
      column: 1,
      message: 'publishd is not a key of the frontmatter: did you mean `published`?',
      fix: 'rename publishd to published.',
    },
  ]);
  expect(checkFrontmatter(essay('---\ntitle: A\ndescription: B\ncolour: red\n---\n'))).toEqual([
    {
      file: 'content/essays/a.mdx',
      line: 4,
      column: 1,
      message: 'colour is not a key of the frontmatter.',
      fix: 'remove it, or use one of: title, description, lang, authors, published, updated, sources, bibliography, csl, draft, slug.',
    },
  ]);
});

test('an unknown key of a source is an error too, and the title it looks like is not also reported missing', () => {
  const source = '---\ntitle: A\ndescription: B\nsources:\n  - id: one\n    titel: One\n    urll: https://example.org\n---\n';
  expect(checkFrontmatter(essay(source)).map(({ line, column, message, fix }) => [line, column, message, fix])).toEqual([
    [6, 5, 'sources.0.titel is not a key of a source: did you mean `title`?', 'rename titel to title.'],
    [7, 5, 'sources.0.urll is not a key of a source: did you mean `url`?', 'rename urll to url.'],
  ]);
  // Renamed as the fix says, nothing is left.
  expect(checkFrontmatter(essay(source.replace('titel', 'title').replace('urll', 'url')))).toEqual([]);
});

test('a source id used twice is reported at the second source, naming the id', () => {
  const source =
    '---\ntitle: T\ndescription: D\nsources:\n  - id: agency\n    title: One\n  - id: paper\n    title: Two\n  - id: agency\n    title: Three\n---\n\nText.\n';
  expect(checkEssays([{ file: 'a.mdx', relativePath: 'a.mdx', source }])).toEqual([
    {
      file: 'a.mdx',
      line: 9,
      message: 'sources.2.id: "agency" is the id of an earlier source too.',
      fix: 'give this source an id of its own, and cite it by that id.',
    },
  ]);
});

test('a slug: that takes another essay’s slug is reported at that slug: line, not at the innocent file, whatever their order', () => {
  const problems = checkUniqueSlugs([essay('---\ntitle: A\ndescription: B\nslug: tides\n---\n', 'a-first.mdx'), essay(valid, 'tides.mdx')]);
  expect(problems).toEqual([
    {
      file: 'content/essays/a-first.mdx',
      line: 4,
      column: 1,
      message: 'its URL slug "tides" is already taken by content/essays/tides.mdx.',
      fix: 'give it a "slug:" of its own, or leave the line out for one made from the file name.',
    },
  ]);
});
