import { expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/lib/content-security-policy.ts';
import { headersFile } from '../../scripts/lib/host-headers.ts';

/** `_headers` read back the way Netlify and Cloudflare Pages read it: a path, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const [name = '', ...value] = line.trim().split(': ');
    if (current) current[name] = value.join(': ');
  }
  return rules;
}

test('every path gets the CSP the tests serve and the hardening headers; hashed files are cached, the service worker is not', () => {
  const rules = parseHeadersFile(headersFile('/'));
  expect([...rules.keys()]).toEqual(['/*', '/_astro/*', '/sw.js']);
  expect(rules.get('/*')).toMatchObject({
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  expect(rules.get('/*')?.['Content-Security-Policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(rules.get('/_astro/*')?.['Cache-Control']).toBe('public, max-age=31536000, immutable');
  expect(rules.get('/sw.js')?.['Cache-Control']).toBe('no-cache');
});

test('under a base path, the rules name the paths the site is served at', () => {
  expect([...parseHeadersFile(headersFile('/reading/room/')).keys()]).toEqual([
    '/reading/room/*',
    '/reading/room/_astro/*',
    '/reading/room/sw.js',
  ]);
});
