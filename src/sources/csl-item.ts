/**
 * A source as citeproc-js reads it: CSL-JSON (https://citeproc-js.readthedocs.io), which every
 * bibliography format is read into, and the frontmatter's `sources` too, so that one style
 * formats them all.
 */
import type { Source } from '../authoring/essay-schema.ts';

export interface CslName {
  family?: string;
  given?: string;
  /** A name written as one piece: an organisation ("World Health Organization"). */
  literal?: string;
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  raw?: string;
  literal?: string;
}

/** A CSL-JSON item: the fields this project reads by name, and whatever else the file gives. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  publisher?: string;
  'container-title'?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  DOI?: string;
  [field: string]: unknown;
}

/** A source a note may cite: its key and its CSL-JSON, and where it was written. */
export interface CitedSource {
  id: string;
  item: CslItem;
  /** `sources` in the frontmatter, or the bibliography file (relative to the project). */
  from: 'frontmatter' | string;
}

const dateParts = (date: Date): CslDate => ({ 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] });

/**
 * A frontmatter source as CSL-JSON. Its author is one name as written (a person or an
 * organisation: the frontmatter does not say which, so it is not split); with a URL it is a
 * web page, else a document.
 */
export function frontmatterSourceItem(source: Source): CslItem {
  return {
    id: source.id,
    type: source.url ? 'webpage' : 'document',
    title: source.title,
    ...(source.author ? { author: [{ literal: source.author }] } : {}),
    ...(source.publisher ? { publisher: source.publisher } : {}),
    ...(source.date ? { issued: dateParts(source.date) } : {}),
    ...(source.url ? { URL: source.url } : {}),
    ...(source.accessed ? { accessed: dateParts(source.accessed) } : {}),
  };
}

/** A CSL date as ISO 8601 writes as much of it as is known: `2021`, `2021-03`, `2021-03-09`; else as written. */
export function cslDateText(date: CslDate | undefined): string | undefined {
  const [year, month, day] = date?.['date-parts']?.[0] ?? [];
  if (year === undefined) return date?.raw ?? date?.literal;
  return [year, month, day]
    .filter((part) => part !== undefined)
    .map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0')))
    .join('-');
}
