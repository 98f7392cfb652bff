/**
 * The id of the contents' list, which the "Contents" link at the end of an essay leads to.
 * With a dot, as the ids the essay components add (src/essay/ids.ts): no heading's id has one.
 */
export const TOC_LIST_ID = 'toc.list';

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
  /**
   * A section of the essay, numbered by the list. Not the notes, nor a heading that carries
   * its own number ("Scenario 1: Status Quo"), which a list number would number twice.
   */
  section: boolean;
  /**
   * The number the list item must be given (`<li value>`) when its place would show another:
   * after an entry of its list that is not a section, which the list would count. Else unset.
   */
  listValue?: number;
}

export interface TocOptions {
  minDepth?: number;
  maxDepth?: number;
  /** Ids of headings listed but neither numbered nor counted: the notes, and scenarios (numbered in their titles). */
  unnumbered?: ReadonlySet<string>;
}

/**
 * Turns the essay's headings into a nested contents list: h2 at the top, each deeper
 * heading (down to `maxDepth`) under the nearest shallower one before it. A deeper
 * heading with no parent (an h3 before any h2) stays at the top rather than vanishing.
 */
export function buildToc(headings: readonly Heading[], { minDepth = 2, maxDepth = 3, unnumbered = new Set() }: TocOptions = {}): TocItem[] {
  const root: TocItem[] = [];
  const stack: TocItem[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth < minDepth || depth > maxDepth) continue;
    const item: TocItem = { depth, slug, text, children: [], section: !unnumbered.has(slug) };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    (stack.at(-1)?.children ?? root).push(item);
    stack.push(item);
  }
  numberSections(root);
  return root;
}

/** Sets `listValue` on each section of each list whose place in it is not its number. */
function numberSections(items: readonly TocItem[]): void {
  let sections = 0;
  items.forEach((item, index) => {
    if (item.section && ++sections !== index + 1) item.listValue = sections;
    numberSections(item.children);
  });
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

/**
 * How many sections the contents list, as a reader counts them ("Contents, 6 sections"):
 * the top-level entries that are sections. The parts of a section (its h3s, its scenarios)
 * are in it, not more sections, and the notes are not a section of the essay.
 */
export function countSections(items: readonly TocItem[]): number {
  return items.filter((item) => item.section).length;
}
