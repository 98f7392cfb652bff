import GithubSlugger, { slug } from 'github-slugger';

/**
 * Ids of the elements the essay components add. Each has a dot after the essay's
 * slug: heading ids come from a slugger that drops dots, so a note or scenario id can
 * never collide with a heading, nor with another essay's notes on the same page.
 */
export function idPrefix(essaySlug: string): string {
  return `${essaySlug.replace(/\//g, '-')}.`;
}

export const noteId = (prefix: string, number: number): string => `${prefix}note-${number}`;
export const referenceId = (prefix: string, label: string): string => `${prefix}ref-${label}`;
export const previewId = (prefix: string, label: string): string => `${prefix}preview-${label}`;
export const scenarioId = (prefix: string, key: string): string => `${prefix}scenario-${key}`;
export const figureId = (prefix: string, key: string): string => `${prefix}figure-${key}`;

/** The label of one reference to note `number`: `3` when cited once, `3a`, `3b`… when cited more. */
export function referenceLabel(number: number, index: number, count: number): string {
  return `${number}${referenceLetter(index, count)}`;
}

/** The letter of one of several citations of a note (`a`, `b`…), empty for a note cited once. */
export function referenceLetter(index: number, count: number): string {
  return count === 1 ? '' : letters(index);
}

/** 0 → a, 25 → z, 26 → aa: enough for any number of citations. */
function letters(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : letters(Math.floor(index / 26) - 1) + letter;
}

/**
 * A key readable in a URL, from a title in any script: `Status Quo` → `status-quo`,
 * `Статус-кво` → `статус-кво`. Falls back to `fallback` when nothing readable is left.
 */
export function keyFromTitle(title: string, fallback: string): string {
  return slug(title) || fallback;
}

/**
 * Heading ids for one document, in reading order: GitHub's rules (lowercase, spaces to
 * hyphens, punctuation dropped, every script kept), repeats numbered `-1`, `-2`, and a
 * heading with no letters at all called `section`.
 */
export function createHeadingIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(slug(text) === '' ? 'section' : text);
}
