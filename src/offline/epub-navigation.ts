/**
 * The EPUB's navigation: the navigation document of EPUB 3 and the NCX of EPUB 2, both
 * built from the page's own contents, with ids renamed as in the content document.
 */
import type { Element, ElementContent } from 'hast';
import type { Element as XmlElement } from 'xast';
import { EPUB_PATHS } from './epub-paths.ts';
import { serialiseXml, xhtmlDocument, xml, xmlText } from './epub-xml.ts';
import { element, text } from './hast-tree.ts';
import type { Contents, ContentsEntry, EssayMetadata } from './offline-article.ts';
import { languageMark } from '../strings/marking.ts';

export interface NavInput {
  metadata: Pick<EssayMetadata, 'lang' | 'dir' | 'title'>;
  /** The page's contents; without any, the one entry is the essay itself. */
  contents: Contents | undefined;
  renamedIds: ReadonlyMap<string, string>;
  /** The notes section's id and heading, for the landmarks, when the essay has notes. */
  notes: { id: string; heading: string; marked?: ElementContent[] } | undefined;
}

/**
 * The navigation document: the table of contents (`epub:type="toc"`), entry for entry the
 * page's own, and the landmarks (the essay and its notes), labelled with the page's own
 * words. The navigation document is not in the spine (reading systems show it as their
 * contents), so no landmark may point into it.
 */
export function navDocument({ metadata, contents, renamedIds, notes }: NavInput): string {
  const target = (id: string) => `${EPUB_PATHS.content}#${renamedIds.get(id) ?? id}`;
  const list = (entries: ContentsEntry[]): Element =>
    element(
      'ol',
      {},
      entries.map((entry) =>
        element('li', {}, [
          element('a', { href: target(entry.id) }, entry.marked ? structuredClone(entry.marked) : [text(entry.text)]),
          ...(entry.children.length > 0 ? [list(entry.children)] : []),
        ]),
      ),
    );
  const label = contents?.label ?? metadata.title;
  // "Contents" in English where the essay's language lacks the word: marked, as on the page;
  // the document's title, which can hold no markup, is then the essay's.
  const labelMark = contents?.labelLang ? languageMark(contents.labelLang, metadata.lang) : undefined;
  const toc = element('nav', { 'epub:type': 'toc', id: 'toc', role: 'doc-toc', ariaLabelledBy: ['toc-heading'] }, [
    element('h1', { id: 'toc-heading' }, [labelMark ? element('bdi', { ...labelMark }, [text(label)]) : text(label)]),
    contents && contents.entries.length > 0
      ? list(contents.entries)
      : element('ol', {}, [element('li', {}, [element('a', { href: EPUB_PATHS.content }, [text(metadata.title)])])]),
  ]);
  const landmark = (type: string, href: string, words: string, marked?: ElementContent[]) =>
    element('li', {}, [element('a', { 'epub:type': type, href }, marked ? structuredClone(marked) : [text(words)])]);
  const landmarks = element('nav', { 'epub:type': 'landmarks', hidden: true }, [
    element('ol', {}, [
      landmark('bodymatter', EPUB_PATHS.content, metadata.title),
      ...(notes ? [landmark('endnotes', target(notes.id), notes.heading, notes.marked)] : []),
    ]),
  ]);
  return xhtmlDocument(metadata, labelMark ? metadata.title : label, [toc, landmarks]);
}

/**
 * The NCX, the table of contents of EPUB 2, which older e-readers still read instead of
 * the navigation document: the same entries. Its `dtb:uid` must be the publication's identifier.
 */
export function ncxDocument({ metadata, contents, renamedIds, identifier }: NavInput & { identifier: string }): string {
  const entries: ContentsEntry[] =
    contents && contents.entries.length > 0 ? contents.entries : [{ text: metadata.title, id: '', children: [] }];
  const depth = (list: ContentsEntry[]): number => Math.max(0, ...list.map((entry) => 1 + depth(entry.children)));
  let playOrder = 0;
  const navPoint = (entry: ContentsEntry): XmlElement => {
    playOrder += 1;
    const src = entry.id ? `${EPUB_PATHS.content}#${renamedIds.get(entry.id) ?? entry.id}` : EPUB_PATHS.content;
    return xml('navPoint', { id: `navpoint-${playOrder}`, playOrder: String(playOrder) }, [
      xml('navLabel', {}, [xml('text', {}, [xmlText(entry.text)])]),
      xml('content', { src }),
      ...entry.children.map(navPoint),
    ]);
  };
  const meta = (name: string, content: string) => xml('meta', { name, content });
  return serialiseXml({
    type: 'root',
    children: [
      xml('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': metadata.lang }, [
        xml('head', {}, [
          meta('dtb:uid', identifier),
          meta('dtb:depth', String(depth(entries))),
          meta('dtb:totalPageCount', '0'),
          meta('dtb:maxPageNumber', '0'),
        ]),
        xml('docTitle', {}, [xml('text', {}, [xmlText(metadata.title)])]),
        xml('navMap', {}, entries.map(navPoint)),
      ]),
    ],
  });
}
