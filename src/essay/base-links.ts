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
