/**
 * A work as the files a reference manager imports, made by Citation.js from its CSL-JSON:
 * RIS (read by Zotero, EndNote, Mendeley) and CSL-JSON itself.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl-item.ts';

export interface CitationExports {
  ris: string;
  cslJson: string;
}

export function citationExports(item: CslItem): CitationExports {
  const cite = new Cite(item);
  return { ris: cite.format('ris'), cslJson: `${JSON.stringify([item], null, 2)}\n` };
}
