/**
 * The Content-Security-Policy the built site works under, directive by directive. Every
 * script, stylesheet and font is a file of the site itself; nothing is inline. Search
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
