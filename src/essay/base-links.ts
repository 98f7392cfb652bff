/**
 * A link an author writes from the site's root (`/search/`, `/essays/on-time/`) with the
 * site's base path written in, so it works at the root and under a sub-path alike
 * (`/reading-room/search/` when the base is `/reading-room/`). A link that already starts
 * with the base, a relative link, a `#fragment`, another site's address and a
 * protocol-relative `//host/` are left as written.
 *
 * @example withBase('/search/', '/reading-room/') // '/reading-room/search/'
 */
export function withBase(url: string, base: string): string {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//') || url.startsWith(base) || `${url}/` === base) return url;
  return `${base}${url.slice(1)}`;
}

interface TreeNode {
  type: string;
  name?: string | null;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children?: readonly TreeNode[];
}

/**
 * `node` with every HTML link in it (`<a href="/search/">`, itself included) given the base
 * path by `withBase`; the nodes that do not change are the same objects.
 */
export function withLinksRebased<Node extends object>(node: Node, base: string): Node {
  return rebase(node as TreeNode, base) as Node;
}

function rebase(node: TreeNode, base: string): TreeNode {
  const children = node.children?.map((child) => rebase(child, base));
  const changed = children !== undefined && children.some((child, index) => child !== node.children?.[index]);
  const isLink = (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a';
  const attributes = isLink
    ? node.attributes?.map((attribute) =>
        attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string'
          ? { ...attribute, value: withBase(attribute.value, base) }
          : attribute,
      )
    : undefined;
  const moved = attributes?.some((attribute, index) => attribute !== node.attributes?.[index]) ?? false;
  if (!changed && !moved) return node;
  const next: TreeNode = { ...node };
  if (moved && attributes) next.attributes = attributes;
  if (changed && children) next.children = children;
  return next;
}
