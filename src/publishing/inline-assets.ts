/**
 * What an essay page needs before its first paint, written into the page: its stylesheets,
 * each a `<style>`, and the colour scheme's classic script (src/site/browser/colour-scheme.ts),
 * which <head> would otherwise wait for. The page's Content-Security-Policy allows each by its
 * hash (never `'unsafe-inline'`: the rule against inline style and script is about what
 * authors write, and these are the build's own files). A phone then paints the text without
 * waiting for another request, a round trip sooner for each (docs/benchmarks.md). Essay pages
 * only: they are where readers arrive from elsewhere; the other pages keep the shared,
 * cacheable files. The module scripts stay files: they wait for nothing and hold up no paint.
 *
 * The CSS being the page's own, it leaves out the rules that need a class no element of the page
 * has, or an element the page does not have (an essay without figures needs no figure rules, one
 * without code no rules for code). No script on an essay page adds a class or an element
 * (src/site/browser, src/essay/browser), so no rule is missing later.
 */
import { transform } from 'lightningcss';
import type { Selector } from '../offline/css-rules.ts';
import { inlineHash, metaContentSecurityPolicy, withInlineHashes, type InlineHashes } from './content-security-policy.ts';

/** A stylesheet link as Astro writes it. */
const STYLESHEET_LINK = /<link rel="stylesheet" href="([^"]+)">/g;

/** A classic script from a file, as BaseLayout writes it: no type, no async or defer, nothing inside. */
const CLASSIC_SCRIPT = /<script src="([^"]+)"><\/script>/g;

/**
 * A class attribute, quoted either way or not at all. Read from the markup as text, not
 * parsed: text that merely looks like an attribute (a code sample) only adds classes, and a
 * class too many keeps a rule the page did not need, never drops one it does.
 */
const CLASS_ATTRIBUTE = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** A start tag's name, read the same way: text that looks like a tag only keeps a rule. */
const START_TAG = /<([a-z][a-z0-9-]*)/gi;

/**
 * A `dir` attribute that can make an element right to left: `rtl`, or `auto` (which follows the
 * text, as a `<bdi>` does without one). Read as text too: text that looks like one only keeps the
 * right-to-left rules.
 */
const RIGHT_TO_LEFT = /\sdir\s*=\s*["']?(?:rtl|auto)\b/i;

/**
 * What a page's rules can match: the classes of its class attributes, the names of its elements
 * (lower case), and whether any element of it can be right to left.
 */
export interface PageMarkup {
  classes: ReadonlySet<string>;
  elements: ReadonlySet<string>;
  rightToLeft: boolean;
}

/** Every class named in `html`'s class attributes, every element name of its start tags, and whether any `dir` can be right to left. */
export function markupIn(html: string): PageMarkup {
  const classes = new Set<string>();
  for (const match of html.matchAll(CLASS_ATTRIBUTE)) {
    for (const name of (match[1] ?? match[2] ?? match[3] ?? '').split(/\s+/)) if (name) classes.add(name);
  }
  const elements = new Set<string>();
  for (const match of html.matchAll(START_TAG)) elements.add((match[1] as string).toLowerCase());
  // A <bdi> is `dir="auto"` without the attribute.
  return { classes, elements, rightToLeft: elements.has('bdi') || RIGHT_TO_LEFT.test(html) };
}

/** A stylesheet or script as written into a page: its element and that element's CSP hash. */
export interface InlineElement {
  element: string;
  hash: string;
}

export interface InlinedPage {
  html: string;
  /** The CSP sources of the page's `<style>` and `<script>` elements (`'sha256-…'`), in order. */
  hashes: InlineHashes;
}

/**
 * `css`, minified, without the style rules whose every selector the page cannot match: one that
 * names a class or an element the page lacks, holds an `:is()` or `:where()` none of whose
 * selectors it can match, or asks for `:dir(rtl)` in a page with no element that can be right to
 * left. What `:not()`, `:has()` and the like name is not looked into: those selectors are kept
 * whatever they name.
 */
export function forMarkup(css: string, { classes, elements, rightToLeft }: PageMarkup): string {
  const absent = (selector: Selector): boolean =>
    selector.some((component) =>
      component.type === 'class'
        ? !classes.has(component.name)
        : component.type === 'type'
          ? !elements.has(component.name.toLowerCase())
          : component.type === 'pseudo-class' &&
            (((component.kind === 'is' || component.kind === 'where') && component.selectors.every(absent)) ||
              (component.kind === 'dir' && component.direction === 'rtl' && !rightToLeft)),
    );
  const { code } = transform({
    filename: 'page.css',
    code: new TextEncoder().encode(css),
    minify: true,
    errorRecovery: false,
    // A rule goes whole or stays whole: a rule given back with fewer selectors does not
    // always survive Lightning CSS's round trip of its declarations (custom properties).
    visitor: { Rule: { style: (rule) => (rule.value.selectors.every(absent) ? [] : undefined) } },
  });
  return new TextDecoder().decode(code);
}

/**
 * `html` with each stylesheet link replaced by the stylesheet (`read` gives it, from the link's
 * href) as far as the page uses it, each classic script by its code, and its `<meta>` policy
 * allowing each by hash. Throws when the page carries a policy other than the site's, which
 * could not be extended safely, or when a file's text would end its element early.
 */
export function inlineAssets(html: string, read: (href: string) => string, memo = new Map<string, InlineElement>()): InlinedPage {
  const markup = markupIn(html);
  const styles: string[] = [];
  const scripts: string[] = [];
  const withStyles = html.replace(STYLESHEET_LINK, (_link, href: string) => {
    // Pages of one site share a few sets of classes and elements: each stylesheet is cut once per set.
    const key = `${href}\n${[...markup.classes].sort().join(' ')}\n${[...markup.elements].sort().join(' ')}\n${markup.rightToLeft}`;
    const style = remembered(memo, key, () => {
      const css = forMarkup(read(href), markup).trim();
      // An HTML parser ends a <style> at the first "</style": CSS holding it would spill into the page.
      if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style", so it cannot be written into a page.`);
      return { element: `<style>${css}</style>`, hash: inlineHash(css) };
    });
    styles.push(style.hash);
    return style.element;
  });
  const inlined = withStyles.replace(CLASSIC_SCRIPT, (_script, src: string) => {
    const script = remembered(memo, src, () => {
      const code = read(src).trim();
      // The same for a script: "</script" in its code would end the element there.
      if (/<\/script/i.test(code)) throw new Error(`${src} contains "</script", so it cannot be written into a page.`);
      return { element: `<script>${code}</script>`, hash: inlineHash(code) };
    });
    scripts.push(script.hash);
    return script.element;
  });
  const hashes = { styles, scripts };
  if (styles.length === 0 && scripts.length === 0) return { html, hashes };
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}">`;
  if (!inlined.includes(meta)) {
    if (/http-equiv="Content-Security-Policy"/i.test(inlined)) throw new Error("The page's Content-Security-Policy is not the site's.");
    return { html: inlined, hashes };
  }
  const allowed = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(withInlineHashes(hashes))}">`;
  return { html: inlined.replace(meta, allowed), hashes };
}

/** The files `inlineAssets` writes into `html`: its stylesheets' and its classic scripts' hrefs, in order. */
export function assetHrefs(html: string): string[] {
  return [...html.matchAll(STYLESHEET_LINK), ...html.matchAll(CLASSIC_SCRIPT)].map((match) => match[1] as string);
}

/** `memo`'s value for `key`, made by `make` the first time (the pages' shared styles, the files' digests). */
export function remembered<Value>(memo: Map<string, Value>, key: string, make: () => Value): Value {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}
