import { expect, test } from 'vitest';
import { hiddenCharacter, hiddenCharacterName } from '../../../src/authoring/rules/hidden-characters.ts';
import { checkFrontmatter } from '../../../src/authoring/problems.ts';
import { analyzeEssayFile } from '../../../src/authoring/check-essay.ts';
import { findingsOf } from './check.ts';

const report = (body: string) =>
  findingsOf(body).map(({ line, column, severity, message, fix }) => ({ at: `${line}:${column}`, severity, message, fix }));

test('a note inside a note is an error at the inner one, naming the outer one', () => {
  expect(report('\nA claim.<Footnote>Outer.<Footnote>Inner.</Footnote></Footnote>\n')).toEqual([
    {
      at: '6:25',
      severity: 'error',
      message:
        'a <Footnote> inside another <Footnote> (line 6) would put a note inside a note: duplicate ids, and a preview inside a preview.',
      fix: "write it as part of the outer note's text, or move it out, after the claim it belongs to.",
    },
  ]);
});

test('an empty <Footnote></Footnote> is a claim awaiting its source, like <Footnote />', () => {
  const result = analyzeEssayFile({
    file: 'a.mdx',
    relativePath: 'a.mdx',
    source: '---\ntitle: T\ndescription: D\n---\n\nA claim.<Footnote></Footnote> Another.<Footnote />\n',
  });
  expect(result?.problems).toEqual([]);
  expect(result?.summary).toMatchObject({
    notes: 2,
    awaiting: [expect.objectContaining({ number: 1, line: 6 }), expect.objectContaining({ number: 2, line: 6 })],
  });
});

test('a character that reorders text in a heading is an error; a zero-width one is a warning', () => {
  expect(report('\n## Evil \u202Eeman\n\n## Zero\u200Bwidth\n')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: 'the heading "Evil eman" contains U+202E (bidirectional override), which changes the order its letters are shown in.',
      fix: 'retype it without that character (most editors show it with "show invisibles").',
    },
    {
      at: '8:1',
      severity: 'warning',
      message: 'the heading "Zerowidth" contains U+200B (zero-width space), which a reader cannot see and which goes into its id.',
      fix: 'retype it without that character, unless the language needs it (a ZWNJ in Persian, say).',
    },
  ]);
});

test('a hidden character in an id or a reference is an error; in a scenario title, as in a heading', () => {
  expect(
    report('\n<Scenarios>\n  <Scenario title="Status\u2066 Quo" id="status\u200Bquo">A.</Scenario>\n</Scenarios>\n').map(
      ({ at, severity, message }) => [at, severity, message],
    ),
  ).toEqual([
    [
      '7:3',
      'error',
      '<Scenario title="Status Quo"> contains U+2066 (bidirectional isolate), which changes the order its letters are shown in.',
    ],
    ['7:3', 'error', '<Scenario id="statusquo"> contains U+200B (zero-width space), which no one can type in a link.'],
  ]);
});

test('a hidden character in the title is reported at its line', () => {
  expect(checkFrontmatter({ file: 'a.mdx', relativePath: 'a.mdx', source: '---\ntitle: "On \u202Eemit"\ndescription: D\n---\n' })).toEqual([
    {
      file: 'a.mdx',
      line: 2,
      column: 12,
      message: 'the title contains U+202E (bidirectional override), which changes the order its letters are shown in.',
      fix: 'retype it without that character (most editors show it with "show invisibles").',
    },
  ]);
  expect(
    checkFrontmatter({ file: 'a.mdx', relativePath: 'a.mdx', source: '---\ntitle: Zero\u200Bwidth\ndescription: D\n---\n' })[0],
  ).toMatchObject({ line: 2, severity: 'warning' });
});

test('names of hidden characters', () => {
  expect(hiddenCharacterName('\u200C')).toBe('U+200C (zero-width non-joiner)');
  expect(hiddenCharacter('plain text')).toBeUndefined();
  expect(hiddenCharacter('a\u200Db\u202Ac')).toEqual({ character: '\u202A', reorders: true });
});
