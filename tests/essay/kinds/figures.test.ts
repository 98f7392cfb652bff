import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import { analyzeEssay, componentsInOrder } from '../../../src/essay/structure.ts';

function analyze(mdx: string) {
  return analyzeEssay(componentsInOrder(mdxToMdast(mdx) as Root), { file: 'essay.mdx', idPrefix: 'e.' });
}

const chart = (caption: string, extra = '') => `<Figure caption="${caption}"${extra}>\n\n![A bar chart](./chart.png)\n\n</Figure>`;

test('figures are numbered in reading order, with ids from their captions or their own id', () => {
  const structure = analyze(
    [
      chart('Launches by month'),
      chart('The second one', ' id="second"'),
      '<Figure caption="A table">\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n</Figure>',
    ].join('\n\n'),
  );
  expect(structure.problems).toEqual([]);
  expect(structure.figures.figures.map(({ number, caption, id }) => [number, caption, id])).toEqual([
    [1, 'Launches by month', 'e.figure-launches-by-month'],
    [2, 'The second one', 'e.figure-second'],
    [3, 'A table', 'e.figure-a-table'],
  ]);
});

test('references resolve before and after their figure, by key or by number', () => {
  const structure = analyze(
    `See <FigureRef to="second" />.\n\n${chart('First')}\n\n${chart('Second', ' id="second"')}\n\nAnd <FigureRef n={1}>the first</FigureRef>.`,
  );
  expect(structure.problems).toEqual([]);
  expect(structure.figures.references.map(({ target }) => target.number)).toEqual([2, 1]);
});

test('a figure without a caption, without an image or table, or with an image without alt text is a problem at its line', () => {
  const structure = analyze(
    [
      '<Figure>\n\n![A chart](./a.png)\n\n</Figure>',
      '<Figure caption="Empty">\n\nJust words.\n\n</Figure>',
      '<Figure caption="Unlabelled">\n\n![](./b.png)\n\n</Figure>',
      '<Figure caption="Raw">\n\n<img src="./c.png" />\n\n</Figure>',
    ].join('\n\n'),
  );
  expect(structure.problems.map(({ line, message }) => [line, message])).toEqual([
    [1, '<Figure> has no caption.'],
    [7, '<Figure> holds no image and no table.'],
    [13, 'an image in <Figure caption="Unlabelled"> has no alt text.'],
    [19, 'an image in <Figure caption="Raw"> has no alt text.'],
  ]);
  expect(structure.problems[2]?.fix).toMatch(/^say in the brackets what the image shows/);
});

test('a reference to a figure that does not exist names the ones that do', () => {
  const structure = analyze(`${chart('Only one')}\n\n<FigureRef to="two" /> <FigureRef n={3} />`);
  expect(structure.problems.map(({ message }) => message)).toEqual([
    '<FigureRef to="two"> points at a figure that does not exist (there are: only-one).',
    '<FigureRef n={3}> points at a figure that does not exist (there are: only-one).',
  ]);
});
