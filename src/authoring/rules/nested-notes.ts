import type { Nodes } from 'mdast';
import { isJsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/**
 * A note inside a note is an error: the inner one would be numbered, listed and previewed
 * inside its parent's text, with duplicate ids and a preview inside a preview. (An empty
 * `<Footnote></Footnote>` is not a mistake: it is a claim awaiting its source, like
 * `<Footnote />`, counted in the sourcing report.)
 */
export function checkNestedNotes(tree: Readonly<Nodes>, findings: Findings): void {
  for (const { node, ancestors } of walk(tree)) {
    if (!isJsxElement(node) || node.name !== 'Footnote') continue;
    const outer = ancestors.find((ancestor) => isJsxElement(ancestor) && ancestor.name === 'Footnote');
    if (outer) {
      findings.error(
        node,
        `a <Footnote> inside another <Footnote> (line ${outer.position?.start.line ?? '?'}) would put a note inside a note: duplicate ids, and a preview inside a preview.`,
        "write it as part of the outer note's text, or move it out, after the claim it belongs to.",
      );
    }
  }
}
