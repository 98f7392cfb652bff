/** The site's feed, beside its home page. */
export const FEED_FILE = 'feed.xml';

/** How many essays the feed carries in full, the newest first. */
export const FEED_ITEMS = 50;

/** `robots.txt`: every page may be read, and the sitemap is named when there is one. */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return ['User-agent: *', 'Allow: /', ...(sitemapUrl ? ['', `Sitemap: ${sitemapUrl}`] : [])].join('\n') + '\n';
}

/** The accessibility statement's page (src/publishing/routes/accessibility.astro), linked from every page's footer. */
export const STATEMENT_PATH = 'accessibility/';
