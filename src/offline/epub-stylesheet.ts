/**
 * The EPUB's stylesheet, fitted to the article it styles (and the article to it), so
 * epubcheck has nothing to report about either.
 */
import type { Element } from 'hast';
import { transform } from 'lightningcss';
import type { Selector } from './css-rules.ts';
import { classes, elements, rewriteTree } from './hast-tree.ts';

/**
 * Fits the stylesheet and the article to each other: classes no rule styles leave the
 * article, and rules for classes the article does not use leave the stylesheet. Both
 * are harmless, but epubcheck reports each one (CSS-024, CSS-025), and a clean report
 * keeps real problems visible. The stylesheet must be flat rules (no @media), as
 * src/offline/epub.css is; lightningcss reads and writes it, as it does every stylesheet here.
 */
export function fitStylesheet(article: Element, css: string): string {
  const styled = styledClasses(css);
  for (const node of [article, ...elements(article)]) {
    const kept = classes(node).filter((name) => styled.has(name));
    if (kept.length > 0) node.properties['className'] = kept;
    else delete node.properties['className'];
  }
  const used = new Set([article, ...elements(article)].flatMap(classes));
  // The fitted stylesheet depends only on the stylesheet and the classes used: essays of a
  // site mostly use the same ones, and each fitting is two passes of lightningcss with a
  // visitor in JavaScript (a sixth of an essay's downloads).
  const key = `${[...used].sort().join(' ')}\n${css}`;
  const fitted = fittedStylesheets.get(key) ?? fit(css, used);
  fittedStylesheets.set(key, fitted);
  return fitted;
}

/** Fitted stylesheets by the classes used and the stylesheet, for the essays of one build. */
const fittedStylesheets = new Map<string, string>();
const styledByStylesheet = new Map<string, Set<string>>();

/** The classes the stylesheet's rules name. */
function styledClasses(css: string): Set<string> {
  const styled = styledByStylesheet.get(css) ?? new Set(styleRules(css).flatMap((selectors) => selectors.flatMap(selectorClasses)));
  styledByStylesheet.set(css, styled);
  return styled;
}

function fit(css: string, used: ReadonlySet<string>): string {
  const { code } = transform({
    filename: 'epub.css',
    code: new TextEncoder().encode(css),
    errorRecovery: false,
    visitor: {
      Rule: {
        // A selector naming a class the article lacks leaves its rule; a rule with none left goes.
        style: (rule) => {
          const selectors = rule.value.selectors.filter((selector) => selectorClasses(selector).every((name) => used.has(name)));
          if (selectors.length === 0) return [];
          return { ...rule, value: { ...rule.value, selectors } };
        },
      },
    },
  });
  return new TextDecoder().decode(code);
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

/** Each style rule's selectors, as lightningcss parses them; the stylesheet must be flat rules. */
function styleRules(css: string): Selector[][] {
  const rules: Selector[][] = [];
  transform({
    filename: 'epub.css',
    code: new TextEncoder().encode(css),
    errorRecovery: false,
    visitor: {
      Rule: {
        style: (rule) => void rules.push(rule.value.selectors),
        media: () => {
          throw new Error('The EPUB stylesheet must be plain rules, with no @-rules.');
        },
      },
    },
  });
  return rules;
}

function selectorClasses(selector: Selector): string[] {
  return selector.flatMap((component) => (component.type === 'class' ? [component.name] : []));
}
