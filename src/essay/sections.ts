/** A heading as Astro's `render()` reports it. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * An essay's sections as links (its `##` headings), for the list of essays and their
 * contents that the search page offers when search cannot run.
 *
 * @example essaySections([{ depth: 2, slug: 'a', text: 'A' }], '/essays/x/') // [{ text: 'A', href: '/essays/x/#a' }]
 */
export function essaySections(headings: readonly RenderedHeading[], pageHref: string): Array<{ text: string; href: string }> {
  return headings.filter((heading) => heading.depth === 2).map((heading) => ({ text: heading.text, href: `${pageHref}#${heading.slug}` }));
}
