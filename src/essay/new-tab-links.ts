/**
 * Links in essays open in the reader's own tab, unless the author asks for a new one by
 * writing `<a href="…" target="_blank">`. Such a link is told apart for everyone: screen
 * readers hear "(opens in a new tab)" in its name (WCAG G201), the eye sees a mark after it,
 * and it carries `rel="noopener noreferrer"`, so the page it opens cannot reach back into
 * this one (`window.opener`) nor learn which essay sent the reader there.
 */

/** A JSX attribute as MDX parses it: a string value, or an expression (`{…}`) read as unknown. */
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

const NEW_TAB_REL = ['noopener', 'noreferrer'];

function attribute(attributes: readonly JsxAttribute[], name: string): JsxAttribute | undefined {
  return attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
}

/** Whether the author wrote `target="_blank"` on the link. */
export function opensNewTab(attributes: readonly JsxAttribute[]): boolean {
  return attribute(attributes, 'target')?.value === '_blank';
}

/**
 * The link's attributes with `rel` made safe for a new tab: the author's own tokens
 * (`rel="author"`) are kept, `noopener` and `noreferrer` added once.
 *
 * @example withNewTabRel([{ type: 'mdxJsxAttribute', name: 'rel', value: 'author' }]) // rel="author noopener noreferrer"
 */
function withNewTabRel<Attribute extends JsxAttribute>(attributes: readonly Attribute[]): Attribute[] {
  const rel = attribute(attributes, 'rel');
  const written = typeof rel?.value === 'string' ? rel.value.split(/\s+/).filter(Boolean) : [];
  const value = [...new Set([...written, ...NEW_TAB_REL])].join(' ');
  const others = attributes.filter((candidate) => candidate !== rel);
  return [...others, { type: 'mdxJsxAttribute', name: 'rel', value } as Attribute];
}

/** A node of an essay's tree, as far as finding links in it goes. */
interface TreeNode {
  type: string;
  name?: string | null;
  attributes?: readonly JsxAttribute[];
  children?: readonly TreeNode[];
}

/**
 * `node` with every link that opens a new tab (`<a target="_blank">`, here or inside) given
 * a safe `rel` and ending with `hint`, the words that say so. Nodes with no such link are
 * returned as they are, not copied: other plugins' work finds its nodes by identity.
 * Any mdast or MDX node will do; the result has the type it was given.
 */
export function withNewTabLinksMarked<Node extends object>(node: Node, hint: object): Node {
  return markNode(node as TreeNode, hint as TreeNode) as Node;
}

function markNode(node: TreeNode, hint: TreeNode): TreeNode {
  const children = node.children?.map((child) => markNode(child, hint));
  const changed = children !== undefined && children.some((child, index) => child !== node.children?.[index]);
  const isNewTabLink =
    (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a' && opensNewTab(node.attributes ?? []);
  if (isNewTabLink) return { ...node, attributes: withNewTabRel(node.attributes ?? []), children: [...(children ?? []), hint] };
  return changed ? { ...node, children } : node;
}
