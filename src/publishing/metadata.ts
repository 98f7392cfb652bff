import type { Article, CreativeWork, WebSite, WithContext } from 'schema-dts';
import { cslDateText, type CslItem } from '../sources/csl-item.ts';

/** What a page says about itself to link previews and search engines. */
export interface PageFacts {
  siteTitle: string;
  title: string;
  description: string;
  /** BCP 47. */
  lang: string;
  /** The page's absolute address: known only with SITE_URL, and nothing absolute is written without it. */
  url: string | undefined;
  /** An essay is an article; the home page is the website. Other pages are neither. */
  kind: 'article' | 'website' | 'page';
  /** Only what the essay gives: never a guessed author or date. */
  authors?: readonly string[] | undefined;
  /** `YYYY-MM-DD` */
  published?: string | undefined;
  modified?: string | undefined;
  /** The sources an essay's notes cite (CSL-JSON), listed in its schema.org `citation`. */
  citations?: readonly CslItem[] | undefined;
  /** The page's social card (an essay's), at an absolute address: so only with SITE_URL. */
  image?: PreviewImage | undefined;
}

/** An image for link previews: its absolute address, size in pixels and text alternative. */
export interface PreviewImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** `<meta property="og:…">` and `<meta name="twitter:…">` pairs, in order. */
export interface PreviewTags {
  openGraph: Array<[property: string, content: string]>;
  twitter: Array<[name: string, content: string]>;
}

/**
 * Open Graph and Twitter card tags: title and description always, the address and the
 * image only when they are known. With an image, the preview is a large card. X reads the
 * title, description and image from Open Graph when its own tags are absent (its "Cards
 * markup" reference), so only the card type and the image's alt text, which has no Open
 * Graph fallback there, are said twice: every essay page carries these bytes.
 */
export function previewTags(facts: PageFacts): PreviewTags {
  const openGraph: Array<[string, string]> = [
    ['og:type', facts.kind === 'article' ? 'article' : 'website'],
    ['og:site_name', facts.siteTitle],
    ['og:title', facts.title],
    ['og:description', facts.description],
    ['og:locale', facts.lang.replace('-', '_')],
  ];
  if (facts.url) openGraph.push(['og:url', facts.url]);
  const { image } = facts;
  if (image) {
    openGraph.push(
      ['og:image', image.url],
      ['og:image:width', String(image.width)],
      ['og:image:height', String(image.height)],
      ['og:image:alt', image.alt],
    );
  }
  if (facts.kind === 'article') {
    if (facts.published) openGraph.push(['article:published_time', facts.published]);
    if (facts.modified) openGraph.push(['article:modified_time', facts.modified]);
  }
  const twitter: Array<[string, string]> = [['twitter:card', image ? 'summary_large_image' : 'summary']];
  if (image) twitter.push(['twitter:image:alt', image.alt]);
  return { openGraph, twitter };
}

/**
 * The page as schema.org data (JSON-LD): an essay is an `Article`, the home page the
 * `WebSite`. Other pages get none. Authors and dates appear only when the essay gives them,
 * and the image only when the essay has a card.
 */
export function structuredData(facts: PageFacts): WithContext<Article> | WithContext<WebSite> | undefined {
  if (facts.kind === 'website') {
    return {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: facts.siteTitle,
      description: facts.description,
      inLanguage: facts.lang,
      ...(facts.url ? { url: facts.url } : {}),
    };
  }
  if (facts.kind !== 'article') return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: facts.title,
    description: facts.description,
    inLanguage: facts.lang,
    ...(facts.url ? { url: facts.url, mainEntityOfPage: facts.url } : {}),
    ...(facts.image ? { image: facts.image.url } : {}),
    ...(facts.authors && facts.authors.length > 0 ? { author: facts.authors.map((name) => ({ '@type': 'Person' as const, name })) } : {}),
    ...(facts.published ? { datePublished: facts.published } : {}),
    ...(facts.modified ? { dateModified: facts.modified } : {}),
    isPartOf: { '@type': 'WebSite', name: facts.siteTitle },
    ...(facts.citations && facts.citations.length > 0 ? { citation: facts.citations.map(creativeWork) } : {}),
  };
}

/** A cited source as schema.org reads one: its title, authors, date, and its DOI or address. */
function creativeWork(item: CslItem): CreativeWork {
  const names = (item.author ?? []).flatMap((name) => name.literal ?? ([name.given, name.family].filter(Boolean).join(' ') || []));
  const date = cslDateText(item.issued);
  const url = item.DOI ? `https://doi.org/${item.DOI}` : item.URL;
  return {
    '@type': 'CreativeWork',
    name: item.title ?? item.id,
    ...(names.length > 0 ? { author: names.map((name) => ({ '@type': 'Person' as const, name })) } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(item.publisher ? { publisher: { '@type': 'Organization' as const, name: item.publisher } } : {}),
    ...(url ? { url } : {}),
    ...(item.DOI ? { identifier: `doi:${item.DOI}` } : {}),
  };
}

/**
 * Highwire Press tags (`citation_title`, `citation_author`…) for an essay: what Zotero's
 * connector and Google Scholar read to cite the page. Only what the essay gives: no author
 * or date it does not name; its address only with SITE_URL.
 */
export function citationTags(facts: PageFacts): Array<[name: string, content: string]> {
  if (facts.kind !== 'article') return [];
  const tags: Array<[string, string]> = [['citation_title', facts.title]];
  for (const author of facts.authors ?? []) tags.push(['citation_author', author]);
  if (facts.published) tags.push(['citation_publication_date', facts.published.replaceAll('-', '/')]);
  tags.push(['citation_language', facts.lang]);
  if (facts.url) tags.push(['citation_public_url', facts.url]);
  return tags;
}

/**
 * JSON for inside a `<script type="application/ld+json">`: `<` escaped, so no text of the
 * essay can close the element early.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
