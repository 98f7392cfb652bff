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

/** The reading line, as a fraction of the window's height: essay.css scrolls targets to just above it. */
const READING_LINE = 0.25;

/**
 * Where the reader is, for the contents: the last heading scrolled past a reading line (a
 * quarter of the way down the window), or none while the reader is still above the first
 * heading (the essay's opening). A heading further down that is merely visible is not yet
 * the section being read: after following a link to a note reference, the section that
 * holds the reference is marked, not the next heading on screen.
 *
 * @param tops Each heading's top relative to the window, in document order.
 * @returns The index of the current heading, or -1.
 */
export function currentHeadingIndex(tops: readonly number[], windowHeight: number): number {
  // Headings come in the order of the page, so their tops only grow.
  return tops.findLastIndex((top) => top <= windowHeight * READING_LINE);
}

/** How many entries a contents list has, nested ones included: "Contents, 6 sections". */
export function countTocItems(items: readonly TocItem[]): number {
  return items.reduce((count, item) => count + 1 + countTocItems(item.children), 0);
}
