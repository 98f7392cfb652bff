/**
 * The home page lists the essays a page at a time, so that no page grows with the site: at
 * 10,000 essays a single list would be megabytes. Page 1 is the home page itself; later
 * pages are `page/2/`, `page/3/`, … below the base path.
 */
export interface ListPage<Item> {
  /** 1 for the home page. */
  number: number;
  /** How many pages there are in all (at least 1, for a site without essays). */
  count: number;
  items: Item[];
  /** Site-relative paths of the neighbouring pages, when there are any. */
  previous: string | undefined;
  next: string | undefined;
}

/** The site-relative path of page `number` of the list: `''` (the home page) for 1. */
export function listPagePath(number: number): string {
  return number === 1 ? '' : `page/${number}/`;
}

/**
 * `items` split into pages of `size`, in order.
 *
 * @example paginate(['a', 'b', 'c'], 2).map((page) => page.items) // [['a', 'b'], ['c']]
 */
export function paginate<Item>(items: readonly Item[], size: number): Array<ListPage<Item>> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A page holds a whole number of essays, at least 1, not ${size}.`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      number,
      count,
      items: items.slice(index * size, number * size),
      previous: number > 1 ? listPagePath(number - 1) : undefined,
      next: number < count ? listPagePath(number + 1) : undefined,
    };
  });
}
