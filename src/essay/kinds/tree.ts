import type { Properties } from 'hast';
import type { FootnoteReference, Parents, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

// What Sätteri reads from a node's data when it turns mdast into HTML (as mdast-util-to-hast
// does): the element a node becomes, and its attributes.
declare module 'mdast' {
  interface Data {
    hName?: string | undefined;
    hProperties?: Properties | undefined;
  }
}

/**
 * The mdast nodes the essay analysis reads, as Sätteri gives them: to a plugin's
 * visitors while compiling, and from `mdxToMdast` before the build.
 */
export type ComponentElement = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;

/** What a component kind reads: its JSX elements and, for notes, Markdown footnotes. */
export type AnalysedNode = ComponentElement | Readonly<FootnoteReference>;

/** A component of the essay with the node that contains it, in reading order. */
export interface Occurrence {
  node: AnalysedNode;
  parent: Readonly<Parents> | undefined;
  /**
   * The depth of the heading whose section holds the node: the last heading before it in
   * reading order, or 1 (the title, the page's h1) before any. A scenario's title is a
   * heading one level below it.
   */
  sectionDepth: number;
}

/** Whether a node is the JSX element `<name>` (flow or text). */
export function isElement(node: Readonly<Parents | RootContent> | AnalysedNode | undefined, name: string): node is ComponentElement {
  return (node?.type === 'mdxJsxTextElement' || node?.type === 'mdxJsxFlowElement') && node.name === name;
}

/** The value of a JSX attribute: a string, `true` for a bare flag, the code of an `{expression}`. */
export function attribute(node: ComponentElement, name: string): string | true | undefined {
  const found = node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  if (!found || found.type !== 'mdxJsxAttribute') return undefined;
  if (found.value === null || found.value === undefined) return true;
  return typeof found.value === 'string' ? found.value : found.value.value.trim();
}

/** The text of a node and its descendants, as a reader sees it. */
export function textOf(node: Readonly<Parents | RootContent>): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as ReadonlyArray<Parents | RootContent>).map(textOf).join('') : '';
}

/** The 1-based line a node starts on, when the parser kept positions. */
export function lineOf(node: AnalysedNode): number | undefined {
  return node.position?.start.line;
}

/** The 1-based column a node starts at, when the parser kept positions. */
export function columnOf(node: AnalysedNode): number | undefined {
  return node.position?.start.column;
}

/** Every node below `node` that passes `test`, in document order. */
export function descendants(
  node: Readonly<Parents | RootContent>,
  test: (child: Readonly<Parents | RootContent>) => boolean,
): Array<Readonly<Parents | RootContent>> {
  if (!('children' in node)) return [];
  return (node.children as ReadonlyArray<Parents | RootContent>).flatMap((child) => [
    ...(test(child) ? [child] : []),
    ...descendants(child, test),
  ]);
}
