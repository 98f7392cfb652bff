import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import { checkEssayTree } from '../../../src/authoring/rules/index.ts';

const here = new Set(['./chart.astro']);
const report = (body: string) =>
  checkEssayTree(mdxToMdast(`---\ntitle: T\ndescription: D\n---\n${body}`) as Root, { fileExists: (path) => here.has(path) }).map(
    ({ line, column, message, fix }) => ({ at: `${line}:${column}`, message, fix }),
  );

test('an import of a file that is not there is an error at its own line and column', () => {
  expect(report("\nimport Chart from './chart.astro';\nimport Map from './map.astro';\n\n<Chart />\n")).toEqual([
    {
      at: '7:17',
      message: 'the import of ./map.astro names a file that is not there.',
      fix: 'correct the path (it is relative to the essay, like ./chart.astro), or add the file.',
    },
  ]);
  expect(report("\nimport Chart from './chart.astro';\n\n<Chart />\n")).toEqual([]);
  expect(report("\nimport Gone from './gone.astro';\n")[0]?.at).toBe('6:18');
});
