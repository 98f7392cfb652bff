/**
 * Reads a built essay page and makes the article that both offline downloads (EPUB and
 * single-file HTML) are made from. What the page says about the essay is read from the
 * page itself (its head and its `<article>`), so the downloads can never disagree with it.
 *
 * The rules that apply to both downloads live here; each format then applies its own
 * (src/offline/epub.ts, src/offline/single-file-html.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toString } from 'hast-util-to-string';
import { parse } from 'parse5';
import { textDirection } from '../strings/lang.ts';
import {
  copyTree,
  element,
  elements,
  findElement,
  findElements,
  foldWhiteSpace,
  hasClass,
  hasProperty,
  hasToken,
  isDataProperty,
  isTag,
  rewriteTree,
  stringProperty,
  text,
} from './hast-tree.ts';

/** What the page says about the essay: only what the essay gives, nothing guessed. */
export interface EssayMetadata {
  slug: string;
  /** BCP 47, from `<html lang>`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The page's `<h1>`. */
  title: string;
  description: string | undefined;
  /** `<meta name="author">`, one per author; empty when the essay names none. */
  authors: string[];
  /** `YYYY-MM-DD`, from `article:published_time`, when the essay gives it. */
  published: string | undefined;
  /** `YYYY-MM-DD`, from `article:modified_time`, when the essay gives it. */
  modified: string | undefined;
  /** `<link rel="canonical">`: only there when SITE_URL is set. */
  canonical: string | undefined;
}

/** One entry of the essay's contents: a heading (or the notes) and the entries under it. */
export interface ContentsEntry {
  text: string;
  /**
   * The link's own content, when part of it is marked with another language than the
   * essay's (`<bdi lang="en">Scenario 1</bdi>: …`), for the EPUB's navigation to keep.
   */
  marked?: ElementContent[];
  /** The id the entry links to, without `#`. */
  id: string;
  children: ContentsEntry[];
}

/** The page's table of contents (`nav.toc`): its label ("Contents") and its entries. */
export interface Contents {
  label: string;
  /** The language of the label, when it is marked with another than the essay's ("Contents" in English). */
  labelLang?: string;
  entries: ContentsEntry[];
}

export interface EssayPage {
  metadata: EssayMetadata;
  /** The page's `<article>`, as built. */
  article: Element;
  contents: Contents | undefined;
  /** The `href` of each `<link rel="stylesheet">`, in order. */
  stylesheets: string[];
}

/** Parses a built essay page. Throws when the page lacks what every essay page has. */
export function readEssayPage(html: string, slug: string): EssayPage {
  // Without source positions, which are never used here: parse5 tracks none (a third less time
  // than hast-util-from-html, which always asks for them: 100 built pages, 3.5 against 5.9 ms a
  // page), and every tree is copied for each download it makes (copyTree), about half the work
  // without them.
  const root = fromParse5(parse(html)) as Root;
  const htmlElement = findElement(root, isTag('html'));
  const lang = htmlElement && stringProperty(htmlElement, 'lang');
  if (!lang) throw new Error('The page has no <html lang>.');
  const article = findElement(root, isTag('article'));
  if (!article) throw new Error('The page has no <article>.');
  const heading = findElement(article, isTag('h1'));
  const title = heading && foldWhiteSpace(toString(heading));
  if (!title) throw new Error('The article has no <h1> title.');
  const dir = htmlElement && stringProperty(htmlElement, 'dir');
  // The page's metadata is in its head: searching only there spares a walk of the whole page per tag.
  const head = findElement(root, isTag('head')) ?? root;

  const metadata: EssayMetadata = {
    slug,
    lang,
    dir: dir === 'rtl' || dir === 'ltr' ? dir : textDirection(lang),
    title,
    description: metaContent(head, 'name', 'description')[0],
    authors: metaContent(head, 'name', 'author'),
    published: metaContent(head, 'property', 'article:published_time')[0],
    modified: metaContent(head, 'property', 'article:modified_time')[0],
    canonical: links(head, 'canonical')
      .map((link) => stringProperty(link, 'href'))
      .find(Boolean),
  };
  const stylesheets = links(head, 'stylesheet').flatMap((link) => stringProperty(link, 'href') ?? []);
  return { metadata, article, contents: readContents(article), stylesheets };
}

