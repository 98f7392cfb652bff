import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { expect, test } from 'vitest';
import { checkEssayTree } from '../../../src/authoring/rules/index.ts';
import { analyzeEssayFile } from '../../../src/authoring/check-essay.ts';

const pages = new Set(['', 'search/', 'essays/on-time/', 'essays/on-tides/', 'favicon.svg']);

function report(body: string, base = '/') {
  const tree = mdxToMdast(`---\ntitle: T\ndescription: D\n---\n${body}`) as Root;
  return checkEssayTree(tree, { links: { base, page: 'essays/on-time/', componentIds: new Set(['on-time.note-1']), pages } }).map(
    ({ line, column, severity, message, fix }) => ({
      at: `${line}:${column}`,
      severity,
      message,
      fix,
    }),
  );
}

test('a #fragment must name a heading or a component on the page', () => {
  expect(
    report(
      '\n## The first clock\n\nSee [there](#no-such-id), [the clock](#the-first-clock), [the note](#on-time.note-1), [skip](#main-content).\n',
    ),
  ).toEqual([
    {
      at: '8:5',
      severity: 'error',
      message: '[there](#no-such-id) points to #no-such-id, which is not an id on this page.',
      fix: "link to a heading's id (#the-first-clock), a note, scenario or figure, or remove the link.",
    },
  ]);
  expect(report('\nA [link](#мир).\n\n## Мир\n')).toEqual([]);
  expect(report('\nA [link](#%D0%BC%D0%B8%D1%80).\n\n## Мир\n')).toEqual([]);
  expect(report('\n<a href="#x">x</a> and <span id="x">here</span>.\n')).toEqual([]);
});

test('the fragment ids are the ones the notes, scenarios and figures get', () => {
  const source = `---\ntitle: T\ndescription: D\n---\n\nA claim.<Footnote>Note.</Footnote> See [the note](#on-time.note-1), [the list](#on-time.notes), [the first](#on-time.scenario-status-quo), [the call](#on-time.ref-1).\n\n<Scenarios>\n  <Scenario title="Status Quo">Nothing.</Scenario>\n</Scenarios>\n\nAnd [a missing one](#on-time.note-2).\n`;
  const result = analyzeEssayFile({ file: 'on-time.mdx', relativePath: 'on-time.mdx', source });
  expect(result?.problems.map(({ line, message }) => [line, message])).toEqual([
    [12, '[a missing one](#on-time.note-2) points to #on-time.note-2, which is not an id on this page.'],
  ]);
});

test('an internal link must reach a page of the site, under the base path', () => {
  expect(
    report(
      '\n[Home](/), [search](/search/), [tides](/essays/on-tides/), [tides again](../on-tides/), [index](/essays/on-tides/index.html), [icon](/favicon.svg)\n',
    ),
  ).toEqual([]);
  expect(report('\n[Gone](/essays/no-such-essay/) and [rel](../missing/)\n')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: '[Gone](/essays/no-such-essay/) leads to /essays/no-such-essay/, which is not a page of this site.',
      fix: 'link to a page that exists: / (home), /search/, or an essay at /essays/<slug>/ (such as /essays/on-tides/).',
    },
    expect.objectContaining({ at: '6:36', message: '[rel](../missing/) leads to /essays/missing/, which is not a page of this site.' }),
  ]);
  // A link from the site's root is built with the base path written in, so it works under a sub-path too.
  expect(report('\n[Search](/search/) and [gone](/nowhere/)\n', '/reading/')).toEqual([
    expect.objectContaining({ at: '6:24', message: '[gone](/nowhere/) leads to /reading/nowhere/, which is not a page of this site.' }),
  ]);
  // A relative link that climbs above the base path leads nowhere.
  expect(report('\n[Up](../../../elsewhere/)\n', '/reading/')).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: "[Up](../../../elsewhere/) is outside the site's base path /reading/, so it leads nowhere on this site.",
      fix: 'start it with the base path: /reading/elsewhere/.',
    },
  ]);
  expect(report('\n[Search](/reading/search/) and [tides](../on-tides/)\n', '/reading/')).toEqual([]);
});

test('a link without text is an error; vague text and bare addresses are warnings; links to other sites pass', () => {
  expect(
    report(
      '\n[](https://example.org) [click here](https://example.org/a). [Read more…](https://example.org/b) https://example.org/c\n\n<a href="https://example.org/d"></a>\n\n[![Chart of launches](./chart.png)](https://example.org/e) [The agency\'s report](https://example.org/f)\n',
    ),
  ).toEqual([
    {
      at: '6:1',
      severity: 'error',
      message: '[](https://example.org) has no text, so a screen reader has nothing to announce.',
      fix: "write what the link leads to between the brackets: [the agency's report](…).",
    },
    {
      at: '6:25',
      severity: 'warning',
      message: 'the link text "click here" does not say where the link goes (to https://example.org/a).',
      fix: "make the words of the link name its destination: read [the agency's report](…).",
    },
    expect.objectContaining({
      at: '6:62',
      severity: 'warning',
      message: 'the link text "Read more…" does not say where the link goes (to https://example.org/b).',
    }),
    {
      at: '6:98',
      severity: 'warning',
      message: 'the link text is a bare address (https://example.org/c), which a screen reader spells out.',
      fix: "name the page instead: [the agency's report](…).",
    },
    expect.objectContaining({
      at: '8:1',
      severity: 'error',
      message: '<a href="https://example.org/d"> has no text, so a screen reader has nothing to announce.',
    }),
  ]);
});
