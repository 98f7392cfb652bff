/**
 * A work as the files a reference manager imports, made by Citation.js from its CSL-JSON:
 * RIS (read by Zotero, EndNote, Mendeley) and CSL-JSON itself.
 */
import type { CslItem } from './csl-item.ts';
import { citationJs } from './load-citation-js.ts';

export interface CitationExports {
  ris: string;
  cslJson: string;
}

export function citationExports(item: CslItem): CitationExports {
  return { ris: risText(item), cslJson: cslJsonText(item) };
}

/** The work as RIS, made by Citation.js. */
export function risText(item: CslItem): string {
  return new (citationJs().Cite)(item).format('ris');
}

/** The work as a CSL-JSON file: a list of one item. */
export function cslJsonText(item: CslItem): string {
  return `${JSON.stringify([item], null, 2)}\n`;
}
