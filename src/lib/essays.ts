import { getCollection, type CollectionEntry } from 'astro:content';

export type Essay = CollectionEntry<'essays'>;

/** Newest first by publication date; undated essays after dated ones, by title. */
function compareEssays(a: Essay['data'], b: Essay['data']): number {
  const byDate = (b.published?.getTime() ?? -Infinity) - (a.published?.getTime() ?? -Infinity);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return a.title.localeCompare(b.title);
}

/** Every essay that is not a draft, in the order the home page lists them. */
export async function getPublishedEssays(): Promise<Essay[]> {
  const essays = await getCollection('essays', ({ data }) => !data.draft);
  return essays.sort((a, b) => compareEssays(a.data, b.data));
}
