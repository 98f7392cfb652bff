import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy the built site works under, directive by directive. Every
 * script, stylesheet and font is a file of the site itself, but for what an essay page
 * carries in itself: its stylesheet in a `<style>` and the colour scheme's classic script,
 * each allowed by its hash (withInlineHashes). Search
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

/** The CSP source that allows an inline `<style>` or `<script>` of exactly this text: `'sha256-…'`. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hashes of what essay pages carry inline, by kind (src/publishing/inline-assets.ts). */
export interface InlineHashes {
  styles: readonly string[];
  scripts: readonly string[];
}

/**
 * The policy with the `<style>` and `<script>` elements of these hashes (`'sha256-…'`)
 * allowed too: what the build writes into the essay pages (src/publishing/inline-assets.ts).
 */
export function withInlineHashes(
  { styles, scripts }: InlineHashes,
  directives: Readonly<Record<string, string>> = CSP_DIRECTIVES,
): Record<string, string> {
  const allowed = { ...directives };
  if (styles.length > 0) allowed['style-src'] = [directives['style-src'] ?? "'self'", ...new Set(styles)].join(' ');
  if (scripts.length > 0) allowed['script-src'] = [directives['script-src'] ?? "'self'", ...new Set(scripts)].join(' ');
  return allowed;
}
