/**
 * What each part of an essay page costs: the page's HTML and the stylesheets it loads,
 * compressed as a host sends them (gzip -9, the size budget's measure, tests/build/budgets),
 * and, for each part, what leaving it out would save: its elements from the HTML and its
 * rules from the CSS. The figures a choice about the page's weight starts from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { namesClass, withoutRules, type RuleFilter, type Selector } from '../../src/offline/css-rules.ts';
import { pageFile } from './site-files.ts';

export interface PagePart {
  name: string;
  /** The part's elements on the page (a CSS selector); none for a part that is only style. */
  elements?: string;
  /** The part's rules in the stylesheet. */
  rules?: RuleFilter;
}

/** The parts of an essay page that a reader could be given without, one at a time. */
const ESSAY_PAGE_PARTS: readonly PagePart[] = [
  // A note's margin copy is also its phone preview (Footnote.astro): without the buttons a phone has no previews.
  { name: 'phone previews of notes', elements: '.note-toggle', rules: { selector: namesClass(/^note-toggle/) } },
  { name: 'margin notes and previews', elements: '.sidenote', rules: { selector: namesClass(/^sidenote/) } },
  // Its script shares a file with the margin notes' (src/site/browser/essay-page.ts): counted with neither.
  { name: 'contents', elements: 'nav.toc', rules: { selector: namesClass(/^toc/) } },
  // Its rules name the control's class, or <html>'s data-scheme and the radio buttons' name.
  {
    name: 'colour scheme control',
    elements: '.colour-scheme, script[src*="/colour-scheme."]',
    rules: { selector: mentions(/colour-scheme|data-scheme/) },
  },
  { name: 'cite this essay', elements: '.cite-essay', rules: { selector: namesClass(/^cite-essay/) } },
  { name: 'header search form', elements: '.header-search', rules: { selector: namesClass(/^header-search/) } },
  { name: 'back-links', elements: '.backlinks', rules: { selector: namesClass(/^backlinks/) } },
  { name: 'downloads', elements: '.downloads', rules: { selector: namesClass(/^downloads/) } },
  { name: 'print styles', rules: { print: true } },
  { name: 'figure and table styles', rules: { selector: namesClass(/^(figure|table-scroll)/) } },
  { name: 'scenario styles', rules: { selector: namesClass(/^scenario/) } },
  { name: 'Content-Security-Policy meta', elements: 'meta[http-equiv="Content-Security-Policy"]' },
  { name: 'JSON-LD', elements: 'script[type="application/ld+json"]' },
  {
    name: 'web app tags and registration',
    elements: 'link[rel="manifest"], meta[name="theme-color"], link[rel="apple-touch-icon"], script[src*="/WebAppHead."]',
  },
  { name: 'Open Graph and Twitter tags', elements: 'meta[property^="og:"], meta[name^="twitter:"]' },
];

export interface PartCost {
  name: string;
  /** Bytes saved by leaving the part out, gzip -9. */
  html: number;
  css: number;
}

export interface PageParts {
  page: string;
  /** The page's HTML and its stylesheets, gzip -9, each file compressed on its own. */
  html: number;
  css: number;
  parts: PartCost[];
}

/** Whether a selector mentions `pattern` anywhere, inside :not() and :has() too. */
function mentions(pattern: RegExp): (selector: Selector) => boolean {
  return (selector) => pattern.test(JSON.stringify(selector));
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * The page (a path inside `siteDir`, such as `essays/a/`) and its parts, largest saving
 * first; undefined for a page that is not an essay of this site (a peer's, say).
 */
export function measurePageParts(siteDir: string, page: string, base = '/'): PageParts | undefined {
  const html = readFileSync(pageFile(siteDir, page), 'utf8');
  const { document } = parseHTML(html);
  if (document.querySelector('article.essay') === null) return undefined;
  const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
    readFileSync(join(siteDir, (link.getAttribute('href') ?? '').slice(base.length)), 'utf8'),
  );
  const cssSize = (sheets: readonly string[]) => sheets.reduce((sum, sheet) => sum + gzip(sheet), 0);
  // The page as the parser writes it back, so that a saving is never the serializer's own difference.
  const htmlSize = gzip(document.toString());
  const cssTotal = cssSize(stylesheets);
  // Each saving against the stylesheet as the same serializer writes it whole.
  const cssWhole = cssSize(stylesheets.map((sheet) => withoutRules(sheet, {})));
  const parts = ESSAY_PAGE_PARTS.map(({ name, elements, rules }) => {
    let html = 0;
    if (elements !== undefined) {
      const { document: copy } = parseHTML(document.toString());
      for (const element of copy.querySelectorAll(elements)) element.remove();
      html = htmlSize - gzip(copy.toString());
    }
    const css = rules === undefined ? 0 : cssWhole - cssSize(stylesheets.map((sheet) => withoutRules(sheet, rules)));
    return { name, html, css };
  });
  parts.sort((a, b) => b.html + b.css - (a.html + a.css));
  return { page, html: gzip(html), css: cssTotal, parts };
}