/** The content of each `<meta>` whose `name` (or `property`) is `value`, when not blank. */
function metaContent(head: Element | Root, attribute: 'name' | 'property', value: string): string[] {
  const metas = findElements(head, (node) => node.tagName === 'meta' && stringProperty(node, attribute) === value);
  return metas.flatMap((meta) => {
    const content = stringProperty(meta, 'content')?.trim();
    return content ? [content] : [];
  });
}

/** The `<link>`s whose `rel` has `relation` (`link[rel~="stylesheet"]`). */
function links(head: Element | Root, relation: string): Element[] {
  return findElements(head, (node) => node.tagName === 'link' && hasToken(node, 'rel', relation));
}

/** The article's table of contents (`nav.toc`, an `<ol>` of links to `#id`), if it has one. */
export function readContents(article: Element): Contents | undefined {
  const nav = findElement(article, (node) => node.tagName === 'nav' && hasClass(node, 'toc'));
  const list = nav && findElement(nav, isTag('ol'));
  if (!nav || !list) return undefined;
  const summary =
    findElement(nav, isTag('summary')) ?? findElement(nav, (node) => isTag('h2', 'h3', 'h4')(node) || hasProperty(node, 'id'));
  // "Contents", without the count the page shows after it ("Contents, 6 sections").
  const label = summary
    ? foldWhiteSpace(toString(summary).replace(toString(findElement(summary, (node) => hasClass(node, 'toc-count')) ?? text('')), ''))
    : '';
  if (!label) throw new Error('The table of contents (nav.toc) has no label.');
  // Marked as a <bdi> of its own where it is in another language than the essay's (English).
  const labelMark = summary?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'bdi');
  const labelLang = labelMark && stringProperty(labelMark, 'lang');
  return { label, ...(labelLang ? { labelLang } : {}), entries: readEntries(list) };
}

function readEntries(list: Element): ContentsEntry[] {
  return list.children.flatMap((item) => {
    if (item.type !== 'element' || item.tagName !== 'li') return [];
    const link = item.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a');
    const href = link && stringProperty(link, 'href');
    if (!link || !href?.startsWith('#')) throw new Error('An entry of the table of contents is not a link to a heading (#id).');
    const sublist = item.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
    const marked = findElement(link, (node) => hasProperty(node, 'lang')) ? { marked: link.children } : {};
    return [{ text: foldWhiteSpace(toString(link)), ...marked, id: decodeFragment(href), children: sublist ? readEntries(sublist) : [] }];
  });
}

