/**
 * What a browser would make of a URL an author wrote, before it is published. Values come
 * from the parser with character references already decoded (`&#106;avascript:` is
 * `javascript:` by then).
 */

/** Schemes that run code or carry a whole document in the page: never in an essay. */
const UNSAFE_SCHEMES = ['javascript', 'vbscript', 'data'] as const;

/**
 * The unsafe scheme a URL uses, however it is written: browsers ignore case, and drop
 * leading spaces and control characters and any tab or line break inside the URL
 * (`" JaVa\tScRiPt:…"` runs as `javascript:`).
 */
export function unsafeScheme(url: string): (typeof UNSAFE_SCHEMES)[number] | undefined {
  // eslint-disable-next-line no-control-regex
  const normalised = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return UNSAFE_SCHEMES.find((scheme) => normalised.startsWith(`${scheme}:`));
}

/** Whether a URL leaves the site: a scheme of its own (`https:`, `ftp:`) or protocol-relative (`//cdn…`). */
export function isOtherOrigin(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const trimmed = url.replace(/[\u0000-\u0020]/g, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[/\\]{2}/.test(trimmed);
}

/** The URLs in a `srcset` (`a.png 1x, b.png 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}
