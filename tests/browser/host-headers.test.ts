import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, HTTPResponse } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { searchWords } from '../../scripts/lib/essay-words.ts';
import { inlineHash, metaContentSecurityPolicy, withInlineHashes } from '../../src/publishing/content-security-policy.ts';
import { headersForPath, parseHeadersFile } from '../../src/publishing/host-headers.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { STATEMENT_PATH } from '../../src/publishing/site-files.ts';
import { essayPath } from '../../src/site/urls.ts';
import { launchBrowser, recordPageProblems } from '../support/browser-session.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';

/**
 * Each kind of page, served with the headers of the site's own `_headers` file, as Netlify or
 * Cloudflare Pages would serve them: nothing may be blocked by the policy, and nothing may
 * fail. The essay and search pages come from the site's first essay, so any site can pass.
 */
const sites = [
  { where: 'at the root', dir: inject('siteDir'), base: '/', hostHeaders: true },
  { where: 'under a sub-path', dir: inject('subPathSiteDir'), base: SUB_PATH_BASE, hostHeaders: true },
  // GitHub Pages sends no headers: the page's own <meta http-equiv> policy is all there is.
  { where: 'under a sub-path, with no headers (GitHub Pages)', dir: inject('subPathSiteDir'), base: SUB_PATH_BASE, hostHeaders: false },
];

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

describe.each(sites)('the site $where', ({ dir, base, hostHeaders }) => {
  const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
  const [slug] = listEssaySlugs(dir);
  const [word] = searchWords(dir);
  const pages = [
    { kind: 'home', path: '', status: 200 },
    { kind: 'essay', path: slug === undefined ? undefined : essayPath(slug), status: 200 },
    { kind: 'search with results', path: word === undefined ? undefined : `search/?q=${encodeURIComponent(word)}`, status: 200 },
    { kind: 'accessibility statement', path: STATEMENT_PATH, status: 200 },
    { kind: '404', path: 'no-such-page/', status: 404 },
  ];
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory(dir, base, (pathname) => (hostHeaders ? headersForPath(rules, pathname) : {}));
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each(pages)(
    'the $kind page loads under the policy with no violation, console error or failed request',
    async ({ kind, path, status }) => {
      if (path === undefined) throw new Error(`The site has no essay, so there is no ${kind} page to load.`);
      const tab = await browser.newPage();
      const problems: string[] = [];
      await recordPageProblems(tab, problems);
      // Nothing a page loads comes from another site: no font, script or analytics elsewhere.
      tab.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(new URL(server.url).origin) && !url.startsWith('data:')) problems.push(`another site: ${url}`);
      });
      tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
      tab.on('response', (response: HTTPResponse) => {
        // The page itself may be the 404; nothing it loads may be missing.
        if (response.status() >= 400 && response.request().resourceType() !== 'document')
          problems.push(`${response.status()}: ${response.url()}`);
      });

      const response = await tab.goto(new URL(path, server.url).href, { waitUntil: 'networkidle0' });
      expect(response?.status()).toBe(status);
      const served = response?.headers()['content-security-policy'];
      expect(served).toBe(hostHeaders ? headersForPath(rules, `${base}${path}`)['Content-Security-Policy'] : undefined);
      // Every page carries the policy itself too, as much of it as a <meta> can: an essay page's
      // allows its own stylesheet and colour scheme script, written into it, by hash; the others load theirs.
      const styles = await tab.$$eval('style', (elements) => elements.map((style) => style.textContent ?? ''));
      const scripts = await tab.$$eval('script:not([src]):not([type="application/ld+json"])', (elements) =>
        elements.map((script) => script.textContent ?? ''),
      );
      expect(styles).toHaveLength(kind === 'essay' ? 1 : 0);
      expect(scripts).toHaveLength(kind === 'essay' ? 1 : 0);
      expect(await tab.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.getAttribute('content'))).toBe(
        metaContentSecurityPolicy(withInlineHashes({ styles: styles.map(inlineHash), scripts: scripts.map(inlineHash) })),
      );
      if (kind === 'search with results') await tab.waitForSelector('.search-result', { timeout: 20_000 });
      // The service worker registers after load; its fetches are part of the page's work.
      await tab.evaluate(() => navigator.serviceWorker?.ready);
      await tab.close();
      // A 404 page is a document with status 404: Chromium logs that as a console error, which is the point of it.
      expect(problems.filter((problem) => !(status === 404 && problem.includes('404 (Not Found)')))).toEqual([]);
    },
  );
});
