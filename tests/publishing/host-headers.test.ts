import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, withInlineHashes } from '../../src/publishing/content-security-policy.ts';
import { headersFile, headersForPath, parseHeadersFile, securityHeaders } from '../../src/publishing/host-headers.ts';
import { ROOT } from '../support/build-site.ts';

test('every path gets the CSP the tests serve and the hardening headers; hashed files are cached, the service worker is not', () => {
  const rules = new Map(parseHeadersFile(headersFile('/')).map(({ pattern, headers }) => [pattern, headers]));
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

test('the policy sent for every path allows the essay pages’ inline stylesheets and script, by hash', () => {
  const hashes = { styles: ["'sha256-a'", "'sha256-b'"], scripts: ["'sha256-c'"] };
  const rules = new Map(parseHeadersFile(headersFile('/', hashes)).map(({ pattern, headers }) => [pattern, headers]));
  expect(rules.get('/*')?.['Content-Security-Policy']).toBe(contentSecurityPolicy(withInlineHashes(hashes)));
  expect(rules.get('/*')?.['Content-Security-Policy']).toContain("style-src 'self' 'sha256-a' 'sha256-b';");
  expect(rules.get('/*')?.['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-c';");
});

test('under a base path, the rules name the paths the site is served at', () => {
  expect(parseHeadersFile(headersFile('/reading/room/')).map(({ pattern }) => pattern)).toEqual([
    '/reading/room/*',
    '/reading/room/_astro/*',
    '/reading/room/sw.js',
  ]);
});

test('a path gets the headers of every rule that matches it, as the host sends them', () => {
  const rules = parseHeadersFile(headersFile('/reading/room/'));
  const page = headersForPath(rules, '/reading/room/essays/a/');
  expect(page['Content-Security-Policy']).toBe(contentSecurityPolicy());
  expect(page['Cache-Control']).toBeUndefined();
  const hashed = headersForPath(rules, '/reading/room/_astro/page.B1x2.css');
  expect(hashed).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=31536000, immutable' });
  // Outside the base path, and a name that only looks like a rule's path: no rule applies.
  expect(headersForPath(rules, '/essays/a/')).toEqual({});
  expect(headersForPath(rules, '/reading/room/sw.json')['Cache-Control']).toBeUndefined();
  // A header value may hold colons (a URL, a CSP source); comments are skipped.
  expect(parseHeadersFile('# host rules\n/*\n  Link: <https://a.example/>; rel=preconnect\n')).toEqual([
    { pattern: '/*', headers: { Link: '<https://a.example/>; rel=preconnect' } },
  ]);
});

test('the nginx configuration in docs/deploying.md sends every header _headers sends', () => {
  const readme = readFileSync(join(ROOT, 'docs/deploying.md'), 'utf8');
  const nginx = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  for (const [name, value] of Object.entries(securityHeaders())) {
    const line = nginx.split('\n').find((candidate) => candidate.trim().startsWith(`add_header ${name} `));
    expect(line, name).toBeDefined();
    // The policy is abbreviated in the docs ("…"); every other value is written out.
    if (name !== 'Content-Security-Policy') expect(line?.replaceAll('"', ''), name).toContain(value);
  }
});

test('the <meta> policy is the header policy without the directives only a header can carry', () => {
  const meta = metaContentSecurityPolicy();
  expect(meta).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  expect(contentSecurityPolicy()).toContain('frame-ancestors');
  expect(meta.split('; ')).toEqual(
    contentSecurityPolicy()
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors')),
  );
});
