import type { Nodes } from 'mdast';
import { withBase } from '../../essay/base-links.ts';
import { textOf } from '../../essay/kinds/tree.ts';
import { headingsWithIds } from './headings.ts';
import { isJsxElement, staticValue, type JsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';
import { unsafeScheme } from './urls.ts';

/** What a link can point at: this page's ids, and the site's pages. */
export interface LinkContext {
  /** The base path, starting and ending with `/`. */
  base: string;
  /** The essay's own address below the base (`essays/on-time/`), for relative links. */
  page: string;
  /** Ids the essay's components give (notes, references, scenarios, figures, the Notes list). */
  componentIds: ReadonlySet<string>;
  /** Every address of the site below the base (`''`, `search/`, `essays/on-time/`), or undefined not to check them. */
  pages: ReadonlySet<string> | undefined;
}

/**
 * Ids every essay page has, from its layout: the skip link's target. `#top` needs no id
 * (browsers scroll to the top of the page).
 */
const LAYOUT_IDS = ['main-content', 'top'];

/** Link text that says nothing of where the link goes. */
const VAGUE_TEXT = new Set(['click here', 'click', 'here', 'read more', 'more', 'learn more', 'this', 'this link', 'tap here']);

/** A link the reader follows: a Markdown link or definition, or `<a href>`. */
interface Link {
  node: Readonly<Nodes>;
  url: string;
  /** The words a reader hears; undefined for a definition (its text is where it is used). */
  text: string | undefined;
  written: string;
}

function linksOf(tree: Readonly<Nodes>): Link[] {
  const links: Link[] = [];
  for (const { node } of walk(tree)) {
    if (node.type === 'link') {
      links.push({ node, url: node.url, text: linkText(node), written: `[${textOf(node)}](${node.url})` });
    } else if (node.type === 'definition') {
      links.push({ node, url: node.url, text: undefined, written: `[${node.label ?? node.identifier}]: ${node.url}` });
    } else if (isJsxElement(node) && node.name === 'a') {
      const href = hrefOf(node);
      if (typeof href === 'string') links.push({ node, url: href, text: linkText(node), written: `<a href="${href}">` });
    }
  }
  return links;
}

function hrefOf(element: JsxElement): string | null | undefined {
  const attribute = element.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === 'href');
  return attribute?.type === 'mdxJsxAttribute' ? staticValue(attribute) : undefined;
}

/** A link's accessible text: its words, or the alt text of an image inside it. */
function linkText(node: Readonly<Nodes>): string {
  return [...walk(node)]
    .map(({ node: inner }) =>
      inner.type === 'text' || inner.type === 'inlineCode' ? inner.value : inner.type === 'image' ? (inner.alt ?? '') : '',
    )
    .join('')
    .trim();
}

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Where each link goes: a `#fragment` must name an id on the page; a link inside the site
 * must reach one of its pages, under the base path; its words must say where it goes.
 */
export function checkLinks(tree: Readonly<Nodes>, findings: Findings, context: LinkContext): void {
  const headingIds = headingsWithIds(tree).map(({ id }) => id);
  const elementIds = [...walk(tree)].flatMap(({ node }) => {
    if (!isJsxElement(node)) return [];
    const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
    const value = id?.type === 'mdxJsxAttribute' ? staticValue(id) : undefined;
    return typeof value === 'string' ? [value] : [];
  });
  const ids = new Set([...headingIds, ...elementIds, ...context.componentIds, ...LAYOUT_IDS]);

  for (const link of linksOf(tree)) {
    checkText(link, findings);
    const { node, url, written } = link;
    if (url.startsWith('#')) {
      const fragment = decoded(url.slice(1));
      if (!ids.has(fragment)) {
        const known = headingIds.slice(0, 5).map((id) => `#${id}`);
        findings.error(
          node,
          `${written} points to #${fragment}, which is not an id on this page.`,
          known.length > 0
            ? `link to a heading's id (${known.join(', ')}), a note, scenario or figure, or remove the link.`
            : 'link to an id on this page (a heading, note, scenario or figure), or remove the link.',
        );
      }
      continue;
    }
    // An unsafe scheme, however it is spelled (`java&Tab;script:`), is reported by unsafe-html.ts once.
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '' || unsafeScheme(url)) continue;
    checkInternal(link, findings, context);
  }
}

function checkText({ node, text, url, written }: Link, findings: Findings): void {
  if (text === undefined) return;
  if (text === '') {
    findings.error(
      node,
      `${written} has no text, so a screen reader has nothing to announce.`,
      "write what the link leads to between the brackets: [the agency's report](…).",
    );
  } else if (VAGUE_TEXT.has(text.toLowerCase().replace(/[.!…:]+$/, ''))) {
    findings.warning(
      node,
      `the link text "${text}" does not say where the link goes (to ${url}).`,
      "make the words of the link name its destination: read [the agency's report](…).",
    );
  } else if (/^(https?:\/\/|www\.)\S+$/i.test(text)) {
    findings.warning(
      node,
      `the link text is a bare address (${text}), which a screen reader spells out.`,
      "name the page instead: [the agency's report](…).",
    );
  }
}

/** A link to the site itself (`/search/`, `../other-essay/`) must reach a page of it, under the base path. */
function checkInternal({ node, url, written }: Link, findings: Findings, { base, page, pages }: LinkContext): void {
  if (!pages) return;
  // A link from the site's root (`/search/`) is built with the base path written in.
  const resolved = new URL(withBase(url, base), `https://site.invalid${base}${page}`);
  const path = decodeURI(resolved.pathname);
  if (!path.startsWith(base)) {
    findings.error(
      node,
      `${written} is outside the site's base path ${base}, so it leads nowhere on this site.`,
      `start it with the base path: ${base}${path.replace(/^\//, '')}.`,
    );
    return;
  }
  const inside = path.slice(base.length).replace(/(^|\/)index\.html$/, '$1');
  if (pages.has(inside) || pages.has(`${inside}/`)) return;
  const near = [...pages].filter((candidate) => candidate !== page && candidate.startsWith('essays/') && candidate.split('/').length === 3);
  findings.error(
    node,
    `${written} leads to ${path}, which is not a page of this site.`,
    `link to a page that exists: ${base} (home), ${base}search/, or an essay at ${base}essays/<slug>/${near[0] ? ` (such as ${base}${near[0]})` : ''}.`,
  );
}
