import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listPages } from '../../src/publishing/pages.ts';
import { SEARCH_EXCLUDE_SELECTORS } from '../../src/search/search-index-options.ts';

/**
 * The searchable text of built essays, read back from their HTML: what the audit, the search
 * benchmark and the tests search for, so that none of them names a word of one essay and they
 * all keep working when the sample essay is replaced.
 */

/** The text under one heading of an essay, as Pagefind indexes it. */
export interface Passage {
  /** The id of the heading it follows; undefined for the text before the first heading. */
  anchor: string | undefined;
  /** The heading's text; the essay's title for the text before the first heading. */
  heading: string;
  text: string;
}

/** An essay page of a built site. */
export interface BuiltEssay {
  /** Its path relative to the base, such as `essays/on-time/`. */
  page: string;
  title: string;
  /** The standfirst (the page's description). */
  standfirst: string;
  passages: Passage[];
}

/** What Pagefind leaves out of an essay: ignored parts (note markers, copies), navigation, and the notes. */
const NOT_ESSAY_TEXT = ['[data-pagefind-ignore]', '[role="doc-endnotes"]', ...SEARCH_EXCLUDE_SELECTORS].join(', ');

const HEADING = /^H[1-6]$/;

const BLOCKS =
  'address, article, aside, blockquote, br, dd, details, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, ol, p, pre, section, summary, table, td, th, tr, ul';

const isElement = (node: Node): node is Element => node.nodeType === 1;

const folded = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The essay's text split at its headings (those with an id, which Pagefind makes sub-results
 * of), in reading order, without the notes and what search ignores. Passages without text
 * (a heading followed at once by another) are left out.
 */
export function essayPassages(html: string): Passage[] {
  const { document } = parseHTML(html);
  const body = document.querySelector('article[data-pagefind-body] .essay-body');
  if (!body) return [];
  for (const ignored of body.querySelectorAll(NOT_ESSAY_TEXT)) ignored.remove();
  // Blocks are separate words even where the HTML has no white space between them.
  for (const block of body.querySelectorAll(BLOCKS)) {
    block.before(' ');
    block.after(' ');
  }
  const title = folded(document.querySelector('article h1')?.textContent);
  let current: Passage = { anchor: undefined, heading: title, text: '' };
  const passages = [current];
  const walk = (parent: Element): void => {
    for (const node of parent.childNodes) {
      if (isElement(node) && HEADING.test(node.tagName) && node.id) {
        current = { anchor: node.id, heading: folded(node.textContent), text: '' };
        passages.push(current);
      } else if (isElement(node) && node.querySelector('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
        walk(node);
      } else {
        current.text += node.textContent ?? '';
      }
    }
  };
  walk(body);
  return passages.map((passage) => ({ ...passage, text: folded(passage.text) })).filter((passage) => passage.text !== '');
}

/**
 * Every essay page of the built site in `siteDir` (the pages whose article Pagefind indexes),
 * sorted by path.
 */
export function readEssays(siteDir: string): BuiltEssay[] {
  return listPages(siteDir).flatMap((page) => {
    const html = readFileSync(join(siteDir, page, page.endsWith('.html') ? '' : 'index.html'), 'utf8');
    if (!html.includes('data-pagefind-body')) return [];
    const { document } = parseHTML(html);
    return [
      {
        page,
        title: folded(document.querySelector('article h1')?.textContent),
        standfirst: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        passages: essayPassages(html),
      },
    ];
  });
}

/**
 * The words of a text that any search finds as they are written: runs of letters of an
 * alphabet written with spaces between words (Latin, Greek, Cyrillic), at least three long,
 * with no apostrophe, hyphen or digit inside. Scripts without spaces between words (Chinese,
 * Japanese, Thai) are split by Pagefind's own rules, so their runs are not taken for words.
 *
 * @example searchableWords('Witkoff’s “unofficial channel”, in 2025.') // ['unofficial', 'channel']
 */
export function searchableWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, ''))
    .filter((word) =>
      /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}]{2,}$/u.test(word),
    );
}

/**
 * Words to search a built site for, sure to be found: the searchable words of the first passage
 * of its first essay that has any, longest first, each once. Empty when the site has no essays.
 */
export function searchWords(siteDir: string): string[] {
  for (const essay of readEssays(siteDir)) {
    for (const passage of essay.passages) {
      const words = searchableWords(passage.text);
      if (words.length === 0) continue;
      const once = new Map<string, string>();
      for (const word of words) if (!once.has(word.toLowerCase())) once.set(word.toLowerCase(), word);
      // A stable sort: words of the same length keep their order in the text.
      return [...once.values()].sort((a, b) => b.length - a.length);
    }
  }
  return [];
}
