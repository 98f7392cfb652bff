import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { essaySources } from '../../src/sources/essay-sources.ts';
import { builtInStyle, defaultStyle } from '../../src/sources/styles.ts';
import { bibliographyFixture as fixture } from '../support/bibliography.ts';

const root = mkdtempSync(join(tmpdir(), 'essay-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'content/essays/on-notes'), { recursive: true });
copyFileSync(fixture('library.bib'), join(root, 'content/essays/on-notes/library.bib'));
copyFileSync(fixture('library.json'), join(root, 'content/library.json'));
writeFileSync(
  join(root, 'content/essays/on-notes/extra.bib'),
  '@book{solo2020, author = {Solo, Han}, title = {Alone}, publisher = {P}, year = {2020}}\n@book{hale2019, author = {Other, A}, title = {Clash}, publisher = {P}, year = {2001}}\n',
);
writeFileSync(join(root, 'content/essays/on-notes/not-a-style.csl'), '<?xml version="1.0"?><html></html>');

const file = 'content/essays/on-notes/essay.mdx';
const source = '---\ntitle: On notes\ndescription: D\nbibliography: library.bib\ncsl: missing.csl\n---\n';
const read = (frontmatter: Record<string, unknown>, site: { bibliography: string[]; csl?: string } = { bibliography: [] }) =>
  essaySources({ root, file, frontmatter, source, site });

test("an essay's bibliography beside it and its frontmatter sources are all citable, by key", () => {
  const { sources, style, problems } = read({ bibliography: 'library.bib', sources: [{ id: 'memo', title: 'A memo' }] });
  expect(problems).toEqual([]);
  expect(sources.map((cited) => cited.id)).toEqual([
    'memo',
    'hale2019',
    'ibarra2021',
    'nakamura2017',
    'ofr2022',
    'archive2024',
    'okafor2023',
    'lindqvist2016',
    'survey2020',
    'ivanova2015',
    'wang2018',
  ]);
  expect(sources[0]?.from).toBe('frontmatter');
  expect(sources[1]?.from).toBe('content/essays/on-notes/library.bib');
  expect(style).toEqual(defaultStyle());
});

test('a key written twice is an error at the second, naming the first; the first is the one cited', () => {
  const { sources, problems } = read({ bibliography: ['library.bib', 'extra.bib'], sources: [{ id: 'ibarra2021', title: 'Mine' }] });
  expect(problems.map((problem) => [problem.file, problem.message])).toEqual([
    [
      'content/essays/on-notes/library.bib',
      `the key "ibarra2021" is also in the frontmatter sources of ${file}, so a note citing it could mean either.`,
    ],
    [
      'content/essays/on-notes/extra.bib',
      'the key "hale2019" is also in content/essays/on-notes/library.bib, so a note citing it could mean either.',
    ],
  ]);
  expect(sources.find((cited) => cited.id === 'hale2019')?.item.title).toBe('The Long Essay: Form and Argument');
  expect(sources.filter((cited) => cited.id === 'ibarra2021')).toHaveLength(1);
});

test("the site's bibliography is read from the project; a missing file is an error at the essay's bibliography line or in the config", () => {
  expect(read({}, { bibliography: ['content/library.json'] }).sources).toHaveLength(10);
  const [essayFile] = read({ bibliography: 'nowhere.bib' }).problems;
  expect(essayFile).toMatchObject({
    file,
    line: 4,
    message: 'the bibliography file nowhere.bib (content/essays/on-notes/nowhere.bib) is not there.',
  });
  const [siteFile] = read({}, { bibliography: ['content/gone.bib'] }).problems;
  expect(siteFile).toMatchObject({
    file: 'astro.config.mjs',
    message: 'the bibliography file content/gone.bib (content/gone.bib) is not there.',
  });
});

test('a style is a built-in name or a CSL file; a missing file or one that is not CSL is an error at the csl line, and the default is used', () => {
  expect(read({ csl: 'apa' }).style).toEqual(builtInStyle('apa'));
  expect(read({}, { bibliography: [], csl: 'apa' }).style.name).toBe('apa');
  const missing = read({ csl: 'missing.csl' });
  expect(missing.style).toEqual(defaultStyle());
  expect(missing.problems[0]).toMatchObject({
    file,
    line: 5,
    message: 'the citation style missing.csl (content/essays/on-notes/missing.csl) is not there.',
  });
  expect(read({ csl: 'not-a-style.csl' }).problems[0]?.message).toBe(
    'content/essays/on-notes/not-a-style.csl is not a CSL style: its root is not <style xmlns="http://purl.org/net/xbiblio/csl">.',
  );
});

test('a CSL file that citeproc-js cannot read is an error at the csl line, not a failed build', () => {
  writeFileSync(
    join(root, 'content/essays/on-notes/broken.csl'),
    '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout><text macro="nowhere"/></layout></citation></style>',
  );
  const { style, problems } = read({ csl: 'broken.csl' });
  expect(style).toEqual(defaultStyle());
  expect(problems[0]).toMatchObject({ file, line: 5 });
  expect(problems[0]?.message).toMatch(/^citeproc-js cannot read the style content\/essays\/on-notes\/broken\.csl: /);
});

test('a bibliography that is there but cannot be read is an error naming it, not a failed build', () => {
  mkdirSync(join(root, 'content/essays/on-notes/folder.bib'));
  expect(read({ bibliography: 'folder.bib' }).problems).toEqual([
    {
      file: 'content/essays/on-notes/folder.bib',
      message: 'the bibliography file cannot be read (EISDIR).',
      fix: 'export it again as a file the build can read.',
    },
  ]);
});
