import type { Heading, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import { scenarioHeading } from '../../../src/essay/kinds/scenarios.ts';
import { analyzeEssay, componentsInOrder, renderEssay } from '../../../src/essay/structure.ts';
import { defaultStyle } from '../../../src/sources/styles.ts';

function analyze(mdx: string) {
  return analyzeEssay(componentsInOrder(mdxToMdast(mdx) as Root), { file: 'essay.mdx', idPrefix: 'e.' });
}

const list = (...titles: string[]) =>
  ['<Scenarios>', ...titles.map((title) => `  <Scenario title="${title}">Text.</Scenario>`), '</Scenarios>'].join('\n');

/** The headings the plugin puts at the top of each scenario, in reading order. */
function titleHeadings(mdx: string, lang = 'en'): Heading[] {
  const rendering = renderEssay(analyze(mdx), { idPrefix: 'e.', lang, style: defaultStyle() });
  return rendering.replacements.flatMap(({ children }) => (children?.[0]?.type === 'heading' ? [children[0]] : []));
}

/** A heading as the page's text has it: the words of every node in it, in order. */
function headingText(node: Heading | Heading['children'][number]): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as Array<Heading['children'][number]>).map(headingText).join('') : '';
}

test('scenarios are numbered across the whole essay, a second list going on from the first, with ids from their titles or their own id', () => {
  const structure = analyze(`<Scenarios>
  <Scenario title="Status Quo">One.</Scenario>
  <Scenario title="Shift" id="big-shift">Two.</Scenario>
</Scenarios>

<Scenarios>
  <Scenario title="Другой">Three.</Scenario>
  <Scenario title="?!">Four.</Scenario>
</Scenarios>`);
  expect(structure.problems).toEqual([]);
  expect(structure.scenarios.lists.map((scenarios) => scenarios.scenarios.map((s) => [s.number, s.title, s.id]))).toEqual([
    [
      [1, 'Status Quo', 'e.scenario-status-quo'],
      [2, 'Shift', 'e.scenario-big-shift'],
    ],
    [
      [3, 'Другой', 'e.scenario-другой'],
      // A title with no letters takes its number for an id, as its name does ("Scenario 4").
      [4, '?!', 'e.scenario-4'],
    ],
  ]);
});

test('a reference by number names one scenario however many lists the essay has', () => {
  const structure = analyze(`${list('A', 'B')}\n\n${list('C')}\n\n<ScenarioRef n={3} /> and <ScenarioRef n={1} />`);
  expect(structure.problems).toEqual([]);
  expect(structure.scenarios.references.map(({ target }) => [target.number, target.title])).toEqual([
    [3, 'C'],
    [1, 'A'],
  ]);
});

test('scenario references resolve before and after their scenarios, by key or by number', () => {
  const structure = analyze(
    `See <ScenarioRef to="shift" />.\n\n${list('Status Quo', 'Shift')}\n\nAnd <ScenarioRef n={1}>the first</ScenarioRef>.`,
  );
  expect(structure.problems).toEqual([]);
  expect(structure.scenarios.references.map((reference) => [reference.target.number, reference.target.title])).toEqual([
    [2, 'Shift'],
    [1, 'Status Quo'],
  ]);
});

test('each title is a heading one level below the section its list is in', () => {
  const mdx = [
    list('Before any heading'),
    '## Section',
    list('In a section'),
    '### Subsection',
    list('In a subsection', 'Also'),
    '## Next',
  ].join('\n\n');
  expect(titleHeadings(mdx).map((heading) => [heading.depth, headingText(heading)])).toEqual([
    [2, 'Scenario 1: Before any heading'],
    [3, 'Scenario 2: In a section'],
    [4, 'Scenario 3: In a subsection'],
    [4, 'Scenario 4: Also'],
  ]);
});

