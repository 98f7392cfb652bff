import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { essayMarkup } from '../../src/essay/markup-plugin.ts';
import { essayFromData } from '../../src/site/essay-content.ts';
import { NotRecordable, recordEssay } from '../../src/site/essay-data.ts';

const scratch = mkdtempSync(join(tmpdir(), 'essay-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Compiles an essay as Astro's MDX integration does (Sätteri, Astro's own plugins, the essay plugin), as if it were at `path`. */
async function compile(
  content: string,
  path: string,
  frontmatter: Record<string, unknown> = { title: 'T', description: 'D' },
): Promise<string> {
  const processor = satteri({ mdastPlugins: [essayMarkup()] });
  if (!processor.createMdxRenderer) throw new Error('This version of @astrojs/markdown-satteri renders no MDX.');
  const renderer = await processor.createMdxRenderer(
    { gfm: true, smartypants: true, syntaxHighlight: false },
    { optimize: false, srcDir: pathToFileURL(resolve('src/')), sourcemap: false },
  );
  return (await renderer.process(content, resolve(path), frontmatter)).code;
}

/** What the compiled module itself builds: its code run as a module, with Astro's own JSX runtime. */
async function moduleOf(code: string) {
  const runtime = import.meta.resolve('astro/jsx-runtime');
  const source = `${code.replace(/(["'])astro\/jsx-runtime\1/g, JSON.stringify(runtime))}\nexport default MDXContent;`;
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
    default: (props: Record<string, unknown>) => unknown;
    frontmatter: Record<string, unknown>;
    getHeadings: () => unknown;
  };
}

/** An essay's record as the cache keeps it: its key on the first line, then its data. */
function recordFile(code: string): string {
  const file = join(scratch, `${readdirSync(scratch).length}.mdx.js`);
  writeFileSync(file, `{"key":"k"}\n${JSON.stringify(recordEssay(code))}`);
  return file;
}

// Stand-ins for the page's components: the trees are compared by the identity of what they are given.
const components = Object.fromEntries(
  ['Footnote', 'EssayNotes', 'EssayNote', 'Scenarios', 'Scenario', 'ScenarioRef', 'Figure', 'FigureRef'].map((name) => [
    name,
    Object.defineProperty(() => null, 'name', { value: name }),
  ]),
);

describe('an essay rendered from its record builds the tree its module builds', () => {
  test('the first essay: its notes, scenarios, headings and the notes list, with its frontmatter and headings', async () => {
    const folder = resolve('content/essays');
    const [name] = readdirSync(folder).filter((file) => file.endsWith('.mdx'));
    const text = readFileSync(join(folder, name as string), 'utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const code = await compile(body, `content/essays/${name}`, { title: 'The essay', description: 'D' });
    const module = await moduleOf(code);
    const recorded = essayFromData(recordFile(code));
    const tree = recorded.default({ components });
    expect(tree).toEqual(module.default({ components: { ...components } }));
    expect(JSON.stringify(tree)).toContain('note-1');
    expect(recorded.frontmatter).toEqual(module.frontmatter);
    expect(recorded.getHeadings()).toEqual(module.getHeadings());
    expect(recorded.getHeadings()).not.toEqual([]);
  });

  test('Markdown, HTML with attributes, a table, fragments, plain expressions and an exported value', async () => {
    const source = [
      'export const year = 2025;',
      '',
      '## In {year}',
      '',
      'A *claim* with `code`, <abbr title="for example">e.g.</abbr> and {2 + 3} things.<Footnote>A note, with a [link](https://example.org).</Footnote>',
      '',
      '<>Inside a fragment</>',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | {[1, 2].length} |',
      '',
      '- one',
      '- two',
      '',
    ].join('\n');
    const code = await compile(source, 'content/essays/many.mdx');
    const module = await moduleOf(code);
    const recorded = essayFromData(recordFile(code));
    expect(recorded.default({ components })).toEqual(module.default({ components: { ...components } }));
    expect(JSON.stringify(recorded.default({ components }))).toContain('"children":["In ",2025]');
  });

  test('each render builds a new tree, as the module does: Astro changes a tree as it renders it', async () => {
    const code = await compile('Words.<Footnote>A note.</Footnote>\n', 'content/essays/twice.mdx');
    const recorded = essayFromData(recordFile(code));
    expect(recorded.default({ components })).not.toBe(recorded.default({ components }));
    expect(recorded.default({ components })).toEqual(recorded.default({ components }));
  });

  test('a component the page does not give is an error, in the words of MDX’s own', async () => {
    const code = await compile('Words.<Footnote>A note.</Footnote>\n', 'content/essays/missing.mdx');
    const recorded = essayFromData(recordFile(code));
    expect(() => recorded.default({ components: {} })).toThrow('Expected component `Footnote` to be defined');
  });
});

describe('recordEssay', () => {
  test('leaves an essay that imports anything to be bundled as its module', async () => {
    const code = await compile("import chart from './chart.png';\n\nWords.\n", 'content/essays/imports.mdx');
    expect(() => recordEssay(code)).toThrow(NotRecordable);
  });

  test('leaves an essay whose props hold anything but plain data to be bundled', async () => {
    const code = await compile('export const at = new Date(0);\n\n<time data-at={at}>Then</time>\n', 'content/essays/date.mdx');
    expect(() => recordEssay(code)).toThrow(/a prop holds a Date/);
    const made = await compile('export const f = () => 1;\n\n<span data-run={f}>Words</span>\n', 'content/essays/function.mdx');
    expect(() => recordEssay(made)).toThrow(NotRecordable);
  });

  test('keeps the essay plugin’s frontmatter and Astro’s headings', async () => {
    const code = await compile('## First\n\nWords.<Footnote>A note.</Footnote>\n\n### Second\n', 'content/essays/headings.mdx');
    const data = recordEssay(code);
    expect(data.headings).toEqual([
      { depth: 2, slug: 'first', text: 'First' },
      { depth: 3, slug: 'second', text: 'Second' },
    ]);
    expect(data.frontmatter).toMatchObject({ title: 'T', notesId: expect.any(String) });
  });
});
