/**
 * Notes and the list of sources, formatted by citeproc-js (through Citation.js's CSL plugin)
 * in any CSL style and in the essay's language. The citations are given to the processor
 * together, in note order, so that a source cited again is shortened as the style says
 * (a short note, "Ibid.").
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { CslItem } from './csl-item.ts';
import { citationJs } from './load-citation-js.ts';

/** A CSL style: its XML, and a name for messages. */
export interface CitationStyle {
  name: string;
  xml: string;
}

/** One citation of a source, in one note. */
export interface Citing {
  id: string;
  /** Where in the source: `12`, `3–5`; its kind is `label` (a page when none). */
  locator?: string | undefined;
  label?: string | undefined;
}

export interface FormattedCitations {
  /** Each citation's text, as HTML, in the order given. */
  notes: string[];
  /** The list of sources cited, as HTML, in the style's order. */
  sources: string[];
  /** The CSL locale the words and dates are in (`de-DE`); none when there was nothing to format. */
  locale?: string;
}

/** The part of Citation.js's CSL plugin used here (its config, with citeproc-js inside). */
interface CslPlugin {
  engine: (items: CslItem[], style: string, locale: string, format: 'html') => CiteprocEngine;
  locales: { list(): string[] };
  styles: { has(name: string): boolean; get(name: string): string; add(name: string, xml: string): void };
}

interface CiteprocEngine {
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
  rebuildProcessorState: (
    citations: Array<{ citationID: string; citationItems: Citing[]; properties: { noteIndex: number } }>,
    format: 'html',
    uncited: string[],
  ) => Array<[string, number, string]>;
  makeBibliography: () => false | [unknown, string[]];
}

const csl = () => citationJs().plugins.config.get('@csl') as unknown as CslPlugin;

/** The CSL locales there are, by language tag (`en-US`, `de-DE`…). */
function cslLocales(): string[] {
  return csl().locales.list();
}

/**
 * The CSL locale for a page language: the same tag, else the first locale of its language
 * (`de-AT` → `de-DE`), else undefined.
 */
export function cslLocaleFor(lang: string, available: readonly string[] = cslLocales()): string | undefined {
  const exact = available.find((locale) => locale.toLowerCase() === lang.toLowerCase());
  if (exact) return exact;
  const language = lang.split('-')[0]?.toLowerCase();
  return available.find((locale) => locale.split('-')[0]?.toLowerCase() === language);
}

/** The fallback when the essay's language has no CSL locale (the build says so). */
export const FALLBACK_LOCALE = 'en-US';

/**
 * What citeproc's HTML may keep on a page: its emphasis, super- and subscripts, links to web
 * addresses, and the classes below in place of its inline styles, which the pages' Content-
 * Security-Policy would block.
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'a', 'div'],
  attributes: { a: ['href'], span: [['className', 'csl-small-caps', 'csl-normal', 'csl-no-decoration', 'csl-underline']], div: [] },
  protocols: { href: ['http', 'https'] },
  clobberPrefix: '',
  strip: ['script', 'style'],
};

/** Citeproc's inline styles, as the classes the site's CSS gives them. */
const STYLE_CLASSES: Array<[RegExp, string]> = [
  [/font-variant:\s*small-caps/, 'csl-small-caps'],
  [/font-(style|weight|variant):\s*normal/, 'csl-normal'],
  [/text-decoration:\s*none/, 'csl-no-decoration'],
  [/text-decoration:\s*underline/, 'csl-underline'],
];

/** Citeproc's HTML, made safe for a page: only the elements and attributes in SCHEMA. */
export function safeCitationHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const restyle = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const style = child.properties['style'];
      if (typeof style === 'string') {
        const found = STYLE_CLASSES.find(([pattern]) => pattern.test(style));
        if (found) child.properties['className'] = [found[1]];
        delete child.properties['style'];
      }
      restyle(child);
    }
  };
  restyle(tree);
  return toHtml(sanitize(tree, SCHEMA)).trim();
}

/**
 * The style's name in the processor: a built-in style's own, else its name and its text's
 * digest, so two files never mix. Citation.js keeps one engine per style and locale, and
 * making one is the slow part (a large style such as APA takes seconds): each is made once.
 */
function registered(style: CitationStyle): string {
  const styles = csl().styles;
  if (styles.has(style.name) && styles.get(style.name) === style.xml) return style.name;
  const name = `${style.name}#${createHash('sha256').update(style.xml).digest('hex').slice(0, 12)}`;
  if (!csl().styles.has(name)) csl().styles.add(name, style.xml);
  return name;
}

/**
 * Formats `citings`, one per note in note order, from `items`, and the list of the sources
 * they cite. Throws when the style cannot be read (the checks report that before the build).
 */
export function formatCitations(items: CslItem[], citings: readonly Citing[], lang: string, style: CitationStyle): FormattedCitations {
  // An essay that cites nothing (most of a rebuild's, and every essay whose notes await their
  // sources) never loads Citation.js: its locales are Citation.js's.
  if (citings.length === 0) return { notes: [], sources: [] };
  const locale = cslLocaleFor(lang) ?? FALLBACK_LOCALE;
  const engine = csl().engine(items, registered(style), locale, 'html');
  engine.opt.development_extensions.wrap_url_and_doi = true;
  const citations = citings.map((citing, index) => ({
    citationID: `note-${index + 1}`,
    citationItems: [
      {
        id: citing.id,
        ...(citing.locator ? { locator: citing.locator, label: citing.label ?? 'page' } : {}),
      },
    ],
    properties: { noteIndex: index + 1 },
  }));
  const byId = new Map(engine.rebuildProcessorState(citations, 'html', []).map(([id, , html]) => [id, html]));
  const notes = citations.map(({ citationID }) => safeCitationHtml(byId.get(citationID) ?? ''));
  const bibliography = engine.makeBibliography();
  const sources = bibliography
    ? bibliography[1].map((entry) =>
        safeCitationHtml(entry)
          .replace(/^<div>|<\/div>$/g, '')
          .trim(),
      )
    : [];
  return { notes, sources, locale };
}
