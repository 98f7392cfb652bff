/**
 * An essay page's stylesheets written into the page, each a `<style>` that the page's
 * Content-Security-Policy allows by its hash (never `'unsafe-inline'`: the rule against inline
 * style is about what authors write, and this is the build's own file). A phone then paints the
 * text without waiting for a second request, one round trip sooner (docs/benchmarks.md). Essay
 * pages only: they are where readers arrive from elsewhere; the other pages keep the shared,
 * cacheable file.
 *
 * The CSS being the page's own, it leaves out the rules that need a class no element of the page
 * has, or an element the page does not have (an essay without figures needs no figure rules, one
 * without code no rules for code). No script on an essay page adds a class or an element
 * (src/site/browser, src/essay/browser), so no rule is missing later.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { transform } from 'lightningcss';
import type { Selector } from '../offline/css-rules.ts';
import { styleHash } from '../offline/single-file-html.ts';
import { essayPath } from '../site/urls.ts';
import { metaContentSecurityPolicy, withStyleHashes } from './content-security-policy.ts';
import { listEssaySlugs, rewritePage } from './pages.ts';
import { letOthersRun } from './step-order.ts';

/** A stylesheet link as Astro writes it. */
const STYLESHEET_LINK = /<link rel="stylesheet" href="([^"]+)">/g;

/**
 * A class attribute, quoted either way or not at all. Read from the markup as text, not
 * parsed: text that merely looks like an attribute (a code sample) only adds classes, and a
 * class too many keeps a rule the page did not need, never drops one it does.
 */
const CLASS_ATTRIBUTE = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** A start tag's name, read the same way: text that looks like a tag only keeps a rule. */
const START_TAG = /<([a-z][a-z0-9-]*)/gi;

/** What a page's rules can match: the classes of its class attributes, and the names of its elements (lower case). */
export interface PageMarkup {
  classes: ReadonlySet<string>;
  elements: ReadonlySet<string>;
}

/** Every class named in `html`'s class attributes, and every element name of its start tags. */
export function markupIn(html: string): PageMarkup {
  const classes = new Set<string>();
  for (const match of html.matchAll(CLASS_ATTRIBUTE)) {
    for (const name of (match[1] ?? match[2] ?? match[3] ?? '').split(/\s+/)) if (name) classes.add(name);
  }
  const elements = new Set<string>();
  for (const match of html.matchAll(START_TAG)) elements.add((match[1] as string).toLowerCase());
  return { classes, elements };
}

/** A stylesheet as written into a page: its `<style>` element and that element's CSP hash. */
interface InlineStyle {
  element: string;
  hash: string;
}

export interface InlinedPage {
  html: string;
  /** The CSP sources of the page's `<style>` elements (`'sha256-…'`), in order. */
  hashes: string[];
}

/**
 * `css`, minified, without the style rules whose every selector the page cannot match: one that
 * names a class or an element the page lacks, or holds an `:is()` or `:where()` none of whose
 * selectors it can match. What `:not()`, `:has()` and the like name is not looked into: those
 * selectors are kept whatever they name.
 */
export function forMarkup(css: string, { classes, elements }: PageMarkup): string {
  const absent = (selector: Selector): boolean =>
    selector.some((component) =>
      component.type === 'class'
        ? !classes.has(component.name)
        : component.type === 'type'
          ? !elements.has(component.name.toLowerCase())
          : component.type === 'pseudo-class' &&
            (component.kind === 'is' || component.kind === 'where') &&
            component.selectors.every(absent),
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
 * href) as far as the page uses it, and its `<meta>` policy allowing each by hash. Throws when
 * the page carries a policy other than the site's, which could not be extended safely.
 */
export function inlineStylesheets(html: string, read: (href: string) => string, memo = new Map<string, InlineStyle>()): InlinedPage {
  const markup = markupIn(html);
  const hashes: string[] = [];
  const inlined = html.replace(STYLESHEET_LINK, (_link, href: string) => {
    // Pages of one site share a few sets of classes and elements: each stylesheet is cut once per set.
    const key = `${href}\n${[...markup.classes].sort().join(' ')}\n${[...markup.elements].sort().join(' ')}`;
    let style = memo.get(key);
    if (!style) {
      const css = forMarkup(read(href), markup).trim();
      // An HTML parser ends a <style> at the first "</style": CSS holding it would spill into the page.
      if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style", so it cannot be written into a page.`);
      style = { element: `<style>${css}</style>`, hash: styleHash(css) };
      memo.set(key, style);
    }
    hashes.push(style.hash);
    return style.element;
  });
  if (hashes.length === 0) return { html, hashes };
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}">`;
  if (!inlined.includes(meta)) {
    if (/http-equiv="Content-Security-Policy"/i.test(inlined)) throw new Error("The page's Content-Security-Policy is not the site's.");
    return { html: inlined, hashes };
  }
  const allowed = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(withStyleHashes(hashes))}">`;
  return { html: inlined.replace(meta, allowed), hashes };
}

/**
 * Writes the stylesheets into every essay page of the site in `siteDir` (served under `base`);
 * the files stay, for the other pages. Returns how many pages, and the distinct hashes.
 */
export async function writeInlineStylesheets(siteDir: string, base: string): Promise<{ pages: number; hashes: string[] }> {
  const root = resolve(siteDir);
  const read = (href: string) => {
    const file = resolve(root, href.startsWith(base) ? href.slice(base.length) : href);
    if (!file.startsWith(root + sep)) throw new Error(`The stylesheet ${href} is not a file of the site.`);
    return readFileSync(file, 'utf8');
  };
  const hashes = new Set<string>();
  const memo = new Map<string, InlineStyle>();
  const slugs = listEssaySlugs(siteDir);
  for (const slug of slugs) {
    await letOthersRun();
    const file = join(siteDir, essayPath(slug), 'index.html');
    const page = inlineStylesheets(readFileSync(file, 'utf8'), read, memo);
    rewritePage(file, page.html);
    for (const hash of page.hashes) hashes.add(hash);
  }
  return { pages: slugs.length, hashes: [...hashes] };
}
