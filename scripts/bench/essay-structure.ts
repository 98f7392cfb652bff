/**
 * What numbering notes and scenarios at build time costs: compiles a generated large
 * essay with Sätteri (Astro 7's MDX engine) with and without the essay-structure plugin,
 * and prints the medians. Figures, not a test.
 *
 *   node scripts/bench/essay-structure.ts [paragraphs…]   (default: 60 200 2000)
 */
import { performance } from 'node:perf_hooks';
import { mdxToJs, type MdastPluginList } from 'satteri';
import { essayMarkup } from '../../src/essay/markup-plugin.ts';
import { median } from './stats.ts';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [60, 200, 2000];

/** A long essay: sections, a note every other paragraph, a cited source, scenario lists. */
function largeEssay(count: number): string {
  const lines = ['---', 'title: Bench', 'description: A long essay.', 'sources:', '  - id: s', '    title: A source', '---', ''];
  for (let index = 0; index < count; index += 1) {
    if (index % 40 === 0) lines.push(`## Section ${index / 40 + 1}`, '');
    if (index % 200 === 100) {
      lines.push(
        '<Scenarios>',
        `  <Scenario title="First ${index}">One.</Scenario>`,
        `  <Scenario title="Second ${index}">Two.</Scenario>`,
        '</Scenarios>',
        '',
      );
    }
    const note =
      index % 6 === 0
        ? '<Footnote source="s" />'
        : index % 2 === 0
          ? `<Footnote>Note on paragraph ${index}, with *emphasis*.</Footnote>`
          : '';
    lines.push(`Paragraph ${index} of the essay, long enough to look like prose that a reader would follow from line to line.${note}`, '');
  }
  return lines.join('\n');
}

function time(source: string, plugins: MdastPluginList, runs = 7): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    mdxToJs(source, {
      mdastPlugins: plugins,
      data: { astro: { frontmatter: { sources: [{ id: 's', title: 'A source' }] }, headings: [] } },
    } as never);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

for (const paragraphs of sizes) {
  const source = largeEssay(paragraphs);
  const notes = (source.match(/<Footnote/g) ?? []).length;
  time(source, []); // warm up the native module and the JIT
  const without = time(source, []);
  const withPlugin = time(source, [essayMarkup()]);
  console.log(
    `${String(paragraphs).padStart(5)} paragraphs, ${String(notes).padStart(4)} footnotes, ${(source.length / 1024).toFixed(0).padStart(4)} KiB: ` +
      `compile ${without.toFixed(1)} ms without the plugin, ${withPlugin.toFixed(1)} ms with it (+${(withPlugin - without).toFixed(1)} ms), median of 7`,
  );
}
