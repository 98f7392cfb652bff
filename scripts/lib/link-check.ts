/**
 * Checks every link of a built site, served on 127.0.0.1 the way a static host serves it
 * (static-server.ts), and requests nothing anywhere else.
 *
 * - linkinator crawls every HTML file of the site (its pages and the single-file copies)
 *   and requests every link, stylesheet, script, image, icon, manifest, download, CSS
 *   `url()` and metadata URL (Open Graph, JSON-LD) it finds there.
 * - Addresses on `SITE_URL` (canonical URLs, Open Graph, JSON-LD, the feed, the sitemap)
 *   are rewritten to the local server and checked there; any other address (a link to
 *   another site) is skipped, never requested.
 * - The files linkinator does not read are read here, with real parsers, and their URLs
 *   checked the same way: robots.txt's `Sitemap:`, every `<loc>` of the sitemaps, the
 *   feed's links and every link and image inside its items, the web app manifest's URLs.
 * - Every `#fragment` of a link on the site (in a page, a single-file copy or the feed)
 *   must name an element of its target page by `id` (or an `<a name>`). This check is ours:
 *   linkinator's also accepts a fragment that only an anchor's `href` names, and skips
 *   pages marked `noindex`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML, DOMParser } from 'linkedom';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { listHtmlFiles, urlPathOf } from '../../src/publishing/pages.ts';
import { serveDirectory } from './static-server.ts';

export interface LinkCheckOptions {
  /** The base path the site was built for (`BASE_PATH`), `/` by default. */
  base?: string;
  /** The origin the site was built for (`SITE_URL`): its addresses are checked on the local server. */
  siteUrl?: string | undefined;
}

export interface BrokenLink {
  /** Where the link is: a page's path on the site (`/essays/a/`), or a file (`/feed.xml`). */
  source: string;
  /** The link, as a path on the site (`/essays/b/#note-3`), or as written when it is not one. */
  url: string;
  /** What is wrong: `404`, or the fragment that names no element. */
  reason: string;
}

export interface LinkCheckResult {
  broken: BrokenLink[];
  /** Every URL of the site that was requested, as a path on it (`/essays/a/`), sorted. */
  checked: string[];
  /** The links to other sites (`http:`, `https:`) that were found and skipped, never requested, sorted. */
  skipped: string[];
}

/** A URL, and the document it was found in (as a URL too). */
interface FoundUrl {
  source: string;
  url: string;
}

