/**
 * The EPUB's content document: the offline article (src/offline/offline-article.ts) made
 * into what an EPUB 3.2 reading system expects (endnotes, XML ids, no web-only attributes),
 * in one XHTML file.
 */
import type { Element } from 'hast';
import { xhtmlDocument } from './epub-xml.ts';
import { copyTree, elements, findElements, hasClass, hasToken, isDataProperty, rewriteTree, stringProperty } from './hast-tree.ts';
import type { EssayMetadata } from './offline-article.ts';
import { decodeFragment } from './offline-article.ts';

/**
 * XML ids must be XML names (no leading digit, no punctuation but `-`, `.`, `_`); the
 * page's ids need only be unique. Letters of every script are fine. The ranges are
 * XML 1.0's NameStartChar and NameChar.
 */
const NAME_START: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2ff],
  [0x370, 0x37d],
  [0x37f, 0x1fff],
  [0x200c, 0x200d],
  [0x2070, 0x218f],
  [0x2c00, 0x2fef],
  [0x3001, 0xd7ff],
  [0xf900, 0xfdcf],
  [0xfdf0, 0xfffd],
  [0x10000, 0xeffff],
];
const NAME_MORE: ReadonlyArray<readonly [number, number]> = [
  [0x2d, 0x2e],
  [0x30, 0x39],
  [0xb7, 0xb7],
  [0x300, 0x36f],
  [0x203f, 0x2040],
];

function inRanges(char: string, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  const code = char.codePointAt(0) ?? -1;
  return ranges.some(([first, last]) => code >= first && code <= last);
}

const isNameChar = (char: string) => inRanges(char, NAME_START) || inRanges(char, NAME_MORE);

/** Whether `value` is an XML name, so can be an XML id as it is. */
export function isXmlName(value: string): boolean {
  // Most ids are ASCII: these are names without a walk through the ranges.
  if (/^[A-Za-z_][\w.-]*$/.test(value)) return true;
  const [first, ...rest] = [...value];
  return first !== undefined && inRanges(first, NAME_START) && rest.every(isNameChar);
}

/**
 * A new XML id for each page id that is not one, unique among all the ids:
 * `2025-outlook` → `id-2025-outlook`, `a:b` → `a_3a_b`.
 */
export function xmlIds(ids: readonly string[]): Map<string, string> {
  const taken = new Set(ids.filter(isXmlName));
  const renamed = new Map<string, string>();
  for (const id of ids) {
    if (isXmlName(id) || renamed.has(id)) continue;
    const escaped = [...id].map((char) => (isNameChar(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`)).join('');
    const base = isXmlName(escaped) ? escaped : `id-${escaped}`;
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
    taken.add(name);
    renamed.set(id, name);
  }
  return renamed;
}

/** Properties EPUB 3.2's XHTML does not know yet (epubcheck 4.2.6 rejects them), or that only matter on the web. */
const WEB_ONLY_PROPERTIES = ['tabIndex', 'loading', 'decoding', 'fetchPriority', 'srcSet', 'sizes', 'crossOrigin', 'referrerPolicy'];

export interface EpubArticle {
  article: Element;
  /** Page ids that had to be renamed to be XML ids, and their new names. */
  renamedIds: Map<string, string>;
}

/**
 * The offline article as the EPUB's content document holds it:
 * - the in-page contents (`nav.toc`) go: the navigation document replaces it;
 * - a heading's link to itself becomes plain text (on an e-reader it leads nowhere);
 * - notes become EPUB endnotes: `epub:type="noteref"` on each reference, `endnotes` on the
 *   section, `endnote` on each note, beside their DPUB-ARIA roles;
 * - `tabindex`, every `data-*` and the attributes EPUB 3.2 does not know go; `lang` gets
 *   its `xml:lang` twin;
 * - ids become XML ids, and every link and ARIA reference follows;
 * - each image's source becomes its file in the package (`imageHrefs`: page source → href).
 */
export function epubArticle(offline: Element, imageHrefs: ReadonlyMap<string, string>): EpubArticle {
  const article = copyTree(offline);
  epubProperties(article);
  rewriteTree(article, (node) => {
    if (node.type !== 'element') return node;
    if (node.tagName === 'nav' && hasClass(node, 'toc')) return undefined;
    epubProperties(node);
    // The page gives its reference's id to the superscript (which also holds the web page's
    // preview button); an EPUB reading system looks for it on the noteref link itself.
    if (node.tagName === 'sup' && hasClass(node, 'note-ref')) {
      const link = node.children.find(
        (child): child is Element => child.type === 'element' && stringProperty(child, 'role') === 'doc-noteref',
      );
      if (link && node.properties['id']) {
        link.properties['id'] = node.properties['id'];
        delete node.properties['id'];
      }
    }
    if (node.tagName === 'a' && stringProperty(node, 'role') === 'doc-noteref') node.properties['epub:type'] = 'noteref';
    if (node.tagName === 'img') {
      const src = stringProperty(node, 'src') ?? '';
      const href = imageHrefs.get(src);
      if (!href) throw new Error(`The image ${src} is not in the EPUB.`);
      node.properties['src'] = href;
    }
    return node;
  });
  for (const section of findElements(article, isEndnotes)) {
    section.properties['epub:type'] = 'endnotes';
    for (const list of section.children) {
      if (list.type !== 'element' || list.tagName !== 'ol') continue;
      for (const note of list.children) if (note.type === 'element' && note.tagName === 'li') note.properties['epub:type'] = 'endnote';
    }
  }
  const renamedIds = xmlIds(elements(article).flatMap((node) => stringProperty(node, 'id') ?? []));
  if (renamedIds.size > 0) renameIds(article, renamedIds);
  return { article, renamedIds };
}

/** The notes section (`[role~="doc-endnotes"]`). */
export function isEndnotes(node: Element): boolean {
  return hasToken(node, 'role', 'doc-endnotes');
}

/** Leaves out `data-*` and what EPUB 3.2 does not know; gives `lang` its `xml:lang` twin. */
function epubProperties(node: Element): void {
  for (const name of Object.keys(node.properties)) {
    if (isDataProperty(name) || WEB_ONLY_PROPERTIES.includes(name)) delete node.properties[name];
  }
  if (node.properties['lang'] !== undefined) node.properties['xmlLang'] = node.properties['lang'];
}

/** Applies new ids to the elements, to links (`#id`) and to ARIA id references. */
function renameIds(article: Element, renamed: ReadonlyMap<string, string>): void {
  const rename = (id: string) => renamed.get(id) ?? id;
  for (const node of [article, ...elements(article)]) {
    const id = stringProperty(node, 'id');
    if (id !== undefined) node.properties['id'] = rename(id);
    const href = node.tagName === 'a' ? stringProperty(node, 'href') : undefined;
    if (href?.startsWith('#')) node.properties['href'] = `#${rename(decodeFragment(href))}`;
    for (const name of ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaFlowTo', 'ariaDetails', 'htmlFor']) {
      const value = node.properties[name];
      if (value === undefined) continue;
      node.properties[name] = (Array.isArray(value) ? value.map(String) : String(value).split(/\s+/)).map(rename);
    }
  }
}

/** The content document: the essay's article, whole, in one XHTML file. */
export function contentDocument(article: Element, metadata: Pick<EssayMetadata, 'lang' | 'dir' | 'title'>): string {
  return xhtmlDocument(metadata, metadata.title, [article]);
}
