import type { Heading, Nodes } from 'mdast';
import { slug } from 'github-slugger';
import { createHeadingIds } from '../../essay/ids.ts';
import { textOf } from '../../essay/kinds/tree.ts';
import { isHtmlElement, isJsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/** A Markdown heading with the id the plugin will give it (src/essay/markup-plugin.ts). */
export interface HeadingWithId {
  node: Readonly<Heading>;
  text: string;
  id: string;
}

/** Every Markdown heading of the essay in reading order, with its id from the same slugger the plugin uses. */
export function headingsWithIds(tree: Readonly<Nodes>): HeadingWithId[] {
  const idOf = createHeadingIds();
  return [...walk(tree)].flatMap(({ node }) => (node.type === 'heading' ? [{ node, text: textOf(node), id: idOf(textOf(node)) }] : []));
}

/** What goes wrong when a component or link sits inside a heading, and where to put it instead. */
const NOT_IN_HEADINGS: Readonly<Record<string, [what: string, fix: string]>> = {
  Footnote: [
    "a <Footnote> inside a heading would put the note's text into the heading's id and the contents",
    'move the <Footnote> into the text below the heading, after the claim it supports.',
  ],
  ScenarioRef: [
    'a <ScenarioRef> inside a heading would be a link inside the heading\'s own link, and "Scenario N" would stand in the contents',
    'refer to the scenario in the text below the heading.',
  ],
  FigureRef: [
    'a <FigureRef> inside a heading would be a link inside the heading\'s own link, and "Figure N" would stand in the contents',
    'refer to the figure in the text below the heading.',
  ],
  link: [
    "a link inside a heading would be a link inside the heading's own link (every heading links to itself)",
    'put the link in the text below the heading.',
  ],
};

const hashes = (depth: number) => '#'.repeat(depth);

/**
 * The essay's outline: the title (frontmatter) is the only h1, levels are not skipped,
 * every heading has words and an id of its own, and holds only its own words (no note,
 * reference or link, which would leak into its id and the contents).
 */
export function checkHeadings(tree: Readonly<Nodes>, findings: Findings): void {
  let previous: { depth: number; line: number | undefined } = { depth: 1, line: undefined };
  const firstById = new Map<string, HeadingWithId>();
  for (const heading of headingsWithIds(tree)) {
    const { node, text, id } = heading;
    const words = text.trim();
    const written = `${hashes(node.depth)} ${words}`.trim();
    if (node.depth === 1) {
      findings.error(
        node,
        `"${written}" is a second h1: the title in the frontmatter is the page's only h1.`,
        `make it a section heading ("## ${words || '…'}"), or remove the line if it repeats the title.`,
      );
    } else if (node.depth > previous.depth + 1) {
      const after = previous.line === undefined ? 'the title (h1)' : `a level-${previous.depth} heading (line ${previous.line})`;
      findings.error(
        node,
        `"${written}" skips a level: it is level ${node.depth} right after ${after}.`,
        `make it "${hashes(previous.depth + 1)} ${words}", or add the missing level above it.`,
      );
    }
    previous = { depth: node.depth, line: node.position?.start.line };

    if (words === '') {
      findings.error(
        node,
        `an empty heading ("${hashes(node.depth)}" with no words) would be a blank entry in the contents.`,
        `write the section's title after "${hashes(node.depth)} ", or remove the line.`,
      );
    } else if (slug(text) === '') {
      findings.warning(
        node,
        `"${written}" has no letter or digit to make its id from, so its link is #${id}.`,
        'add a word to the heading, such as "## Questions ?!".',
      );
    } else {
      const first = firstById.get(slug(text));
      if (first) {
        findings.warning(
          node,
          `"${written}" has the same words as the heading on line ${first.node.position?.start.line ?? '?'}, so its link is #${id}, not #${first.id}.`,
          `give it words of its own, such as "${hashes(node.depth)} ${words}, continued".`,
        );
      } else {
        firstById.set(slug(text), heading);
      }
    }

    for (const { node: inner } of walk(node)) {
      const key =
        inner.type === 'link' || (isJsxElement(inner) && inner.name === 'a') ? 'link' : isJsxElement(inner) ? (inner.name ?? '') : '';
      const notAllowed = NOT_IN_HEADINGS[key];
      if (notAllowed && inner !== node) findings.error(inner, `${notAllowed[0]}.`, notAllowed[1]);
    }
  }
  // Headings written as HTML get no id, no self-link and no place in the contents.
  for (const { node } of walk(tree)) {
    if (isJsxElement(node) && isHtmlElement(node) && /^h[1-6]$/.test(node.name ?? '')) {
      const depth = Number(node.name?.slice(1));
      findings.error(
        node,
        `<${node.name}> is a heading in HTML, which gets no id, no link and no place in the contents.`,
        `write it in Markdown: "${hashes(Math.max(depth, 2))} ${textOf(node).trim() || '…'}".`,
      );
    }
  }
}
