import type { Nodes } from 'mdast';
import type { MdxJsxAttributeNode, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

export type JsxElement = Readonly<MdxJsxFlowElement | MdxJsxTextElement>;

/** Whether a node is a JSX element (an HTML element or a component) the author wrote. */
export function isJsxElement(node: Readonly<Nodes>): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** An HTML element (`<img>`, `<a>`), as opposed to a component (`<Footnote>`) or a fragment (`<>`). */
export function isHtmlElement(element: JsxElement): boolean {
  return element.name !== null && element.name !== undefined && /^[a-z]/.test(element.name);
}

/**
 * An attribute's value as the page would get it: the text of `name="…"`, the string of
 * `name={"…"}` or of a template without `${}`; `undefined` for a bare flag, and `null`
 * for an expression whose value cannot be known before the page is built.
 */
export function staticValue(attribute: Readonly<MdxJsxAttributeNode>): string | null | undefined {
  const { value } = attribute;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const code = value.value.trim();
  const literal = /^(["'`])([\s\S]*)\1$/.exec(code);
  if (literal && !(literal[1] === '`' && literal[2]?.includes('${'))) return literal[2] ?? '';
  return null;
}
