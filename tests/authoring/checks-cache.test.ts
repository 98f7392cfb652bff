import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checksCacheFile } from '../../src/authoring/checks-cache.ts';
import { checkEssayFolder } from '../../src/authoring/essay-folder.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'checks-cache-'));
  mkdirSync(join(root, 'content/essays'), { recursive: true });
  write(
    'a.mdx',
    essay(
      'A',
      'See [the other essay](/essays/b/) and the chart:\n\n![A chart of the votes](chart.png)\n\nA claim.<Footnote needed="The poll." />',
    ),
  );
  write('b.mdx', essay('B', 'A claim.<Footnote source="good" />', 'bibliography: refs.bib\n'));
  write('refs.bib', '@book{good, author = {A, B}, title = {T}, publisher = {P}, year = {2020}}\n');
  write('chart.png', 'not really a PNG');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string) {
  writeFileSync(join(root, 'content/essays', name), text);
}

function essay(title: string, body: string, frontmatter = '') {
  return `---\ntitle: ${title}\ndescription: An essay.\n${frontmatter}---\n\n${body}\n`;
}

const options = { essaysDir: 'content/essays', base: '/', essaysPerPage: 50 };

/** A check with the cache in `root`'s cache folder, as a build makes it. */
function cachedCheck({ settings = 'options', shared = 'code', reuse = true } = {}) {
  return checkEssayFolder(root, { ...options, checksCache: { file: checksCacheFile(join(root, '.cache')), settings, shared, reuse } });
}

/** A check as `npm run dev` or a first build makes it: every essay read. */
function freshCheck() {
  return checkEssayFolder(root, options);
}

/** What a build reports of a check, without the counts. */
function findings({ counts: _counts, ...found }: ReturnType<typeof cachedCheck>) {
  return found;
}

test('a second build takes every unchanged essay from the cache and finds what a check without it finds', () => {
  expect(cachedCheck().counts).toEqual({ checked: 2, reused: 0 });
  const second = cachedCheck();
  expect(second.counts).toEqual({ checked: 0, reused: 2 });
  expect(findings(second)).toEqual(freshCheck());
  expect(second.sourcing.map((essay) => essay.summary.awaiting.length)).toEqual([1, 0]);
});

test('an edited essay is checked again, the others are taken', () => {
  cachedCheck();
  write('b.mdx', essay('B', 'A claim.<Footnote source="missing" />', 'bibliography: refs.bib\n'));
  const second = cachedCheck();
  expect(second.counts).toEqual({ checked: 1, reused: 1 });
  expect(findings(second)).toEqual(freshCheck());
  expect(second.problems.map((problem) => problem.file)).toContain('content/essays/b.mdx');
});

test('an image that is gone is found missing, though no essay changed', () => {
  cachedCheck();
  rmSync(join(root, 'content/essays/chart.png'));
  const second = cachedCheck();
  expect(findings(second)).toEqual(freshCheck());
  expect(second.problems.filter((problem) => problem.file === 'content/essays/a.mdx').map((problem) => problem.message)).toEqual([
    expect.stringContaining('chart.png'),
  ]);
});

test("a renamed essay changes the site's addresses, and a link to its old one is found broken", () => {
  cachedCheck();
  renameSync(join(root, 'content/essays/b.mdx'), join(root, 'content/essays/c.mdx'));
  const second = cachedCheck();
  expect(second.counts).toEqual({ checked: 2, reused: 0 });
  expect(findings(second)).toEqual(freshCheck());
  expect(second.problems.some((problem) => problem.file === 'content/essays/a.mdx' && problem.message.includes('/essays/b/'))).toBe(true);
});

test("a change to an essay's bibliography, to the options, to what all essays share, or --force checks it again", () => {
  cachedCheck();
  write('refs.bib', '@book{good, author = {A, B}, title = {Another}, publisher = {P}, year = {2021}}\n');
  expect(cachedCheck().counts).toEqual({ checked: 1, reused: 1 });
  expect(cachedCheck({ settings: 'other options' }).counts).toEqual({ checked: 2, reused: 0 });
  expect(cachedCheck({ settings: 'other options', shared: 'other code' }).counts).toEqual({ checked: 2, reused: 0 });
  expect(cachedCheck({ settings: 'other options', shared: 'other code', reuse: false }).counts).toEqual({ checked: 2, reused: 0 });
  expect(cachedCheck({ settings: 'other options', shared: 'other code' }).counts).toEqual({ checked: 0, reused: 2 });
});

test('a cache file that cannot be read is a build without one', () => {
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(checksCacheFile(join(root, '.cache')), '{"version": 1, "essays": ');
  const check = cachedCheck();
  expect(check.counts).toEqual({ checked: 2, reused: 0 });
  expect(findings(check)).toEqual(freshCheck());
});