test('below an h6 there is no level left: the titles are h6 too', () => {
  const mdx = ['## 2', '### 3', '#### 4', '##### 5', '###### 6', list('Deep')].join('\n\n');
  expect(titleHeadings(mdx).map((heading) => heading.depth)).toEqual([6]);
});

test('a title heading carries the scenario id, takes focus like other headings, and says its number in the essay’s language', () => {
  const [heading] = titleHeadings(`## Section\n\n${list('Calme plat')}`, 'fr');
  expect(heading?.data?.hProperties).toEqual({ id: 'e.scenario-calme-plat', tabIndex: -1, className: ['scenario-title'] });
  expect(heading && headingText(heading)).toBe('Scénario 1: Calme plat');
});

test('the heading shows the number apart from the title, its colon heard and not seen', () => {
  const heading = scenarioHeading({ depth: 3, id: 'e.scenario-a', name: 'Scenario 2', title: 'A' });
  expect(heading.children).toEqual([
    {
      type: 'mdxJsxTextElement',
      name: 'span',
      attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'scenario-number' }],
      children: [
        { type: 'text', value: 'Scenario 2' },
        // A span of its own in the line, made transparent by essay-blocks.css (not visually hidden, which
        // takes it out of the line and gives Chromium's name a space before it: "Scenario 2 : A").
        { type: 'mdxJsxTextElement', name: 'span', attributes: [], children: [{ type: 'text', value: ':' }] },
      ],
    },
    { type: 'text', value: ' A' },
  ]);
});

test('the ids of the headings that carry their own number go to the contents, which do not number them again', () => {
  const rendering = renderEssay(analyze(`${list('A', 'B')}\n\n${list('C')}`), { idPrefix: 'e.', lang: 'en', style: defaultStyle() });
  expect(rendering.frontmatter['selfNumberedIds']).toEqual(['e.scenario-a', 'e.scenario-b', 'e.scenario-c']);
});

test('each scenario is given its number in the whole essay, for its list item', () => {
  const rendering = renderEssay(analyze(`${list('A', 'B')}\n\n${list('C')}`), { idPrefix: 'e.', lang: 'en', style: defaultStyle() });
  expect(rendering.replacements.filter(({ node }) => node.name === 'Scenario').map(({ props }) => props)).toEqual([
    { number: 1 },
    { number: 2 },
    { number: 3 },
  ]);
});

test('a reference to a missing scenario or number, or an empty title, is a problem at its line', () => {
  const missing = analyze(`${list('A')}\n\n<ScenarioRef to="b" /> <ScenarioRef n={2} />`);
  expect(missing.problems.map(({ message, fix }) => [message, fix])).toEqual([
    [
      '<ScenarioRef to="b"> points at a scenario that does not exist (this essay has 1: "a").',
      'point it at one that exists, such as <ScenarioRef to="a" /> or <ScenarioRef n={1} />.',
    ],
    [
      '<ScenarioRef n={2}> points at scenario 2, which does not exist (this essay has 1: "a").',
      'point it at one that exists, such as <ScenarioRef to="a" /> or <ScenarioRef n={1} />.',
    ],
  ]);
  // With no scenarios at all, the fix does not suggest one that is not there.
  const none = analyze('A claim, as <ScenarioRef to="status-quo" /> shows.');
  expect(none.problems.map(({ message, fix }) => [message, fix])).toEqual([
    [
      '<ScenarioRef to="status-quo"> points at a scenario that does not exist (this essay has no scenarios).',
      'add the scenario in a <Scenarios> list, or remove the reference.',
    ],
  ]);
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

test('two scenarios with the same key are a problem, in one list or in two', () => {
  const structure = analyze(`${list('Storm')}\n\n${list('Storm')}`);
  expect(structure.problems.map(({ line, message }) => [line, message])).toEqual([[6, 'two scenarios share the id "storm".']]);
});

test('a scenario outside a list is a problem', () => {
  expect(analyze('<Scenario title="Alone">One.</Scenario>').problems[0]?.message).toBe('<Scenario> is not directly inside <Scenarios>.');
});
