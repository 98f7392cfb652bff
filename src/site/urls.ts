/**
 * Joins the site's base path and a site-relative path, so every internal link and
 * asset works under any base (`/`, `/essays/`, …).
 *
 * @example joinBase('/sub/', 'essays/a/') // '/sub/essays/a/'
 */
export function joinBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** The site-relative path of an essay page. */
export function essayPath(slug: string): string {
  return `essays/${slug}/`;
}
