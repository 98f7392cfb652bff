import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkEssayFolder, essayFilesBySlug } from '../../src/authoring/essay-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'essay-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'content/essays'), { recursive: true });
const essay = (name: string, bib: string) =>
  writeFileSync(
    join(root, 'content/essays', name),
    `---\ntitle: T\ndescription: D\nbibliography: ${bib}\n---\n\nA claim.<Footnote source="good" />\n`,
  );
essay('a.mdx', 'refs.bib');
essay('b.mdx', 'refs.bib');
writeFileSync(join(root, 'content/essays/refs.bib'), '@book{good, author = {A, B}, title = {T}, publisher = {P}, year = {2020}\n');
writeFileSync(join(root, 'content/shared.bib'), '@book{shared, title = {No one}}\n');
const options = { essaysDir: 'content/essays', base: '/', essaysPerPage: 50, bibliography: ['content/shared.bib'] };

test("a bibliography's problem is reported once for the build, though every essay reads the file", () => {
  const { problems } = checkEssayFolder(root, options);
  const inFiles = problems.filter((problem) => problem.file.endsWith('.bib'));
  expect(inFiles.map((problem) => [problem.file, problem.line, problem.severity]).sort()).toEqual([
    ['content/essays/refs.bib', 2, undefined],
    ['content/shared.bib', 1, 'warning'],
  ]);
});

test('on a save in `npm run dev`, the essay is shown the problems of the bibliography files it reads, not of other essays', () => {
  const { problems } = checkEssayFolder(root, options, join(root, 'content/essays/a.mdx'));
  expect(problems.map((problem) => problem.file).sort()).toEqual(['content/essays/a.mdx', 'content/essays/refs.bib', 'content/shared.bib']);
});

test('the checks name the essay file of each slug, its own `slug:` where it gives one, as the essays folder read again would', () => {
  const folder = join(root, 'slugs');
  mkdirSync(join(folder, 'notes'), { recursive: true });
  writeFileSync(join(folder, 'on-time.mdx'), '---\ntitle: T\ndescription: D\n---\n\nText.\n');
  writeFileSync(join(folder, 'notes/clocks.mdx'), '---\ntitle: T\ndescription: D\nslug: on-clocks\n---\n\nText.\n');
  const { essayFiles } = checkEssayFolder(root, { ...options, essaysDir: 'slugs', bibliography: [] });
  expect([...essayFiles]).toEqual([
    ['on-clocks', 'slugs/notes/clocks.mdx'],
    ['on-time', 'slugs/on-time.mdx'],
  ]);
  expect(essayFiles).toEqual(essayFilesBySlug(root, 'slugs'));
});
