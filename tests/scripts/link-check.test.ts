import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkSiteLinks, formatBrokenLinks, type LinkCheckResult } from '../../scripts/lib/link-check.ts';

/** A site built for https://site.example/sub/, with one broken link of every kind the check knows, and the same kinds working. */
const SITE = 'https://site.example';
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="/sub/style.css">${head}</head><body>${body}</body></html>`;

/** Another site, on this machine: it counts the requests it gets, which must be none. */
let otherSite: Server;
let otherRequests = 0;
let otherUrl: string;
const scratch = mkdtempSync(join(tmpdir(), 'link-check-'));
let result: LinkCheckResult;

function write(file: string, content: string): void {
  mkdirSync(dirname(join(scratch, file)), { recursive: true });
  writeFileSync(join(scratch, file), content);
}

beforeAll(async () => {
  otherSite = createServer((_request, response) => {
    otherRequests++;
    response.end('ok');
  });
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
  const address = otherSite.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  otherUrl = `http://127.0.0.1:${address.port}/`;

  write(
    'index.html',
    page(
      [
        '<a href="#top">top</a> <a href="#">top too</a> <a href="#here">here</a> <a href="#gone-here">same page, no such id</a>',
        '<h2 id="here">Here</h2>',
        '<a href="/sub/about/">about</a> <a href="/sub/about/#team">a fragment that is there</a> <a href="about/#nobody">one that is not</a>',
        '<a href="/sub/about/#ghost">only an anchor’s href names it</a>',
        '<a href="/sub/missing/">a page that is not there</a> <a href="/about/">a link without the base path</a>',
        '<img src="missing.png" alt="a missing image"> <img src="/sub/ok.png" alt="an image that is there">',
        `<a href="${otherUrl}page">another site</a> <img src="${otherUrl}image.png" alt="from another site">`,
        '<a href="https://example.org/">a site on the internet</a> <a href="mailto:a@example.org">mail</a>',
        '<a href="/sub/essay.epub" download>a download that is not there</a>',
        '<a href="/sub/a%20b/#caf%C3%A9">an encoded path and fragment</a>',
      ].join('\n'),
      `<link rel="canonical" href="${SITE}/sub/"><meta property="og:url" content="${SITE}/sub/gone/"><link rel="manifest" href="/sub/manifest.webmanifest"><link rel="alternate" type="application/rss+xml" href="/sub/feed.xml">`,
    ),
  );
  write(
    'about/index.html',
    page('<h1 id="team">Team</h1><a id="permalink" href="#ghost">¶</a>', `<link rel="canonical" href="${SITE}/sub/about/">`),
  );
  write('a b/index.html', page('<h1 id="café">Café</h1>'));
  write('ok.png', 'png');
  write('style.css', 'body{background:url(missing-background.png)}h1{background:url(/sub/ok.png)}');
  write('robots.txt', `User-agent: *\nAllow: /\nSitemap: ${SITE}/sub/sitemap-index.xml\n`);
  write(
    'sitemap-index.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}/sub/sitemap-0.xml</loc></sitemap></sitemapindex>`,
  );
  write(
    'sitemap-0.xml',
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${SITE}/sub/</loc></url><url><loc>${SITE}/sub/not-there/</loc></url></urlset>`,
  );
  write(
    'feed.xml',
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>${SITE}/sub/</link>` +
      `<item><title>a</title><link>${SITE}/sub/missing-essay/</link><guid isPermaLink="true">${SITE}/sub/missing-essay/</guid>` +
      `<content:encoded><![CDATA[<p><a href="${SITE}/sub/about/#team">there</a> <a href="${SITE}/sub/about/#nope">not there</a> <img src="${SITE}/sub/feed-image.png" alt=""></p>]]></content:encoded></item>` +
      `</channel></rss>`,
  );
  write(
    'manifest.webmanifest',
    JSON.stringify({ start_url: '/sub/', scope: '/sub/', icons: [{ src: '/sub/ok.png' }, { src: 'icons/missing-icon.png' }] }),
  );

  result = await checkSiteLinks(scratch, { base: '/sub/', siteUrl: SITE });
});

afterAll(async () => {
  await new Promise((resolve) => otherSite.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

test('every broken link is reported once, with the page or file it is on', () => {
  expect(formatBrokenLinks(result.broken).split('\n')).toEqual([
    '/sub/: /about/ (404)',
    '/sub/: /sub/#gone-here (no element has the id "gone-here")',
    '/sub/: /sub/about/#ghost (no element has the id "ghost")',
    '/sub/: /sub/about/#nobody (no element has the id "nobody")',
    '/sub/: /sub/essay.epub (404)',
    '/sub/: /sub/gone/ (404)',
    '/sub/: /sub/missing.png (404)',
    '/sub/: /sub/missing/ (404)',
    '/sub/about/: /sub/about/#ghost (no element has the id "ghost")',
    '/sub/feed.xml: /sub/about/#nope (no element has the id "nope")',
    '/sub/feed.xml: /sub/feed-image.png (404)',
    '/sub/feed.xml: /sub/missing-essay/ (404)',
    '/sub/manifest.webmanifest: /sub/icons/missing-icon.png (404)',
    '/sub/sitemap-0.xml: /sub/not-there/ (404)',
    '/sub/style.css: /sub/missing-background.png (404)',
  ]);
});

test('addresses on SITE_URL are checked on the local server; another site is skipped, never requested', () => {
  expect(result.checked).toEqual(
    expect.arrayContaining([
      '/sub/',
      '/sub/about/',
      '/sub/sitemap-index.xml',
      '/sub/sitemap-0.xml',
      '/sub/feed.xml',
      '/sub/ok.png',
      '/sub/a%20b/',
    ]),
  );
  expect(result.skipped).toEqual(expect.arrayContaining([`${otherUrl}page`, `${otherUrl}image.png`, 'https://example.org/']));
  expect(result.skipped.filter((url) => url.startsWith(SITE))).toEqual([]);
  expect(otherRequests).toBe(0);
});

test('a site with nothing broken passes', async () => {
  const clean = mkdtempSync(join(tmpdir(), 'link-check-clean-'));
  try {
    writeFileSync(
      join(clean, 'index.html'),
      '<!doctype html><html lang="en"><title>t</title><a href="#x">x</a><p id="x">x</p><a href="/">home</a>',
    );
    const { broken, checked } = await checkSiteLinks(clean);
    expect(broken).toEqual([]);
    expect(checked).toEqual(['/']);
  } finally {
    rmSync(clean, { recursive: true, force: true });
  }
});
