import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRssString } from '@astrojs/rss';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { labelsFor, type SiteLabels } from '../strings/labels.ts';
import { FEED_FILE, FEED_ITEMS } from './site-files.ts';
import { essayPath, joinBase } from '../site/urls.ts';
import { elements } from '../offline/hast-tree.ts';
import { offlineArticle, readEssayPage, type EssayMetadata } from '../offline/offline-article.ts';

export interface FeedOptions {
  /** SITE_URL's origin: a feed names absolute addresses, so there is none without it. */
  site: string;
  base: string;
  siteTitle: string;
  siteLang: string;
  /** The site's own labels (the `strings` option), for the feed's description. */
  siteLabels?: SiteLabels | undefined;
}

/**
 * One feed item's full text: the essay as its page has it, without the web page's reading
 * aids (the sidenote and preview copies of notes, scripts), its header (the reader shows the
 * title) or its contents box, with every
 * link and image absolute, since a feed reader shows it far from the site.
 */
function feedContent(article: Element, pageUrl: URL): string {
  const { article: offline } = offlineArticle(article, { pageUrl, siteKnown: true });
  offline.children = offline.children.filter(
    (child) => !(child.type === 'element' && (child.tagName === 'nav' || child.tagName === 'header')),
  );
  for (const node of elements(offline)) {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = new URL(value, pageUrl).href;
    }
  }
  return toHtml(offline.children);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `limit` newest essays, newest first by publication date; undated ones after dated ones, by title, as the home page lists them. */
export function newestEssays<Page extends { metadata: EssayMetadata }>(pages: readonly Page[], limit: number): Page[] {
  return [...pages].sort((a, b) => byPublication(a.metadata, b.metadata)).slice(0, limit);
}

/** Newest first by publication date; undated essays after dated ones, by title. */
function byPublication(a: EssayMetadata, b: EssayMetadata): number {
  if (a.published !== b.published) return (b.published ?? '').localeCompare(a.published ?? '');
  return a.title.localeCompare(b.title);
}

/**
 * Writes the RSS feed of the built site in `siteDir`: the newest FEED_ITEMS essays, in full,
 * made from their built pages (as the offline downloads are). Drafts are never built, so
 * never in it. `essays` is every essay's metadata, as the offline downloads read it from its
 * page: only the pages of the newest are parsed again (at 500 essays, parsing every page
 * took 1 s of the feed's 1.3 s).
 */
export async function writeFeed(siteDir: string, options: FeedOptions, essays: readonly EssayMetadata[]): Promise<{ items: number }> {
  const home = new URL(options.base, options.site);
  // Only the newest essays, in full: a feed of every essay would grow with the site (27 MB
  // and 7 s of the build at 1,000 essays), and readers only fetch what is new.
  const newest = newestEssays(
    essays.map((metadata) => ({ metadata })),
    FEED_ITEMS,
  ).map(({ metadata }) => readEssayPage(readFileSync(join(siteDir, essayPath(metadata.slug), 'index.html'), 'utf8'), metadata.slug));
  const xml = await getRssString({
    title: options.siteTitle,
    description: labelsFor(options.siteLang, options.siteLabels).homeDescription(options.siteTitle),
    site: home.href,
    customData: `<language>${escapeXml(options.siteLang)}</language>`,
    // RSS's own <author> wants an e-mail address; Dublin Core's creator takes a name.
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: newest.map(({ metadata, article }) => {
      const link = new URL(joinBase(options.base, essayPath(metadata.slug)), options.site);
      return {
        title: metadata.title,
        link: link.href,
        ...(metadata.description ? { description: metadata.description } : {}),
        ...(metadata.published ? { pubDate: new Date(`${metadata.published}T00:00:00Z`) } : {}),
        ...(metadata.authors.length > 0
          ? { customData: metadata.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('') }
          : {}),
        content: feedContent(article, link),
      };
    }),
  });
  writeFileSync(join(siteDir, FEED_FILE), xml);
  return { items: newest.length };
}
