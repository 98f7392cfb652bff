import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import { checkEssayTree } from '../../../src/authoring/rules/index.ts';
import { isFileName } from '../../../src/authoring/rules/images.ts';

const here = new Set(['./chart.png', 'chart.png']);
const report = (body: string) =>
  checkEssayTree(mdxToMdast(`---\ntitle: T\ndescription: D\n---\n${body}`) as Root, { fileExists: (url) => here.has(url) }).map(
    ({ line, column, message, fix }) => ({ at: `${line}:${column}`, message, fix }),
  );

test('an image without alt text is an error; an empty alt only with the decorative marker', () => {
  expect(report('\n![](./chart.png)\n')).toEqual([
    {
      at: '6:1',
      message: '![](./chart.png) has no alt text.',
      fix: 'say in the brackets what the image shows; if it is only decoration, mark it: ![](./chart.png "decorative").',
    },
  ]);
  expect(report('\n![](./chart.png "decorative") <img src="./chart.png" alt="" role="presentation" />\n')).toEqual([]);
  expect(report('\n<img src="./chart.png" />\n')[0]?.message).toBe(
    '<img src="./chart.png"> has no alt attribute, so a screen reader announces the file name.',
  );
});

test('alt text that is a file name is an error', () => {
  expect(report('\n![chart.png](./chart.png)\n')).toEqual([
    {
      at: '6:1',
      message: 'the alt text "chart.png" is a file name, which tells a reader nothing.',
      fix: 'write instead what the image shows, such as "Bar chart: launches rose each month".',
    },
  ]);
  expect([
    isFileName('IMG_2041.JPG', './x.jpg'),
    isFileName('chart', './chart.png'),
    isFileName('Bar chart of launches', './chart.png'),
  ]).toEqual([true, true, false]);
});

test('a missing image file is reported at the essay line and column', () => {
  expect(report('\nThe chart: ![Bar chart of launches](./missing.png)\n')).toEqual([
    {
      at: '6:12',
      message: 'the image ./missing.png is not there: no such file next to the essay.',
      fix: 'put the image in the essays folder beside the essay, or correct the path (it is relative to the essay, like ./chart.png).',
    },
  ]);
});

test('images inside a figure are left to the figure check, except for a missing file', () => {
  expect(report('\n<Figure caption="C">\n  ![](./chart.png)\n</Figure>\n')).toEqual([]);
  expect(report('\n<Figure caption="C">\n  ![Chart](./gone.png)\n</Figure>\n').map(({ at }) => at)).toEqual(['7:3']);
});
