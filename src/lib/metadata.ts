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
}

/** `<meta property="og:…">` and `<meta name="twitter:…">` pairs, in order. */
export interface PreviewTags {
  openGraph: Array<[property: string, content: string]>;
  twitter: Array<[name: string, content: string]>;
}

/** Open Graph and Twitter card tags: title and description always, the address only when it is known. */
export function previewTags(facts: PageFacts): PreviewTags {
  const openGraph: Array<[string, string]> = [
    ['og:type', facts.kind === 'article' ? 'article' : 'website'],
    ['og:site_name', facts.siteTitle],
    ['og:title', facts.title],
    ['og:description', facts.description],
    ['og:locale', facts.lang.replace('-', '_')],
  ];
  if (facts.url) openGraph.push(['og:url', facts.url]);
  if (facts.kind === 'article') {
    if (facts.published) openGraph.push(['article:published_time', facts.published]);
    if (facts.modified) openGraph.push(['article:modified_time', facts.modified]);
  }
  return {
    openGraph,
    twitter: [
      ['twitter:card', 'summary'],
      ['twitter:title', facts.title],
      ['twitter:description', facts.description],
    ],
  };
}

/**
 * The page as schema.org data (JSON-LD): an essay is an `Article`, the home page the
 * `WebSite`. Other pages get none. Authors and dates appear only when the essay gives them.
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
