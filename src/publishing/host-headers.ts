import { contentSecurityPolicy, withInlineHashes, type InlineHashes } from './content-security-policy.ts';

const NOTHING_INLINE: InlineHashes = { styles: [], scripts: [] };

/**
 * The HTTP headers every page of the site is meant to be served with: the strict
 * Content-Security-Policy the tests serve (one source: content-security-policy.ts) and
 * the usual hardening. A host reads them from `_headers` (Netlify, Cloudflare Pages);
 * the README shows the same for nginx. `inline`: the hashes of the essay pages' inline stylesheets
 * and script.
 */
export function securityHeaders(inline: InlineHashes = NOTHING_INLINE): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(withInlineHashes(inline)),
    'X-Content-Type-Options': 'nosniff',
    // Links to sources say which site the reader came from, never which page.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // An essay needs no camera, microphone, location or payment.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // For browsers that predate the CSP's frame-ancestors: no page of the site is framed.
    'X-Frame-Options': 'DENY',
    // Static hosts serve HTTPS; browsers ignore this header over plain HTTP. Two years, and
    // this host only: subdomains and the preload list are the site owner's decision.
    'Strict-Transport-Security': 'max-age=63072000',
  };
}

/**
 * The `_headers` file for a site served under `base`: the security headers on every
 * path, a year's caching for Astro's content-hashed files (their name changes with their
 * content), and none for the service worker, so a new build reaches readers at once.
 * One policy for every path, so it allows the `<style>` and `<script>` of every page (`inline`).
 */
export function headersFile(base: string, inline: InlineHashes = NOTHING_INLINE): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block(`${base}*`, securityHeaders(inline)),
    block(`${base}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    block(`${base}sw.js`, { 'Cache-Control': 'no-cache' }),
  ].join('\n\n')}\n`;
}

/** The rules of a `_headers` file, in order: a path pattern, and the headers for paths it matches. */
export type HeaderRules = ReadonlyArray<{ pattern: string; headers: Record<string, string> }>;

/** `_headers` read back the way Netlify and Cloudflare Pages read it: a path, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRules {
  const rules: Array<{ pattern: string; headers: Record<string, string> }> = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && separator > 0) rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/**
 * The headers a host sends for `pathname`: those of every rule whose pattern matches it
 * (`*` matches anything, `/` included), a later rule's value for a name replacing an earlier.
 */
export function headersForPath(rules: HeaderRules, pathname: string): Record<string, string> {
  const matches = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(pathname);
  return Object.assign({}, ...rules.filter(({ pattern }) => matches(pattern)).map(({ headers }) => headers)) as Record<string, string>;
}

/** The files the build writes for the host, not for readers: never part of the offline copy. */
export const HOST_FILES = ['_headers', '.nojekyll'] as const;