/** Checks the site built into `dir`. */
export async function checkSiteLinks(dir: string, { base = '/', siteUrl }: LinkCheckOptions = {}): Promise<LinkCheckResult> {
  const server = await serveDirectory(dir, base);
  try {
    const home = new URL(server.url);
    const local = home.origin;
    const published = siteUrl ? new URL(siteUrl).origin : undefined;
    /** An address on SITE_URL, as the same address on the local server. */
    const toLocal = (url: string): string => (published && sameOriginAs(url, published) ? local + url.slice(published.length) : url);
    /** A URL of the local server as a path on the site (`/reading/room/essays/a/`); another address as it is. */
    const display = (url: string): string => (sameOriginAs(url, local) ? url.slice(local.length) || '/' : url);

    const htmlFiles = listHtmlFiles(dir);
    // A folder's index.html is linked as the folder: one URL, crawled once.
    const pageUrl = (file: string) => new URL(urlPathOf(file), home).href;
    const localised = ({ source, url }: FoundUrl): FoundUrl => ({ source, url: toLocal(url) });
    const fromOtherFiles = urlsInOtherFiles(dir, home).map(localised);
    const withFragments = [
      ...htmlFiles.flatMap((file) => fragmentLinks(readFileSync(join(dir, file), 'utf8'), pageUrl(file))).map(localised),
      ...fromOtherFiles,
    ];

    const checker = new LinkChecker();
    const onSite = fromOtherFiles.filter(({ url }) => sameOriginAs(url, local)).map(({ url }) => withoutFragment(url));
    const result = await checker.check({
      // Every page, single-file copy and stylesheet is a starting point, so each is read for
      // links whatever finds it first (linkinator reads only what is under where it started).
      path: [
        ...new Set([
          ...htmlFiles.map(pageUrl),
          ...listFiles(dir)
            .filter((file) => file.endsWith('.css'))
            .map(pageUrl),
          ...onSite,
        ]),
      ],
      recurse: true,
      checkCss: true,
      concurrency: 8,
      timeout: 30_000,
      urlRewriteExpressions: published ? [{ pattern: new RegExp(`^${escapeRegExp(published)}(?=[/?#]|$)`), replacement: local }] : [],
      // Another site is never requested. (linkinator asks before it rewrites a link, and again after.)
      linksToSkip: async (link) => !sameOriginAs(toLocal(link), local),
    });

    const broken: BrokenLink[] = [];
    const sourcesOf = (url: string): string[] => {
      const sources = fromOtherFiles.filter((entry) => withoutFragment(entry.url) === url).map((entry) => display(entry.source));
      return sources.length > 0 ? [...new Set(sources)] : ['(a file of the site)'];
    };
    for (const link of result.links) {
      if (link.state === LinkState.SKIPPED) continue;
      // linkinator's own skip rule keeps other sites out; this says so if it ever did not.
      const reason = sameOriginAs(link.url, local) ? failure(link) : 'was requested, but is not on the local server';
      if (reason === undefined) continue;
      for (const source of link.parent ? [display(link.parent)] : sourcesOf(link.url))
        broken.push({ source, url: display(link.url), reason });
    }

    const ids = new Map<string, Promise<Set<string> | undefined>>();
    for (const { source, url } of withFragments) {
      const target = new URL(url);
      const fragment = target.hash.slice(1);
      if (target.origin !== local || fragment === '') continue;
      const page = withoutFragment(url);
      if (!ids.has(page)) ids.set(page, idsOfPage(page));
      const targets = await ids.get(page);
      // A page that is not there is already reported above.
      if (targets === undefined) continue;
      if (!targetsFragment(targets, fragment)) {
        broken.push({ source: display(source), url: display(url), reason: `no element has the id "${decodeFragment(fragment)}"` });
      }
    }

    return {
      broken: uniqueBroken(broken),
      checked: [...new Set(result.links.filter((link) => link.state !== LinkState.SKIPPED).map((link) => display(link.url)))].sort(),
      skipped: [
        ...new Set(result.links.filter((link) => link.state === LinkState.SKIPPED && /^https?:/.test(link.url)).map((link) => link.url)),
      ].sort(),
    };
  } finally {
    await server.close();
  }
}

/** Why a link is broken, or undefined when it is not. */
function failure(link: LinkResult): string | undefined {
  if (link.state !== LinkState.BROKEN) return undefined;
  if (link.status) return String(link.status);
  const details = (link.failureDetails ?? []).map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`));
  return details.join('; ') || 'could not be requested';
}

/** One line per broken link, grouped by where it is: `/essays/a/: /essays/b/ (404)`. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((link) => `${link.source}: ${link.url} (${link.reason})`).join('\n');
}

/**
 * The links with a `#fragment` in one HTML document (`<a>`, `<area>`, `<link>`), resolved
 * against its URL as a browser would (its `<base>` too). A bare `#` or `#top` goes to the
 * top of a page, as HTML defines, so it is not listed.
 */
function fragmentLinks(html: string, documentUrl: string): FoundUrl[] {
  const { document } = parseHTML(html);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const baseUrl = baseHref ? new URL(baseHref, documentUrl).href : documentUrl;
  return [...document.querySelectorAll('a[href], area[href], link[href]')].flatMap((element) => {
    const href = element.getAttribute('href') ?? '';
    const url = tryUrl(href, baseUrl);
    return url && url.hash.length > 1 && url.hash.toLowerCase() !== '#top' ? [{ source: documentUrl, url: url.href }] : [];
  });
}

/** Whether a page's ids name a fragment (written percent-encoded or not). */
function targetsFragment(ids: ReadonlySet<string>, fragment: string): boolean {
  return ids.has(fragment) || ids.has(decodeFragment(fragment));
}

/** The fragment targets of an HTML document: every `id`, and the `name` of every `<a>`. */
function fragmentTargets(html: string): Set<string> {
  const { document } = parseHTML(html);
  return new Set([
    ...[...document.querySelectorAll('[id]')].map((element) => element.getAttribute('id') ?? ''),
    ...[...document.querySelectorAll('a[name]')].map((element) => element.getAttribute('name') ?? ''),
  ]);
}

/**
 * The URLs in the site's files that are not HTML, each with the file it is in (as a URL):
 * robots.txt's `Sitemap:` lines; in each XML file, every sitemap `<loc>`, RSS `<link>` and
 * permalink `<guid>`, `href` and `url` attribute (Atom links, enclosures), and every link and
 * image in the HTML of a feed item (`content:encoded`, `description`); in each web app
 * manifest, `start_url`, `scope`, `id` and every icon, screenshot and shortcut.
 */
function urlsInOtherFiles(dir: string, home: URL): FoundUrl[] {
  const files = listFiles(dir).filter((file) => /(^|\/)robots\.txt$|\.xml$|\.webmanifest$/.test(file) && !file.startsWith('pagefind/'));
  return files.flatMap((file) => {
    const fileUrl = new URL(file, home).href;
    const text = readFileSync(join(dir, file), 'utf8');
    const urls = file.endsWith('.xml') ? urlsInXml(text) : file.endsWith('.webmanifest') ? urlsInManifest(text) : urlsInRobotsTxt(text);
    return urls.flatMap((url) => {
      const resolved = tryUrl(url, fileUrl);
      return resolved ? [{ source: fileUrl, url: resolved.href }] : [];
    });
  });
}

function urlsInRobotsTxt(text: string): string[] {
  return [...text.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)].map((match) => match[1] ?? '');
}

