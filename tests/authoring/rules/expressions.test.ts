import { expect, test } from 'vitest';
import { findingsOf, messages } from './check.ts';

test('markup inside braces is an error at its line: it would reach the page unchecked', () => {
  expect(findingsOf('Text.\n\n{<script>alert(1)</script>}\n').map(({ line, message }) => [line, message])).toEqual([
    [7, '{<script>alert(1)</script>} writes markup inside braces, which the checks cannot read.'],
  ]);
  expect(messages('A {<img src="https://tracker.example/p.png" alt="x" />} pixel.')).toEqual([
    '{<img src="https://tracker.example/p.png…} writes markup inside braces, which the checks cannot read.',
  ]);
  expect(messages('<Figure caption={<span onClick="x">A</span>}>\n\n![A chart](./a.png)\n\n</Figure>')[0]).toMatch(
    /^<Figure> has markup inside braces/,
  );
  expect(messages('<p set:html={"<script>x</script>"} />')).toContain(
    '<p> has markup inside braces ({"<script>x</script>"}), which the checks cannot read.',
  );
});

test('values in braces are fine: numbers, strings, comments, comparisons', () => {
  expect(
    messages(
      'See <ScenarioRef n={2} />. {/* a note to self */} {1 < 2}\n\n<Scenarios>\n  <Scenario title="A">a</Scenario>\n  <Scenario title="B">b</Scenario>\n</Scenarios>',
    ),
  ).toEqual([]);
});
