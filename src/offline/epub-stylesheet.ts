/**
 * The EPUB's stylesheet, fitted to the article it styles (and the article to it), so
 * epubcheck has nothing to report about either.
 */
import type { Element } from 'hast';
import { classes, elements, rewriteTree } from './hast-tree.ts';

/**
 * Fits the stylesheet and the article to each other: classes no rule styles leave the
 * article, and rules for classes the article does not use leave the stylesheet. Both
 * are harmless, but epubcheck reports each one (CSS-024, CSS-025), and a clean report
 * keeps real problems visible. The stylesheet must be flat rules (no @media), as
 * src/offline/epub.css is.
 */
export function fitStylesheet(article: Element, css: string): string {
  const rules = cssRules(css);
  const styled = new Set(rules.flatMap((rule) => rule.selectors.flatMap(selectorClasses)));
  for (const node of [article, ...elements(article)]) {
    const kept = classes(node).filter((name) => styled.has(name));
    if (kept.length > 0) node.properties['className'] = kept;
    else delete node.properties['className'];
  }
  const used = new Set([article, ...elements(article)].flatMap(classes));
  return rules
    .map((rule) => ({ ...rule, selectors: rule.selectors.filter((selector) => selectorClasses(selector).every((name) => used.has(name))) }))
    .filter((rule) => rule.selectors.length > 0)
    .map((rule) => `${rule.selectors.join(',\n')} {\n${rule.declarations}\n}\n`)
    .join('\n');
}

/**
 * A `<span>` or `<div>` left with no attribute at all (its classes styled nothing here)
 * means nothing: its content takes its place. Fewer of them also keeps epubcheck's
 * "excessive DIV or SPAN tags" heuristic (HTM-022) quiet on essays of some length.
 */
export function unwrapBareContainers(article: Element): void {
  rewriteTree(article, (node) =>
    node.type === 'element' && (node.tagName === 'span' || node.tagName === 'div') && Object.keys(node.properties).length === 0
      ? node.children
      : node,
  );
}

interface CssRule {
  selectors: string[];
  declarations: string;
}

function cssRules(css: string): CssRule[] {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (/[@]/.test(flat)) throw new Error('The EPUB stylesheet must be plain rules, with no @-rules.');
  return flat
    .split('}')
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const [selectors = '', declarations = ''] = chunk.split('{');
      return {
        selectors: selectors.split(',').map((selector) => selector.trim()),
        declarations: declarations
          .split(';')
          .map((declaration) => declaration.trim())
          .filter(Boolean)
          .map((declaration) => `  ${declaration};`)
          .join('\n'),
      };
    });
}

function selectorClasses(selector: string): string[] {
  return [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!);
}