function urlsInXml(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const elements = [...document.querySelectorAll('*')];
  const named = (...names: string[]) => elements.filter((element) => names.includes(element.tagName.toLowerCase()));
  const html = named('content:encoded', 'description').flatMap((element) => urlsInHtml(element.textContent ?? ''));
  return [
    ...named('loc', 'link').map((element) => element.textContent?.trim() ?? ''),
    ...named('guid')
      .filter((element) => element.getAttribute('isPermaLink') !== 'false')
      .map((element) => element.textContent?.trim() ?? ''),
    ...elements.flatMap((element) => ['href', 'url'].map((name) => element.getAttribute(name) ?? '')),
    ...html,
  ].filter((url) => url !== '');
}

/** Every URL an HTML fragment links to or loads: `href`, `src`, `srcset`, `poster`. */
function urlsInHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('[href], [src], [srcset], [poster]')].flatMap((element) => [
    ...['href', 'src', 'poster'].map((name) => element.getAttribute(name) ?? ''),
    ...(element.getAttribute('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
  ]);
}

function urlsInManifest(json: string): string[] {
  const manifest = JSON.parse(json) as {
    start_url?: string;
    scope?: string;
    id?: string;
    icons?: Array<{ src?: string }>;
    screenshots?: Array<{ src?: string }>;
    shortcuts?: Array<{ url?: string; icons?: Array<{ src?: string }> }>;
  };
  return [
    manifest.start_url,
    manifest.scope,
    manifest.id,
    ...(manifest.icons ?? []).map((icon) => icon.src),
    ...(manifest.screenshots ?? []).map((screenshot) => screenshot.src),
    ...(manifest.shortcuts ?? []).flatMap((shortcut) => [shortcut.url, ...(shortcut.icons ?? []).map((icon) => icon.src)]),
  ].filter((url): url is string => typeof url === 'string' && url !== '');
}

/** The ids of the HTML page at a URL of the local server, or undefined when it is not served. */
async function idsOfPage(url: string): Promise<Set<string> | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  // A fragment on a file that is not HTML (an EPUB, an image) names nothing a test can see.
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return new Set();
  return fragmentTargets(await response.text());
}

/** Every file under `dir`, relative to it, with `/` between folders. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function sameOriginAs(url: string, origin: string): boolean {
  return tryUrl(url)?.origin === origin;
}

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function tryUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each broken link once per place it is found. */
function uniqueBroken(broken: readonly BrokenLink[]): BrokenLink[] {
  const seen = new Set<string>();
  return broken
    .filter((link) => {
      const key = `${link.source}\n${link.url}\n${link.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.source.localeCompare(b.source) || a.url.localeCompare(b.url));
}
