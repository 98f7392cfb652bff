/**
 * Small typed helpers for reshaping a hast tree (the built page, parsed), shared by the
 * offline downloads. The unist visitors are not direct dependencies of the project, and
 * these few lines say exactly what happens to a node that is removed or unwrapped.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';

/** What a rewrite makes of a node: itself, other nodes in its place (or none), or nothing. */
type Replacement = ElementContent | ElementContent[] | undefined;

/**
 * Rewrites the tree below `parent` bottom-up: each node's children are rewritten first,
 * then `rewrite` decides what takes the node's place.
 */
export function rewriteTree(parent: Element, rewrite: (node: ElementContent) => Replacement): void {
  const children: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') rewriteTree(child, rewrite);
    const replacement = rewrite(child);
    if (replacement === undefined) continue;
    if (Array.isArray(replacement)) children.push(...replacement);
    else children.push(replacement);
  }
  parent.children = children;
}

/** Removes the source positions from `node` and every node below it. */
export function dropPositions(node: Root | RootContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}

/** Every element below `parent`, in document order. */
export function elements(parent: Root | Element): Element[] {
  const found: Element[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    found.push(child, ...elements(child));
  }
  return found;
}

/** A new element. */
export function element(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A new text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** The element's classes (hast keeps `class` as `className`, a list). */
export function classes(node: Element): string[] {
  const value = node.properties['className'];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : String(value).split(/\s+/).filter(Boolean);
}

export function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name);
}

/** A property as a string, or undefined when it is absent (hast keeps numbers and lists for some). */
export function stringProperty(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Whether the attribute is a custom data attribute: hast names `data-foo-bar` `dataFooBar`. */
export function isDataProperty(name: string): boolean {
  return /^data[A-Z0-9]/.test(name) || name.startsWith('data-');
}

/** White space folded, as the text reads. */
export function foldWhiteSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
