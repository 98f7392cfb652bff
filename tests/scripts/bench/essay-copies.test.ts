import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyWord, essayCopy, writeEssayCopies } from '../../../scripts/bench/essay-copies.ts';
import { checkEssayFolder } from '../../../src/authoring/essay-folder.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'essay-copies-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ESSAY = `---
title: On Time
slug: on-time
draft: true
description: Why clocks disagree.
---

Clocks disagree because <Footnote>Every clock drifts a little.</Footnote> nobody winds them together.

## Background

Read [the longer account](https://example.org/accounts) first, then {props.extra} compare.
\`\`\`text
Inside fences nothing changes anyway
\`\`\`

Another paragraph written plainly here.
- A list item with several words
Third paragraph changed, and then no more.
Fourth paragraph stays untouched entirely.
`;

test('a copy word is letters only, and different for every copy', () => {
  expect([copyWord(1), copyWord(26), copyWord(27), copyWord(702), copyWord(703)]).toEqual([
    'essaya',
    'essayz',
    'essayaa',
    'essayzz',
    'essayaaa',
  ]);
  const words = Array.from({ length: 1000 }, (_, index) => copyWord(index + 1));
  expect(new Set(words).size).toBe(1000);
  for (const word of words) expect(word).toMatch(/^[a-z]+$/);
});

test('a copy has its own title, no slug and no draft, and its other frontmatter as written', () => {
  const copy = essayCopy(ESSAY, 7);
  expect(copy).toMatch(/^---\ntitle: On Time \(copy 7\)\ndescription: Why clocks disagree\.\n---\n/);
});

test('a copy changes one plain word in each of its first three paragraphs of prose, outside any markup', () => {
  const copy = essayCopy(ESSAY, 2);
  const body = copy.slice(copy.indexOf('---\n', 4) + 4);
  expect(body).toContain('Clocks essayb because <Footnote>Every clock drifts a little.</Footnote> nobody winds them together.');
  expect(body).toContain('## Background');
  // Words inside a link, an expression or a fence, or next to punctuation, are left as they are.
  expect(body).toContain('Read [the longer account](https://example.org/accounts) first, then {props.extra} compare.');
  expect(body).toContain('Inside fences nothing changes anyway');
  expect(body).toContain('Another essayb written plainly here.');
  expect(body).toContain('- A list item with several words');
  expect(body).toContain('Third essayb changed, and then no more.');
  expect(body).toContain('Fourth paragraph stays untouched entirely.');
});

test('an essay without frontmatter or title cannot be copied', () => {
  expect(() => essayCopy('Just text.', 1)).toThrow('no frontmatter');
  expect(() => essayCopy('---\ndescription: x\n---\nText.', 1)).toThrow('no title');
});

test.each(['tests/fixtures/components/notes.mdx', 'tests/fixtures/components/with-notes.mdx', 'tests/fixtures/figures/with-figures.mdx'])(
  'copies of %s, with the files beside it, pass the essay checks',
  (essay) => {
    const root = mkdtempSync(join(scratch, 'site-'));
    const files = writeEssayCopies(join(ROOT, essay), join(root, 'essays'), 12);
    expect(files).toHaveLength(12);
    expect(files[0]).toMatch(/-01\.mdx$/);
    expect(readdirSync(join(root, 'essays')).filter((name) => name.endsWith('.mdx'))).toHaveLength(12);
    if (essay.includes('figures')) expect(existsSync(join(root, 'essays', 'launches.png'))).toBe(true);
    const { problems } = checkEssayFolder(root, { essaysDir: 'essays', base: '/', essaysPerPage: 50 });
    expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
    expect(new Set(files.map((file) => /^title: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1])).size).toBe(12);
  },
);
