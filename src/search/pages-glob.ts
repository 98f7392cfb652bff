/**
 * A glob that names exactly the given pages, for Pagefind's `addDirectory` (the build's
 * search index, write-search-index.ts): `{a/index.html,b/index.html}`, or the path alone
 * for one page. Undefined when a path holds a character a glob reads as a pattern (`*?[]{},\`
 * or `!` first), which the caller then adds page by page, or when there are no pages.
 */
export function pagesGlob(paths: readonly string[]): string | undefined {
  if (paths.length === 0 || paths.some((path) => /[*?[\]{},\\]/.test(path) || path.startsWith('!'))) return undefined;
  return paths.length === 1 ? paths[0] : `{${paths.join(',')}}`;
}
