/**
 * The Content-Security-Policy the built site works under, directive by directive. Every
 * script and font is a file of the site itself; so is every stylesheet but the one an essay
 * page carries in a `<style>`, allowed by its hash (withStyleHashes). Search
 * needs one allowance: Pagefind compiles its WebAssembly, which `wasm-unsafe-eval`
 * permits without allowing `eval` of JavaScript (`unsafe-eval`).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  // Pagefind fetches its index from the site itself; so does the service worker, to precache it.
  'connect-src': "'self'",
  // The service worker (sw.js) and Pagefind's worker.
  'worker-src': "'self'",
  // The web app manifest, which makes the site installable.
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The policy as one header value, as a host's configuration would send it. */
export function contentSecurityPolicy(directives: Readonly<Record<string, string>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * Directives a browser ignores in a `<meta http-equiv>` policy, and warns about in the
 * console: they only work as a header.
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/**
 * The part of the policy a page can carry itself, in `<meta http-equiv>`, for hosts that
 * send no headers (GitHub Pages, a plain bucket): everything but what only a header can do.
 */
export function metaContentSecurityPolicy(directives: Readonly<Record<string, string>> = CSP_DIRECTIVES): string {
  return contentSecurityPolicy(Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name))));
}

/**
 * The policy with `<style>` elements of these texts' hashes (`'sha256-…'`) allowed too: the
 * essay pages' stylesheets, written into them by the build (src/publishing/inline-stylesheets.ts).
 */
export function withStyleHashes(
  hashes: readonly string[],
  directives: Readonly<Record<string, string>> = CSP_DIRECTIVES,
): Record<string, string> {
  if (hashes.length === 0) return { ...directives };
  return { ...directives, 'style-src': [directives['style-src'] ?? "'self'", ...new Set(hashes)].join(' ') };
}
