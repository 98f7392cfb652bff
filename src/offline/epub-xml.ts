/**
 * How every XML file of an essay's EPUB is written: element builders for the package's own
 * vocabularies (xast), the serialiser every file goes through, and the XHTML document shell
 * the content and navigation documents share.
 *
 * XHTML goes hast → xast → XML, so it is well-formed whatever the essay holds.
 */
import type { ElementContent, Root } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Element as XmlElement, ElementContent as XmlContent, Root as XmlRoot } from 'xast';
import { EPUB_PATHS } from './epub-paths.ts';
import { element, elements, text } from './hast-tree.ts';
import type { EssayMetadata } from './offline-article.ts';
import { xmlString } from './xml-string.ts';

const OPS_NAMESPACE = 'http://www.idpf.org/2007/ops';

/** The `lang`, `xml:lang` and `dir` every XHTML document of the essay carries. */
function languageProperties(metadata: Pick<EssayMetadata, 'lang' | 'dir'>): Record<string, string> {
  return { lang: metadata.lang, xmlLang: metadata.lang, dir: metadata.dir };
}

/** An XHTML document of the essay: its language, a title, the stylesheet, and `body`. */
export function xhtmlDocument(metadata: Pick<EssayMetadata, 'lang' | 'dir'>, title: string, body: ElementContent[]): string {
  const root: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      // The epub: prefix is declared where it is used (notes, navigation): epubcheck notes an unused one.
      element('html', { ...(usesEpubVocabulary(body) ? { 'xmlns:epub': OPS_NAMESPACE } : {}), ...languageProperties(metadata) }, [
        element('head', {}, [
          element('meta', { charSet: 'utf-8' }),
          element('title', {}, [text(title)]),
          element('link', { rel: ['stylesheet'], type: 'text/css', href: EPUB_PATHS.stylesheet }),
        ]),
        element('body', {}, body),
      ]),
    ],
  };
  return serialiseXml(toXast(root) as XmlRoot);
}

function usesEpubVocabulary(nodes: ElementContent[]): boolean {
  return nodes.some(
    (node) => node.type === 'element' && [node, ...elements(node)].some((element) => element.properties['epub:type'] !== undefined),
  );
}

/** An XML element: `name`, its attributes as written, and its children. */
export function xml(name: string, attributes: Record<string, string> = {}, children: XmlContent[] = []): XmlElement {
  return { type: 'element', name, attributes, children };
}

/** An XML text node. */
export function xmlText(value: string): XmlContent {
  return { type: 'text', value };
}

/** An XML file: the declaration, then the tree; empty elements close themselves (`<br/>`). */
export function serialiseXml(root: XmlRoot): string {
  const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;
  return `${xmlString(declaration)}\n${xmlString(root)}\n`;
}
