import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { closest, editDistance } from '../../../src/authoring/rules/closest.ts';
import { ESSAY_COMPONENTS } from '../../../src/authoring/rules/components.ts';
import { findingsOf } from './check.ts';

const report = (body: string, context: Parameters<typeof findingsOf>[1] = {}) =>
  findingsOf(body, context).map(({ line, column, message, fix }) => ({ at: `${line}:${column}`, message, fix }));

test('a misspelled component is an error with the closest name', () => {
  expect(report('\nA claim.<Fotnote>Note.</Fotnote>\n')).toEqual([
    { at: '6:9', message: '<Fotnote> is not a component this site knows: did you mean <Footnote>?', fix: 'write <Footnote>.' },
  ]);
  expect(report('\n<Scenaros>\n  <Scenario title="A">A.</Scenario>\n</Scenaros>\n')[0]?.message).toBe(
    '<Scenaros> is not a component this site knows: did you mean <Scenarios>?',
  );
});

test('an unknown component with nothing close says which there are, or to import it', () => {
  expect(report('\n<Chart data={[1, 2]} />\n')).toEqual([
    {
      at: '6:1',
      message: '<Chart> is not a component this site knows.',
      fix: 'use one of <Footnote>, <Scenarios>, <Scenario>, <ScenarioRef>, <Figure>, <FigureRef>, or import the component at the top of the essay.',
    },
  ]);
});

test('imported components and their members pass (where essays may run code, for the imports of modules)', () => {
  expect(
    report(
      "\nimport Chart from './chart.astro';\nimport { Map as WorldMap } from './maps.ts';\nimport * as Ui from './ui.ts';\n\n<Chart />\n\n<WorldMap />\n\n<Ui.Button />\n",
      { code: false },
    ),
  ).toEqual([]);
});

test('a lowercase name that is no HTML element is an error, with the component it looks like', () => {
  expect(report('\nA claim.<footnote>Note.</footnote>\n')).toEqual([
    {
      at: '6:9',
      message: '<footnote> is not an HTML element: did you mean <Footnote>? Components start with a capital letter.',
      fix: 'write <Footnote>.',
    },
  ]);
  expect(report('\n<widget>x</widget>\n')[0]).toMatchObject({ message: '<widget> is not an HTML element.' });
  expect(
    report('\n<abbr title="North Atlantic Treaty Organization">NATO</abbr> and <kbd>Esc</kbd>, <svg><path d="M0 0" /></svg>\n'),
  ).toEqual([]);
});

test('the components an essay may use are the ones the site passes to its essays', () => {
  const index = readFileSync(join(import.meta.dirname, '../../../src/essay/components/index.ts'), 'utf8');
  const passed =
    /essayComponents = \{([^}]*)\}/
      .exec(index)?.[1]
      ?.split(',')
      .map((name) => name.trim()) ?? [];
  // EssayNotes and EssayNote are added by the plugin, not written by authors.
  expect([...ESSAY_COMPONENTS].sort()).toEqual(passed.filter((name) => !name.startsWith('Essay')).sort());
});

test('edit distance and the closest name', () => {
  expect(editDistance('Fotnote', 'Footnote')).toBe(1);
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('titel', 'title')).toBe(1);
  expect(closest('FigurRef', ESSAY_COMPONENTS)).toBe('FigureRef');
  expect(closest('Table', ESSAY_COMPONENTS)).toBeUndefined();
});
