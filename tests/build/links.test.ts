import { beforeAll, describe, expect, inject, test } from 'vitest';
import { checkSiteLinks, formatBrokenLinks, type LinkCheckResult } from '../../scripts/lib/link-check.ts';
import { listEssaySlugs, listHtmlFiles, urlPathOf } from '../../src/publishing/pages.ts';
import { SUB_PATH_BASE, SUB_PATH_SITE } from '../support/global-setup.ts';

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
    expect(formatBrokenLinks(result.broken), 'Broken links, each after the page or file it is on').toBe('');
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
