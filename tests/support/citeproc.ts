/**
 * What citeproc-js itself makes of some entries in a style, through Citation.js's own
 * `format()`, independent of src/sources/: the tests' expected notes and sources lists come
 * from here, never typed by hand.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../../src/sources/csl-item.ts';
import type { CitationStyle } from '../../src/sources/format-citations.ts';

/** The style's name for Citation.js: a style it carries by its own name (its engine is slow to make, so made once). */
function template(style: CitationStyle): string {
  const styles = plugins.config.get('@csl')['styles'] as {
    has(name: string): boolean;
    get(name: string): string;
    add(name: string, xml: string): void;
  };
  if (styles.has(style.name) && styles.get(style.name) === style.xml) return style.name;
  const name = `oracle-${style.name}`;
  if (!styles.has(name)) styles.add(name, style.xml);
  return name;
}

/** The first citation of `id` in `style`, as plain text. */
export function citeprocCitation(
  items: CslItem[],
  id: string,
  style: CitationStyle,
  lang: string,
  locator?: { locator: string; label: string },
): string {
  return new Cite(items)
    .format('citation', { template: template(style), lang, format: 'text', entry: locator ? [{ id, ...locator }] : id })
    .trim();
}

/** The list of sources of `items` in `style`, one plain-text entry each, in the style's order. */
export function citeprocBibliography(items: CslItem[], style: CitationStyle, lang: string): string[] {
  return new Cite(items)
    .format('bibliography', { template: template(style), lang, format: 'text' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
