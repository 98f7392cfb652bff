import type { Root } from 'mdast';
import { checkHeadings } from './headings.ts';
import { Findings, type Finding } from './rule.ts';
import { checkUnsafeHtml } from './unsafe-html.ts';

export type { Finding, Severity } from './rule.ts';

/**
 * Every rule an essay's text must pass before it is built, on the tree `mdxToMdast` gives
 * (with positions, so each finding names the essay's own line and column), in file order.
 */
export function checkEssayTree(tree: Readonly<Root>): Finding[] {
  const findings = new Findings();
  checkUnsafeHtml(tree, findings);
  checkHeadings(tree, findings);
  return findings.all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
