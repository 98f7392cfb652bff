import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import type { Root } from 'mdast';
import type { Source } from '../../src/lib/essay-schema.ts';
import { analyzeEssay, componentsInOrder, summarizeSourcing } from '../../src/lib/essay-structure.ts';

const sources: Source[] = [
  { id: 'almanac', title: 'The Almanac' },
  { id: 'ledger', title: 'The Ledger' },
];

function analyze(mdx: string, options: { sources?: Source[] } = {}) {
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
      message: '<Footnote source="almanak"> cites a source that is not in this essay\'s sources (known: almanac, ledger).',
      fix: 'add a source with id: almanak to the frontmatter sources, or correct the id.',
    },
  ]);
});

test('a note cannot both cite a source and ask for one', () => {
  expect(analyze('A.<Footnote source="almanac" needed />').problems[0]?.message).toMatch(/both cites a source and asks for one/);
});

test('scenarios are numbered per list, with ids from their titles or their own id', () => {
  const structure = analyze(`<Scenarios>
  <Scenario title="Status Quo">One.</Scenario>
  <Scenario title="Shift" id="big-shift">Two.</Scenario>
</Scenarios>

<Scenarios>
  <Scenario title="Другой">Three.</Scenario>
</Scenarios>`);
  expect(structure.scenarios.lists.map((list) => list.scenarios.map((s) => [s.number, s.title, s.id]))).toEqual([
    [
      [1, 'Status Quo', 'e.scenario-status-quo'],
      [2, 'Shift', 'e.scenario-big-shift'],
    ],
    [[1, 'Другой', 'e.scenario-другой']],
  ]);
});

test('scenario references resolve before and after their scenarios, by key or by number', () => {
  const structure = analyze(`See <ScenarioRef to="shift" />.

<Scenarios>
  <Scenario title="Status Quo">One.</Scenario>
  <Scenario title="Shift">Two.</Scenario>
</Scenarios>

And <ScenarioRef n={1}>the first</ScenarioRef>.`);
  expect(structure.problems).toEqual([]);
  expect(structure.scenarios.references.map((reference) => [reference.target.number, reference.target.title])).toEqual([
    [2, 'Shift'],
    [1, 'Status Quo'],
  ]);
});

test('a reference to a missing scenario, an ambiguous number, or an empty title is a problem', () => {
  const missing = analyze(
    '<Scenarios>\n  <Scenario title="A">One.</Scenario>\n</Scenarios>\n\n<ScenarioRef to="b" /> <ScenarioRef n={2} />',
  );
  expect(missing.problems.map((problem) => problem.message)).toEqual([
    '<ScenarioRef to="b"> points at a scenario that does not exist (there are: a).',
    '<ScenarioRef n={2}> points at scenario 2, which does not exist (there are 1).',
  ]);
  const twoLists = analyze(
    '<Scenarios>\n  <Scenario title="A">1</Scenario>\n</Scenarios>\n\n<Scenarios>\n  <Scenario title="B">2</Scenario>\n</Scenarios>\n\n<ScenarioRef n={1} />',
  );
  expect(twoLists.problems[0]?.message).toBe('<ScenarioRef n={1}> is ambiguous: this essay has 2 scenario lists.');
  const untitled = analyze('<Scenarios>\n  <Scenario title="  ">One.</Scenario>\n</Scenarios>');
  expect(untitled.problems).toEqual([
    {
      file: 'essay.mdx',
      line: 2,
      column: 3,
      message: '<Scenario> has no title.',
      fix: 'give it a title: <Scenario title="Status Quo">…</Scenario>.',
    },
  ]);
});

test('a scenario outside a list is a problem', () => {
  expect(analyze('<Scenario title="Alone">One.</Scenario>').problems[0]?.message).toBe('<Scenario> is not directly inside <Scenarios>.');
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
