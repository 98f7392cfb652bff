import type { Root } from 'mdast';
import { checkComponents } from './components.ts';
import { checkEssayCode, type EssayCodeContext } from './essay-code.ts';
import { checkExpressions } from './expressions.ts';
import { checkHeadings } from './headings.ts';
import { checkHiddenCharacters } from './hidden-characters.ts';
import { checkImages } from './images.ts';
import { checkImports } from './imports.ts';
import { checkLinks, type LinkContext } from './links.ts';
import { checkNestedNotes } from './nested-notes.ts';
import { Findings, type Finding } from './rule.ts';
import { checkUnsafeHtml } from './unsafe-html.ts';

export type { Finding } from './rule.ts';
export type { LinkContext } from './links.ts';

export interface TreeContext {
  /** What links are checked against; without it, a `#fragment` is checked against the headings alone. */
  links?: LinkContext;
  /** Whether a file named relative to the essay (`./chart.png`) is there; without it, image files are not looked for. */
  fileExists?: (url: string) => boolean;
  /**
   * What a relative import names; `false` lets an essay run code (the `runEssayCode` option).
   * Without it, images and `.astro` components may be imported, as in a unit test.
   */
  code?: EssayCodeContext | false;
}

/** An import of an image or a file beside the essay, by its extension. */
export const ASSET_EXTENSIONS = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

const BY_EXTENSION: EssayCodeContext = {
  importKind: (specifier) => (ASSET_EXTENSIONS.test(specifier) ? 'asset' : specifier.endsWith('.astro') ? 'component' : undefined),
};

/**
 * Every rule an essay's text must pass before it is built, on the tree `mdxToMdast` gives
 * (with positions, so each finding names the essay's own line and column), in file order.
 */
export function checkEssayTree(tree: Readonly<Root>, context: TreeContext = {}): Finding[] {
  const findings = new Findings();
  checkUnsafeHtml(tree, findings);
  checkExpressions(tree, findings);
  if (context.code !== false) checkEssayCode(tree, findings, context.code ?? BY_EXTENSION);
  checkComponents(tree, findings);
  checkHeadings(tree, findings);
  checkNestedNotes(tree, findings);
  checkHiddenCharacters(tree, findings);
  checkImages(tree, findings, context.fileExists);
  checkImports(tree, findings, context.fileExists);
  checkLinks(tree, findings, context.links ?? { base: '/', page: 'essays/essay/', componentIds: new Set(), pages: undefined });
  return findings.all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
