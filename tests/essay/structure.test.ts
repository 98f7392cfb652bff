import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import type { Root } from 'mdast';
import { frontmatterSourceItem, type CitedSource } from '../../src/sources/csl-item.ts';
import { analyzeEssay, componentsInOrder, summarizeSourcing } from '../../src/essay/structure.ts';

const sources: CitedSource[] = [
  { id: 'almanac', title: 'The Almanac' },
  { id: 'ledger', title: 'The Ledger' },
].map((source) => ({ id: source.id, item: frontmatterSourceItem(source), from: 'frontmatter' }));

function analyze(mdx: string, options: { sources?: CitedSource[] } = {}) {
  return analyzeEssay(componentsInOrder(mdxToMdast(mdx) as Root), {
    file: 'essay.mdx',
    idPrefix: 'e.',
    sources: options.sources ?? sources,
  });
}

test('notes are numbered in reading order, across paragraphs and inside scenarios', () => {
  const structure = analyze(`One.<Footnote>First.</Footnote>

<Scenarios>
  <Scenario title="A">Inside.<Footnote>Second.</Footnote></Scenario>
</Scenarios>

Three.<Footnote>Third.</Footnote>`);
  expect(structure.notes.notes.map((note) => [note.number, note.kind, note.id])).toEqual([
    [1, 'remark', 'e.note-1'],
    [2, 'remark', 'e.note-2'],
    [3, 'remark', 'e.note-3'],
  ]);
  expect(structure.problems).toEqual([]);
});

test('a bare citation of a source already cited is the same note, with one reference per citation', () => {
  const structure = analyze(
    'A.<Footnote source="almanac" /> B.<Footnote>Remark.</Footnote> C.<Footnote source="almanac" /> D.<Footnote source="almanac" />',
  );
  expect(structure.notes.notes).toHaveLength(2);
  const [almanac] = structure.notes.notes;
  expect(almanac?.references.map((reference) => [reference.label, reference.id])).toEqual([
    ['1a', 'e.ref-1a'],
    ['1b', 'e.ref-1b'],
    ['1c', 'e.ref-1c'],
  ]);
  expect(structure.notes.citedSources.map((source) => source.id)).toEqual(['almanac']);
});

test('a citation with its own words (a page number) is a note of its own', () => {
  const structure = analyze('A.<Footnote source="ledger">Page 12.</Footnote> B.<Footnote source="ledger">Page 14.</Footnote>');
  expect(structure.notes.notes.map((note) => [note.number, note.kind, note.source?.id])).toEqual([
    [1, 'source', 'ledger'],
    [2, 'source', 'ledger'],
  ]);
});

test('an empty footnote, or one marked needed, awaits a source, with what is needed', () => {
  const structure = analyze('A.<Footnote /> B.<Footnote needed="The poll." /> C.<Footnote needed>Who said it.</Footnote>');
  expect(structure.notes.notes.map((note) => [note.kind, note.needed])).toEqual([
    ['needed', undefined],
    ['needed', 'The poll.'],
    ['needed', 'Who said it.'],
  ]);
  expect(summarizeSourcing(structure)).toEqual({
    notes: 3,
    sourced: 0,
    fromBibliography: 0,
    fromFrontmatter: 0,
    remarks: 0,
    awaiting: [
      { number: 1, line: 1, column: 3, needed: undefined },
      { number: 2, line: 1, column: 18, needed: 'The poll.' },
      { number: 3, line: 1, column: 52, needed: 'Who said it.' },
    ],
  });
});

test('an unknown source id is a problem naming the line and the ids that exist', () => {
  const structure = analyze('Intro.\n\nA claim.<Footnote source="almanak" />');
  expect(structure.problems).toEqual([
    {
      file: 'essay.mdx',
      line: 3,
      column: 9,
      message: '<Footnote source="almanak"> cites a source that is not in this essay\'s sources or bibliography (known: almanac, ledger).',
      fix: 'add a source with id: almanak to the frontmatter sources or an entry with that key to a bibliography file, or correct the key.',
    },
  ]);
});

test('a bare citation at another place in the source is a note of its own; the same place is the same note', () => {
  const structure = analyze(
    'A.<Footnote source="ledger" locator="12" /> B.<Footnote source="ledger" locator="chap. 3" /> C.<Footnote source="ledger" locator="p. 12" />',
  );
  expect(structure.notes.notes.map((note) => [note.number, note.locator, note.references.length])).toEqual([
    [1, { locator: '12', label: 'page' }, 2],
    [2, { locator: '3', label: 'chapter' }, 1],
  ]);
  expect(structure.problems).toEqual([]);
});

test('a locator of a kind the style cannot word, or without a source, is a problem with the kinds there are', () => {
  const [unknown, sourceless] = analyze(
    'A.<Footnote source="ledger" locator="folio 3" /> B.<Footnote locator="12">Text.</Footnote>',
  ).problems;
  expect(unknown?.message).toBe('<Footnote locator="folio 3"> names a place the style cannot word.');
  expect(unknown?.fix).toMatch(/locator="chap\. 3".*p\., chap\., §/);
  expect(sourceless?.message).toBe('<Footnote locator> says where in a source, but the note cites none.');
});

test('a source attribute with no key says where keys come from: the frontmatter or a bibliography file', () => {
  const [problem] = analyze('A.<Footnote source="" />').problems;
  expect(problem?.message).toBe('<Footnote source> has no source id.');
  expect(problem?.fix).toMatch(/frontmatter sources or the key of an entry in a bibliography file/);
});

test('a note cannot both cite a source and ask for one', () => {
  expect(analyze('A.<Footnote source="almanac" needed />').problems[0]?.message).toMatch(/both cites a source and asks for one/);
});

test('a Markdown footnote is a problem: it would make a second list of notes', () => {
  const structure = analyze('A claim.[^1]\n\n[^1]: A note.');
  expect(structure.problems).toEqual([
    {
      file: 'essay.mdx',
      line: 1,
      column: 9,
      message: "a Markdown footnote ([^…]) would start a second list of notes, numbered apart from the essay's.",
      fix: 'write the note in place instead: <Footnote>…</Footnote> right after the claim.',
    },
  ]);
});
