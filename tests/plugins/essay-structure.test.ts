import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { expect, test } from 'vitest';
import { essayStructure } from '../../src/plugins/essay-structure.ts';

const SOURCE = '## A section\n\nA claim.<Footnote>The note.</Footnote>\n';

/** Compiles MDX the way Astro does, with the plugin, as if the file were at `path`. */
function compile(path: string): string {
  const result = mdxToJs(SOURCE, {
    fileURL: pathToFileURL(resolve(path)),
    mdastPlugins: [essayStructure],
    data: { astro: { frontmatter: { title: 'T', description: 'D' }, headings: [] } },
  } as never) as { code: string };
  return result.code;
}

test('an essay gets heading links, numbered notes and the notes list', () => {
  const code = compile('content/essays/an-essay.mdx');
  expect(code).toContain('heading-link');
  expect(code).toContain('an-essay.note-1');
  expect(code).toContain('EssayNotes');
});

test('an MDX file outside the essays folder is left as written', () => {
  const code = compile('src/pages/about.mdx');
  expect(code).not.toContain('heading-link');
  expect(code).not.toContain('.note-1');
  expect(code).not.toContain('EssayNotes');
});
