/** A heading as Astro's `render()` reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  depth: number;
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * Turns the essay's headings into a nested contents list: h2 at the top, each deeper
 * heading (down to `maxDepth`) under the nearest shallower one before it. A deeper
 * heading with no parent (an h3 before any h2) stays at the top rather than vanishing.
 */
export function buildToc(headings: readonly Heading[], { minDepth = 2, maxDepth = 3 } = {}): TocItem[] {
  const root: TocItem[] = [];
  const stack: TocItem[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth < minDepth || depth > maxDepth) continue;
    const item: TocItem = { depth, slug, text, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(item);
    stack.push(item);
  }
  return root;
}
