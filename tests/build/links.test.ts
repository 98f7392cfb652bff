import { beforeAll, describe, expect, inject, test } from 'vitest';
import { checkSiteLinks, formatBrokenLinks, type LinkCheckResult } from '../../scripts/lib/link-check.ts';
import { listEssaySlugs, listHtmlFiles, urlPathOf } from '../../scripts/lib/pages.ts';
import { SUB_PATH_BASE, SUB_PATH_SITE } from '../support/global-setup.ts';

/**
 * Broken links that are known and reported but not fixed yet, as `formatBrokenLinks` writes
 * them, each with where it comes from. The test fails when one is no longer there: it leaves
 * this list in the same change as its fix.
 */
const KNOWN_BROKEN: Readonly<Record<string, readonly string[]>> = {
  // src/layouts/BaseLayout.astro gives the 404 page a canonical URL and og:url from the path
  // Astro renders it at (/404/), which no host serves: a 404 page has no address of its own.
  [SUB_PATH_BASE]: [`${SUB_PATH_BASE}404.html: ${SUB_PATH_BASE}404/ (404)`],
};

const builds = [
  { name: 'at the root', dir: () => inject('siteDir'), base: '/', siteUrl: undefined },
  { name: `under ${SUB_PATH_BASE}, with SITE_URL`, dir: () => inject('subPathSiteDir'), base: SUB_PATH_BASE, siteUrl: SUB_PATH_SITE },
  { name: 'from the component fixtures', dir: () => inject('componentsSiteDir'), base: '/', siteUrl: undefined },
];

describe.each(builds)('the site built $name', ({ dir, base, siteUrl }) => {
  let result: LinkCheckResult;
  beforeAll(async () => {
    result = await checkSiteLinks(dir(), { base, siteUrl });
  });

  test('every internal link, asset, #fragment, feed and sitemap URL resolves', () => {
    const known = KNOWN_BROKEN[base] ?? [];
    const lines = formatBrokenLinks(result.broken).split('\n').filter(Boolean);
    expect(lines.filter((line) => !known.includes(line)).join('\n'), 'Broken links, each after the page or file it is on').toBe('');
    expect(
      known.filter((line) => !lines.includes(line)),
      'Known broken links that are fixed now: take them out of KNOWN_BROKEN',
    ).toEqual([]);
  });

  test('every HTML file and every download was requested, and nothing on another site', () => {
    const checked = new Set(result.checked);
    for (const file of listHtmlFiles(dir())) expect(checked, file).toContain(`${base}${urlPathOf(file)}`);
    for (const slug of listEssaySlugs(dir())) expect(checked).toContain(`${base}essays/${slug}/${slug}.epub`);
    expect(result.checked.filter((url) => !url.startsWith(base))).toEqual([]);
  });
});

test('with SITE_URL, the feed, the sitemap and the absolute addresses in the pages are checked on the local server', async () => {
  const dir = inject('subPathSiteDir');
  const { checked, skipped } = await checkSiteLinks(dir, { base: SUB_PATH_BASE, siteUrl: SUB_PATH_SITE });
  expect(checked).toEqual(
    expect.arrayContaining([`${SUB_PATH_BASE}feed.xml`, `${SUB_PATH_BASE}sitemap-index.xml`, `${SUB_PATH_BASE}sitemap-0.xml`]),
  );
  // Nothing on SITE_URL was left unchecked as if it were another site.
  expect(skipped.filter((url) => url.startsWith(SUB_PATH_SITE))).toEqual([]);
});
