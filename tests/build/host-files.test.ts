import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { contentSecurityPolicy, withInlineHashes, inlineHash } from '../../src/publishing/content-security-policy.ts';
import { SITE_LIST_FILE } from '../../src/offline/offline-files.ts';
import { readPrecacheManifest } from '../../src/offline/write-service-worker.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { essayPath } from '../../src/site/urls.ts';
import { inlineCode, readPage } from '../support/html.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';

test.each([
  ['at the root', inject('siteDir'), '/'],
  ['under a sub-path', inject('subPathSiteDir'), SUB_PATH_BASE],
])('the site %s carries _headers with the CSP the tests serve, and .nojekyll', (_where, siteDir, base) => {
  const headers = readFileSync(join(siteDir, '_headers'), 'utf8');
  expect(headers.startsWith(`${base}*\n`)).toBe(true);
  // The policy allows the <style> and <script> of every essay page, by hash (src/publishing/inline-assets.ts).
  const inline = listEssaySlugs(siteDir).map((slug) => inlineCode(readPage(siteDir, essayPath(slug))));
  const styles = inline.flatMap((code) => code.styles.map(inlineHash));
  const scripts = [...new Set(inline.flatMap((code) => code.scripts.map(inlineHash)))];
  expect(styles.length).toBeGreaterThan(0);
  expect(scripts).toHaveLength(1);
  expect(headers).toContain(`  Content-Security-Policy: ${contentSecurityPolicy(withInlineHashes({ styles, scripts }))}\n`);
  expect(headers).toContain(`${base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
  expect(existsSync(join(siteDir, '.nojekyll'))).toBe(true);
  // Host files are not part of the site a reader downloads for offline reading: neither in the
  // shell sw.js precaches nor in the list a whole-site save fetches.
  const precached = readPrecacheManifest(readFileSync(join(siteDir, 'sw.js'), 'utf8')).map((entry) => entry.url);
  const listed = readFileSync(join(siteDir, SITE_LIST_FILE), 'utf8');
  expect(precached.length).toBeGreaterThan(0);
  expect(precached.filter((url) => url.includes('_headers') || url.includes('.nojekyll'))).toEqual([]);
  expect(listed).toContain('essays/');
  expect(listed).not.toMatch(/_headers|\.nojekyll/);
});
