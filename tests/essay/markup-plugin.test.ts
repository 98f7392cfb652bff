import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { expect, test } from 'vitest';
import { essayMarkup } from '../../src/essay/markup-plugin.ts';

const SOURCE = '## A section\n\nA claim.<Footnote>The note.</Footnote>\n';

/** Compiles MDX the way Astro does, with the plugin, as if the file were at `path`. */
function compile(path: string): string {
  const result = mdxToJs(SOURCE, {
    fileURL: pathToFileURL(resolve(path)),
    mdastPlugins: [essayMarkup()],
    data: { astro: { frontmatter: { title: 'T', description: 'D' }, headings: [] } },
  } as never) as { code: string };
  return result.code;
}

test('an essay gets heading ids (headings are not links to themselves), numbered notes and the notes list', () => {
  const code = compile('content/essays/an-essay.mdx');
  expect(code).toContain('id: "a-section"');
  expect(code).not.toContain('href: "#a-section"');
  expect(code).toContain('an-essay.note-1');
  expect(code).toContain('EssayNotes');
});

test('an MDX file outside the essays folder is left as written', () => {
  const code = compile('src/pages/about.mdx');
  expect(code).not.toContain('id: "a-section"');
  expect(code).not.toContain('.note-1');
  expect(code).not.toContain('EssayNotes');
});

test('a link the author opens in a new tab says so in its name and carries noopener noreferrer; other links are left alone', () => {
  const source = [
    'See <a href="https://example.org/a" target="_blank">the archive</a> and [the index](https://example.org/i).',
    '',
    'A claim.<Footnote>In <a href="https://example.org/b" target="_blank" rel="author">the ledger</a>.</Footnote>',
    '',
  ].join('\n');
  const { code } = mdxToJs(source, {
    fileURL: pathToFileURL(resolve('content/essays/links.mdx')),
    mdastPlugins: [essayMarkup()],
    data: { astro: { frontmatter: { title: 'T', description: 'D', lang: 'fr' }, headings: [] } },
  } as never) as { code: string };
  // Every copy of a new-tab link (in the text, a note at its reference and in the notes list)
  // says so in the essay's language, and opens safely; the Markdown link is left alone.
  const newTab = code.match(/target: "_blank"/g) ?? [];
  expect(newTab).toHaveLength(3);
  expect(code.match(/s’ouvre dans un nouvel onglet/g)).toHaveLength(3);
  expect(code.match(/rel: "noopener noreferrer"/g)).toHaveLength(1);
  expect(code.match(/rel: "author noopener noreferrer"/g)).toHaveLength(2);
  expect(code).not.toMatch(/rel: "author",/);
});

test('a Markdown table scrolls in a labelled region of its own, numbered, in the essay’s language', () => {
  const source = '| a | b |\n| - | - |\n| 1 | 2 |\n\nText.\n\n| c |\n| - |\n| 3 |\n';
  const { code } = mdxToJs(source, {
    fileURL: pathToFileURL(resolve('content/essays/tables.mdx')),
    mdastPlugins: [essayMarkup()],
    data: { astro: { frontmatter: { title: 'T', description: 'D', lang: 'de' }, headings: [] } },
  } as never) as { code: string };
  expect(code.match(/"table-scroll"/g)).toHaveLength(2);
  expect(code).toContain('"Tabelle 1"');
  expect(code).toContain('"Tabelle 2"');
  expect(code).toMatch(/role: "region"/);
});

test('a link from the site’s root gets the base path written in; other links are left as written', () => {
  const source =
    '[Search](/search/), [a note](#notes), [the agency](https://example.org/) and [tides][t].\n\n[t]: /essays/on-tides/\n\n' +
    'See <a href="/essays/one/">one</a>, <a href="/essays/two/" target="_blank">two</a>.<Footnote>In <a href="/essays/three/">three</a>.</Footnote>\n';
  const { code } = mdxToJs(source, {
    fileURL: pathToFileURL(resolve('content/essays/links.mdx')),
    mdastPlugins: [
      essayMarkup({
        root: process.cwd(),
        essaysDir: 'content/essays',
        base: '/reading-room/',
        essaysPerPage: 50,
        strict: false,
        strings: {},
      }),
    ],
    data: { astro: { frontmatter: { title: 'T', description: 'D' }, headings: [] } },
  } as never) as { code: string };
  expect(code).toContain('href: "/reading-room/search/"');
  expect(code).toContain('href: "/reading-room/essays/on-tides/"');
  expect(code).toContain('href: "#notes"');
  expect(code).toContain('href: "https://example.org/"');
  // HTML links too, opening in a new tab or in a note (its copies in the margin and the list included).
  expect(code).toContain('href: "/reading-room/essays/one/"');
  expect(code).toContain('href: "/reading-room/essays/two/"');
  expect(code.match(/href: "\/reading-room\/essays\/three\/"/g)?.length).toBeGreaterThanOrEqual(2);
  expect(code).not.toMatch(/href: "\/essays\//);
});
