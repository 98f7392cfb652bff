import { formatDate } from '../essay/citation.ts';
import type { CslItem } from '../sources/csl-item.ts';
import { labelsFor, type Labels } from '../strings/labels.ts';

/** What a citation of an essay is made from: its frontmatter and the site, nothing guessed. */
export interface EssayCitationFacts {
  /** The essay's slug, the stem of the BibTeX key. */
  slug: string;
  title: string;
  /** As the essay names them; none when it names no one (the site is not put in their place). */
  authors?: readonly string[] | undefined;
  /** The site's name: where the essay is published. */
  siteTitle: string;
  published?: Date | undefined;
  updated?: Date | undefined;
  /** The essay's canonical address, known only when SITE_URL is set. */
  url?: string | undefined;
  /** The essay's language: the plain text's words, quotation marks and dates follow it. */
  lang: string;
}

/**
 * The citation as a sentence, in the style of the essay's own sources (author, title,
 * publisher, date), in the essay's language. There is no "accessed" date: only the reader
 * knows it.
 *
 * @example citationText({ slug: 'on-time', title: 'On Time', authors: ['Ada Example'], siteTitle: 'Essays',
 *   published: new Date('2025-03-01'), url: 'https://essays.example/essays/on-time/', lang: 'en' })
 * // 'Ada Example, “On Time”, Essays, March 1, 2025. https://essays.example/essays/on-time/'
 */
export function citationText(
  { title, authors = [], siteTitle, published, updated, url, lang }: EssayCitationFacts,
  labels: Labels = labelsFor(lang),
): string {
  const revised = updated && labels.citeUpdated(formatDate(updated, lang) ?? '');
  const when = published ? `${formatDate(published, lang)}${revised ? ` (${revised})` : ''}` : revised;
  const parts = [
    authors.length > 0 ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(authors) : undefined,
    labels.quote(title),
    siteTitle,
    when,
  ].filter((part) => part !== undefined && part !== '');
  return `${parts.join(', ')}.${url ? ` ${url}` : ''}`;
}

/**
 * A biblatex `@online` entry (read by Zotero, JabRef, Biber), with only the fields the
 * essay gives: no author field when it names none, no date when it has none, no url
 * without SITE_URL. The website is the `organization`.
 *
 * @example bibtexEntry({ slug: 'on-time', title: 'On Time', siteTitle: 'Essays', lang: 'en' })
 * // '@online{on-time,\n  title = {{On Time}},\n  organization = {Essays},\n}'
 */
export function bibtexEntry(facts: EssayCitationFacts, labels: Labels = labelsFor(facts.lang)): string {
  const { title, authors = [], siteTitle, published, updated, url, lang } = facts;
  const fields: Array<[string, string | undefined]> = [
    ['author', authors.length > 0 ? authors.map(bibtexName).join(' and ') : undefined],
    // Doubled braces keep the title's capitals: BibTeX styles would lower-case "Putin".
    ['title', `{${escapeBibtex(title)}}`],
    ['organization', escapeBibtex(siteTitle)],
    ['date', isoDay(published ?? updated)],
    ['note', published && updated ? escapeBibtex(labels.citeUpdated(formatDate(updated, lang) ?? '')) : undefined],
    // A url field is read verbatim; new URL() has already percent-encoded any brace or space.
    ['url', url],
  ];
  const lines = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}},`]));
  return [`@online{${bibtexKey(facts)},`, ...lines, '}'].join('\n');
}

/**
 * The entry's key: the slug and the year (`on-time-2025`), in the letters, digits and
 * hyphens every BibTeX reads. A slug with none of those (one in Cyrillic, say) is `essay`.
 */
export function bibtexKey({ slug, published, updated }: Pick<EssayCitationFacts, 'slug' | 'published' | 'updated'>): string {
  const stem =
    slug
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'essay';
  const year = (published ?? updated)?.getUTCFullYear();
  return year === undefined ? stem : `${stem}-${year}`;
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not \{ and \}: BibTeX counts every brace of a field, escaped or not, so one alone breaks the file.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field holds it: LaTeX's special characters escaped, every other character (é, я) as written. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (character) => BIBTEX_SPECIAL[character] ?? character);
}

/**
 * One name of the author field. BibTeX splits names at " and " and reads "Last, First" at a
 * comma: a name with either (an organisation such as "Smith, Jones and Partners") is
 * braced, so it stays whole, as written.
 */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

/**
 * The essay as CSL-JSON, for the RIS and CSL-JSON files a reference manager imports: a web
 * page of the site, with only what the essay gives (its authors as written, one name each).
 */
export function essayCitationItem(facts: EssayCitationFacts): CslItem {
  const { title, authors = [], siteTitle, published, updated, url, lang } = facts;
  const date = published ?? updated;
  return {
    id: bibtexKey(facts),
    'citation-key': bibtexKey(facts),
    // A post of the site, as Zotero has it ("Blog Post"): the site's name is its container.
    type: 'post-weblog',
    title,
    ...(authors.length > 0 ? { author: authors.map((name) => ({ literal: name })) } : {}),
    'container-title': siteTitle,
    ...(date ? { issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] } } : {}),
    ...(url ? { URL: url } : {}),
    language: lang,
  };
}

/**
 * The files beside an essay's page for a reference manager, by name: `cite.ris` in the
 * page's folder, so the page links them by a relative address of a few bytes.
 */
export const CITATION_FILES = [
  { file: 'cite.bib', name: 'BibTeX' },
  { file: 'cite.ris', name: 'RIS' },
  { file: 'cite.json', name: 'CSL-JSON' },
] as const;

function isoDay(date: Date | undefined): string | undefined {
  return date?.toISOString().slice(0, 10);
}
