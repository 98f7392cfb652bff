import { expect, test } from 'vitest';
import { citationTags, jsonForScript, previewTags, structuredData, type PageFacts } from '../../src/publishing/metadata.ts';

const essay: PageFacts = {
  siteTitle: 'Essays',
  title: 'On Time',
  description: 'Why clocks disagree.',
  lang: 'en-GB',
  url: 'https://essays.example/essays/on-time/',
  kind: 'article',
};

test('an essay is an Article with its headline, description, language and address, and no author or date it does not give', () => {
  expect(structuredData(essay)).toEqual({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: 'On Time',
    description: 'Why clocks disagree.',
    inLanguage: 'en-GB',
    url: 'https://essays.example/essays/on-time/',
    mainEntityOfPage: 'https://essays.example/essays/on-time/',
    isPartOf: { '@type': 'WebSite', name: 'Essays' },
  });
  expect(structuredData({ ...essay, authors: ['Ada Example'], published: '2025-03-01', modified: '2025-04-15' })).toMatchObject({
    author: [{ '@type': 'Person', name: 'Ada Example' }],
    datePublished: '2025-03-01',
    dateModified: '2025-04-15',
  });
});

test('without SITE_URL nothing absolute is written; the home page is the WebSite; other pages have no data', () => {
  expect(structuredData({ ...essay, url: undefined })).not.toHaveProperty('url');
  expect(previewTags({ ...essay, url: undefined }).openGraph.map(([property]) => property)).not.toContain('og:url');
  expect(structuredData({ ...essay, kind: 'website', title: 'Essays' })).toMatchObject({
    '@type': 'WebSite',
    name: 'Essays',
    inLanguage: 'en-GB',
  });
  expect(structuredData({ ...essay, kind: 'page' })).toBeUndefined();
});

test('link previews carry the title, description, locale and, for an essay, its dates', () => {
  const { openGraph, twitter } = previewTags({ ...essay, published: '2025-03-01' });
  expect(Object.fromEntries(openGraph)).toEqual({
    'og:type': 'article',
    'og:site_name': 'Essays',
    'og:title': 'On Time',
    'og:description': 'Why clocks disagree.',
    'og:locale': 'en_GB',
    'og:url': 'https://essays.example/essays/on-time/',
    'article:published_time': '2025-03-01',
  });
  expect(Object.fromEntries(twitter)).toEqual({
    'twitter:card': 'summary',
  });
});

test('with a social card, the preview is a large image with its size and text alternative, and the Article names it', () => {
  const image = { url: 'https://essays.example/cards/on-time.png', width: 1200, height: 630, alt: 'On Time · Essays' };
  const { openGraph, twitter } = previewTags({ ...essay, image });
  expect(Object.fromEntries(openGraph)).toMatchObject({
    'og:image': 'https://essays.example/cards/on-time.png',
    'og:image:width': '1200',
    'og:image:height': '630',
    'og:image:alt': 'On Time · Essays',
  });
  // og:image:width and the others describe the og:image before them.
  const properties = openGraph.map(([property]) => property);
  expect(properties.indexOf('og:image:width')).toBe(properties.indexOf('og:image') + 1);
  expect(Object.fromEntries(twitter)).toEqual({
    'twitter:card': 'summary_large_image',
    'twitter:image:alt': 'On Time · Essays',
  });
  expect(structuredData({ ...essay, image })).toMatchObject({ image: 'https://essays.example/cards/on-time.png' });
  expect(structuredData(essay)).not.toHaveProperty('image');
});

test('JSON in a script element cannot close it early', () => {
  const json = jsonForScript({ headline: '</script><script>alert(1)</script>' });
  expect(json).not.toContain('<');
  expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>' });
});

test('an essay lists the sources its notes cite as CreativeWorks, with a DOI as its address and identifier', () => {
  const data = structuredData({
    ...essay,
    citations: [
      {
        id: 'a',
        type: 'article-journal',
        title: 'A Study',
        author: [{ family: 'Ibarra', given: 'Lucía' }],
        issued: { 'date-parts': [[2021, 3]] },
        DOI: '10.5555/x',
      },
      {
        id: 'b',
        type: 'webpage',
        title: 'A Page',
        author: [{ literal: 'The Archive' }],
        URL: 'https://archive.example/p',
        publisher: 'Archive',
      },
    ],
  });
  expect(data && 'citation' in data ? data.citation : undefined).toEqual([
    {
      '@type': 'CreativeWork',
      name: 'A Study',
      author: [{ '@type': 'Person', name: 'Lucía Ibarra' }],
      datePublished: '2021-03',
      url: 'https://doi.org/10.5555/x',
      identifier: 'doi:10.5555/x',
    },
    {
      '@type': 'CreativeWork',
      name: 'A Page',
      author: [{ '@type': 'Person', name: 'The Archive' }],
      publisher: { '@type': 'Organization', name: 'Archive' },
      url: 'https://archive.example/p',
    },
  ]);
  expect(structuredData(essay)).not.toHaveProperty('citation');
});

test('Highwire tags cite the essay with only what it gives; other pages have none', () => {
  expect(citationTags({ ...essay, authors: ['Ada Example', 'Bo Example'], published: '2025-03-01' })).toEqual([
    ['citation_title', essay.title],
    ['citation_author', 'Ada Example'],
    ['citation_author', 'Bo Example'],
    ['citation_publication_date', '2025/03/01'],
    ['citation_language', essay.lang],
    ['citation_public_url', 'https://essays.example/essays/on-time/'],
  ]);
  expect(citationTags({ ...essay, url: undefined }).map(([name]) => name)).toEqual(['citation_title', 'citation_language']);
  expect(citationTags({ ...essay, kind: 'website' })).toEqual([]);
});
