import { expect, test } from 'vitest';
import { newestEssays } from '../../src/publishing/write-feed.ts';
import type { EssayMetadata } from '../../src/offline/offline-article.ts';

const page = (title: string, published?: string) => ({
  metadata: {
    slug: title,
    lang: 'en',
    dir: 'ltr',
    title,
    description: undefined,
    authors: [],
    published,
    modified: undefined,
    canonical: undefined,
  } satisfies EssayMetadata,
});

test('the feed carries the newest essays only, newest first, undated ones after dated ones', () => {
  const pages = [page('Old', '2024-01-01'), page('Undated'), page('New', '2025-06-01'), page('Middle', '2024-09-01')];
  expect(newestEssays(pages, 3).map(({ metadata }) => metadata.title)).toEqual(['New', 'Middle', 'Old']);
  expect(newestEssays(pages, 10).map(({ metadata }) => metadata.title)).toEqual(['New', 'Middle', 'Old', 'Undated']);
});
