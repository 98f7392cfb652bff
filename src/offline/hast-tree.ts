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

/**
 * A deep copy of `node`, for a download to reshape while the page's tree stays as it was.
 * Written for hast rather than left to `structuredClone`, which walks every value generically
 * and was a tenth of the downloads' time (1.0 s of a 500-essay build): a node's properties are
 * strings, numbers, booleans or lists of them, and only its `data` (rare) is cloned generically.
 */
export function copyTree<T extends Root | RootContent>(node: T): T {
  const copy = { ...node } as T & { content?: Root; properties?: Properties };
  if ('children' in node) (copy as Root | Element).children = node.children.map((child) => copyTree(child)) as Root['children'];
  if ('properties' in node) {
    const properties: Properties = {};
    for (const [name, value] of Object.entries(node.properties)) properties[name] = Array.isArray(value) ? [...value] : value;
    copy.properties = properties;
  }
  // A <template>'s content is a tree of its own (hast-util-from-parse5 puts it there).
  if ('content' in node && node.content) copy.content = copyTree(node.content as Root);
  if (node.data !== undefined) copy.data = structuredClone(node.data);
  if (node.position !== undefined) copy.position = structuredClone(node.position);
  return copy;
}

/** Every element below `parent`, in document order. */
export function elements(parent: Root | Element, found: Element[] = []): Element[] {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    found.push(child);
    elements(child, found);
  }
  return found;
}

/**
 * A test of an element, used in place of a CSS selector where the downloads look for one:
 * hast-util-select parses its selector on every call and counts each parent's children by
 * tag on its way down (for `:nth-child`), and its walks of the whole article were a tenth
 * of an essay's downloads.
 */
export type ElementTest = (node: Element) => boolean;

/** The first element of `tree` that passes `test`, in document order, `tree` itself included (as hast-util-select's `select`). */
export function findElement(tree: Root | Element, test: ElementTest): Element | undefined {
  if (tree.type === 'element' && test(tree)) return tree;
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every element of `tree` that passes `test`, in document order, `tree` itself included (as hast-util-select's `selectAll`). */
export function findElements(tree: Root | Element, test: ElementTest): Element[] {
  return [...(tree.type === 'element' ? [tree] : []), ...elements(tree)].filter(test);
}

/** A test for the elements of these names, as CSS's `h2, h3` matches. */
export function isTag(...tagNames: string[]): ElementTest {
  return (node) => tagNames.includes(node.tagName);
}

/** Whether the element has the attribute, as CSS's `[name]` matches: an empty value counts, `false` and an empty list do not. */
export function hasProperty(node: Element, name: string): boolean {
  const value = node.properties[name];
  return value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0);
}

/** Whether the attribute's value has `token` among its space-separated words, as CSS's `[name~="token"]` matches. */
export function hasToken(node: Element, name: string, token: string): boolean {
  const value = hasProperty(node, name) ? stringProperty(node, name) : undefined;
  return (
    value !== undefined &&
    (value === token ||
      value
        .trim()
        .split(/[ \t\n\r\f]+/)
        .includes(token))
  );
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
