import { expect, test } from 'vitest';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { citationExports } from '../../src/sources/export-citation.ts';
import { essayCitationItem } from '../../src/site/cite-essay.ts';

const facts = {
  slug: 'on-time',
  title: 'On Time: Why Clocks Disagree, and What It Costs',
  authors: ['Ada Example', 'Smith, Jones and Partners'],
  siteTitle: 'Essays',
  published: new Date('2025-03-01T00:00:00Z'),
  url: 'https://essays.example/essays/on-time/',
  lang: 'en',
};

test('the essay as CSL-JSON gives what the essay gives: authors as written, its site, date, address and language', () => {
  expect(essayCitationItem(facts)).toEqual({
    id: 'on-time-2025',
    'citation-key': 'on-time-2025',
    type: 'post-weblog',
    title: facts.title,
    author: [{ literal: 'Ada Example' }, { literal: 'Smith, Jones and Partners' }],
    'container-title': 'Essays',
    issued: { 'date-parts': [[2025, 3, 1]] },
    URL: facts.url,
    language: 'en',
  });
  expect(essayCitationItem({ slug: 'bare', title: 'Bare', siteTitle: 'Essays', lang: 'fr' })).toEqual({
    id: 'bare',
    'citation-key': 'bare',
    type: 'post-weblog',
    title: 'Bare',
    'container-title': 'Essays',
    language: 'fr',
  });
});

test('its RIS and CSL-JSON read back, through Citation.js, as the same work', () => {
  const { ris, cslJson } = citationExports(essayCitationItem(facts));
  for (const [file, text] of [
    ['cite.ris', ris],
    ['cite.json', cslJson],
  ] as const) {
    const [item] = readBibliography(file, text).items;
    expect(item?.title, file).toBe(facts.title);
    expect(
      item?.author?.map((name) => name.literal ?? `${name.family}, ${name.given}`),
      file,
    ).toEqual(['Ada Example', 'Smith, Jones and Partners']);
    expect(item?.issued?.['date-parts']?.[0], file).toEqual([2025, 3, 1]);
    expect(item?.URL, file).toBe(facts.url);
  }
});
