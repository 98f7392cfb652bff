import { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * The HTTP headers every page of the site is meant to be served with: the strict
 * Content-Security-Policy the tests serve (one source: content-security-policy.ts) and
 * the usual hardening. A host reads them from `_headers` (Netlify, Cloudflare Pages);
 * the README shows the same for nginx.
 */
function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    // Links to sources say which site the reader came from, never which page.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // An essay needs no camera, microphone, location or payment.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The `_headers` file for a site served under `base`: the security headers on every
 * path, a year's caching for Astro's content-hashed files (their name changes with their
 * content), and none for the service worker, so a new build reaches readers at once.
 */
export function headersFile(base: string): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block(`${base}*`, securityHeaders()),
    block(`${base}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    block(`${base}sw.js`, { 'Cache-Control': 'no-cache' }),
  ].join('\n\n')}\n`;
}

/** The files the build writes for the host, not for readers: never part of the offline copy. */
export const HOST_FILES = ['_headers', '.nojekyll'] as const;
