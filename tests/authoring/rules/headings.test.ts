import { expect, test } from 'vitest';
import { findingsOf } from './check.ts';

const report = (body: string) =>
  findingsOf(body).map(({ line, column, severity, message, fix }) => ({ at: `${line}:${column}`, severity, message, fix }));

test('a # heading in the body is a second h1', () => {
  expect(report('\n# Second title\n')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: `"# Second title" is a second h1: the title in the frontmatter is the page's only h1.`,
      fix: 'make it a section heading ("## Second title"), or remove the line if it repeats the title.',
    },
  ]);
});

test('a skipped level is an error naming the heading it follows; the first heading may be ## only', () => {
  expect(report('\n## One\n\n#### Four\n')).toEqual([
    {
      at: '8:1',
      severity: 'error',
      message: '"#### Four" skips a level: it is level 4 right after a level-2 heading (line 6).',
      fix: 'make it "### Four", or add the missing level above it.',
    },
  ]);
  expect(report('\n### First\n')[0]?.message).toBe('"### First" skips a level: it is level 3 right after the title (h1).');
  expect(report('\n## A\n\n### B\n\n## C\n\n### D\n')).toEqual([]);
});

test('an empty heading is an error', () => {
  expect(report('\n## \n')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: 'an empty heading ("##" with no words) would be a blank entry in the contents.',
      fix: 'write the section\'s title after "## ", or remove the line.',
    },
  ]);
});

test('a heading that makes no id, or the id of an earlier heading, is a warning', () => {
  expect(report('\n## ?!\n\n## Background\n\n## background\n')).toEqual([
    {
      at: '6:1',
      severity: 'warning',
      message: '"## ?!" has no letter or digit to make its id from, so its link is #section.',
      fix: 'add a word to the heading, such as "## Questions ?!".',
    },
    {
      at: '10:1',
      severity: 'warning',
      message: '"## background" has the same words as the heading on line 8, so its link is #background-1, not #background.',
      fix: 'give it words of its own, such as "## background, continued".',
    },
  ]);
});

test('a note, a scenario or figure reference, or a link inside a heading is an error at its column', () => {
  expect(
    report(
      '\n## Claims<Footnote>Text.</Footnote>\n\n## See <ScenarioRef n={1} />\n\n## A [link](https://example.org)\n\n## B <a href="https://example.org/x">x</a>\n\n## C <FigureRef n={1} />\n',
    ).map(({ at, message }) => [at, message.split(' inside ')[0]]),
  ).toEqual([
    ['6:10', 'a <Footnote>'],
    ['8:8', 'a <ScenarioRef>'],
    ['10:6', 'a link'],
    ['12:6', 'a link'],
    ['14:6', 'a <FigureRef>'],
  ]);
  expect(report('\n## Claims<Footnote>Text.</Footnote>\n')[0]?.fix).toBe(
    'move the <Footnote> into the text below the heading, after the claim it supports.',
  );
});

test('a heading written in HTML is an error', () => {
  expect(report('\n<h2>Section</h2>\n')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: '<h2> is a heading in HTML, which gets no id, no link and no place in the contents.',
      fix: 'write it in Markdown: "## Section".',
    },
  ]);
});
