/**
 * A stylesheet with some of its rules taken out, parsed the way browsers parse it
 * (lightningcss): the single-file copy leaves out the rules of the web page's reading aids,
 * and the benchmark weighs each part of a page by what leaving its rules out would save.
 */
import { transform, type SelectorComponent } from 'lightningcss';

/** One selector of a rule's list, as lightningcss parses it. */
export type Selector = SelectorComponent[];

export interface RuleFilter {
  /** A style rule goes when every selector of its list matches; the rest are unchanged. */
  selector?: (selector: Selector) => boolean;
  /** `@media print` rules and `@page` rules go too. */
  print?: boolean;
}

/** Whether a selector names, anywhere in it, a class whose name matches `pattern`. */
export const namesClass =
  (pattern: RegExp) =>
  (selector: Selector): boolean =>
    selector.some((component) => component.type === 'class' && pattern.test(component.name));

/** The stylesheet without the rules `filter` picks: nothing else is lowered or minified. */
export function withoutRules(css: string, filter: RuleFilter): string {
  const { selector, print = false } = filter;
  const { code } = transform({
    filename: 'style.css',
    code: new TextEncoder().encode(css),
    // A rule a browser would drop is an error here: the CSS is the site's own.
    errorRecovery: false,
    visitor: {
      Rule: {
        style: (rule) => (selector && rule.value.selectors.every(selector) ? [] : undefined),
        media: (rule) => (print && rule.value.query.mediaQueries.some((query) => query.mediaType === 'print') ? [] : undefined),
        page: () => (print ? [] : undefined),
      },
    },
  });
  return new TextDecoder().decode(code);
}