/** `#caf%C3%A9` and `#café` name the same id. */
export function decodeFragment(href: string): string {
  const fragment = href.replace(/^#/, '');
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export interface OfflineArticleOptions {
  /** Where the page is served: `https://example.org/base/essays/slug/`, or any origin when unknown. */
  pageUrl: URL;
  /** Whether `pageUrl`'s origin is the real one (SITE_URL is set): links to other pages can then be kept, absolute. */
  siteKnown: boolean;
}

export interface OfflineArticle {
  article: Element;
  /**
   * The image sources the article still shows, each once, as site paths (`/base/_astro/a.webp`)
   * or `data:` URLs: the downloads embed them.
   */
  images: string[];
}

/**
 * The article as both downloads carry it, from a copy of the page's article:
 * - the web-only reading aids are left out: every element with `data-reading-aid` (sidenote
 *   and preview copies of notes, their buttons, the download links), every script, the
 *   popover attributes and event handler attributes;
 * - `data-*` attributes go (Pagefind's and others), except Astro's scoped-style markers
 *   `data-astro-cid-*`, which the page's CSS selects on;
 * - links within the essay (`#id`) stay; links to other pages of the site become absolute
 *   when the site's address is known, else plain text (a relative link would be dead in a
 *   file); links elsewhere stay; a link to an id that is not in the article becomes text;
 * - an image keeps one source (no `srcset`, no `<picture>` alternatives): a site path or a
 *   `data:` URL, embedded later; an image from another origin becomes its text alternative,
 *   since neither download may make a request.
 */
export function offlineArticle(pageArticle: Element, options: OfflineArticleOptions): OfflineArticle {
  const article = copyTree(pageArticle);
  removeWebOnlyProperties(article);
  rewriteTree(article, (node) => {
    if (node.type === 'comment') return undefined;
    if (node.type !== 'element') return node;
    if (node.properties['dataReadingAid'] !== undefined) return undefined;
    if (['script', 'noscript', 'template', 'source'].includes(node.tagName)) return undefined;
    if (node.tagName === 'picture') return node.children.filter((child) => child.type === 'element' && child.tagName === 'img');
    removeWebOnlyProperties(node);
    if (node.tagName === 'a') return offlineLink(node, options);
    if (node.tagName === 'img') return offlineImage(node, options);
    return node;
  });
  removeDanglingReferences(article);
  const images = [...new Set(elements(article).flatMap((node) => (node.tagName === 'img' ? (stringProperty(node, 'src') ?? []) : [])))];
  return { article, images };
}

/** Popover and event handler attributes, and `data-*` but for Astro's scoped-style markers. */
function removeWebOnlyProperties(node: Element): void {
  for (const name of Object.keys(node.properties)) {
    const lower = name.toLowerCase();
    const webOnly = lower.startsWith('popover') || /^on[a-z]/.test(lower) || (isDataProperty(name) && !lower.startsWith('dataastrocid'));
    if (webOnly) delete node.properties[name];
  }
}

function offlineLink(link: Element, { pageUrl, siteKnown }: OfflineArticleOptions): ElementContent | ElementContent[] {
  const href = stringProperty(link, 'href');
  if (href === undefined) return link;
  if (href.startsWith('#')) return link;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return link.children;
  }
  if (!['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) return link.children;
  if (url.origin !== pageUrl.origin) return link;
  // The page itself: a fragment stays a fragment, a bare link to the page goes nowhere new.
  const samePage = url.pathname === pageUrl.pathname || url.pathname === `${pageUrl.pathname}index.html`;
  if (samePage && url.search === '') return url.hash ? { ...link, properties: { ...link.properties, href: url.hash } } : link.children;
  return siteKnown ? { ...link, properties: { ...link.properties, href: url.href } } : link.children;
}

function offlineImage(image: Element, { pageUrl }: OfflineArticleOptions): ElementContent | ElementContent[] {
  delete image.properties['srcSet'];
  delete image.properties['sizes'];
  const src = stringProperty(image, 'src');
  if (src?.startsWith('data:')) return image;
  let url: URL | undefined;
  try {
    url = src ? new URL(src, pageUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (url && url.origin === pageUrl.origin) {
    image.properties['src'] = url.pathname;
    return image;
  }
  const alt = stringProperty(image, 'alt')?.trim();
  return alt ? [element('span', { className: ['image-alt'] }, [text(alt)])] : [];
}

/** Links to ids the article does not have become text; ARIA references to them go. */
function removeDanglingReferences(article: Element): void {
  const ids = new Set(elements(article).flatMap((node) => stringProperty(node, 'id') ?? []));
  ids.add(stringProperty(article, 'id') ?? '');
  rewriteTree(article, (node) => {
    if (node.type !== 'element') return node;
    for (const name of ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaFlowTo', 'ariaDetails']) {
      const value = node.properties[name];
      if (value === undefined) continue;
      const kept = String(Array.isArray(value) ? value.join(' ') : value)
        .split(/\s+/)
        .filter((id) => ids.has(id));
      if (kept.length > 0) node.properties[name] = kept;
      else delete node.properties[name];
    }
    const href = node.tagName === 'a' ? stringProperty(node, 'href') : undefined;
    if (href?.startsWith('#') && !ids.has(decodeFragment(href))) return node.children;
    return node;
  });
}
