import type { Article, WebSite, WithContext } from 'schema-dts';

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
  };
}

/**
 * JSON for inside a `<script type="application/ld+json">`: `<` escaped, so no text of the
 * essay can close the element early.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
