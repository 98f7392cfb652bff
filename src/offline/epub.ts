/**
 * An essay as an EPUB 3 publication, made from the offline article (src/offline/offline-article.ts):
 * one XHTML content document, a navigation document built from the page's own contents,
 * the notes as EPUB endnotes, and a package document with the essay's metadata and the
 * accessibility metadata of EPUB Accessibility 1.1.
 *
 * Every XHTML file goes hast → xast → XML, so it is well-formed whatever the essay holds.
 * The result must pass epubcheck with no message at all (tests/build/offline-downloads.test.ts).
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { toXast } from 'hast-util-to-xast';
import type { Element as XmlElement, ElementContent as XmlContent, Root as XmlRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';
import type { Contents, ContentsEntry, EssayMetadata } from './offline-article.ts';
import { decodeFragment } from './offline-article.ts';
import { classes, element, elements, foldWhiteSpace, hasClass, isDataProperty, rewriteTree, stringProperty, text } from './hast-tree.ts';

/** Where each part sits in the package. */
const EPUB_PATHS = {
  container: 'META-INF/container.xml',
  packageDocument: 'EPUB/package.opf',
  /** The rest are relative to the package document. */
  content: 'essay.xhtml',
  nav: 'nav.xhtml',
  ncx: 'toc.ncx',
  stylesheet: 'style.css',
  images: 'images/',
} as const;

/**
 * The image types every EPUB 3.2 reading system must show (its core media types). WebP
 * joined them only in EPUB 3.3, which epubcheck 4.2.6 does not know; others are converted.
 */
export const EPUB_IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/svg+xml': 'svg',
};

const OPS_NAMESPACE = 'http://www.idpf.org/2007/ops';
/** RFC 4122's namespace for names that are URLs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

// ---------------------------------------------------------------------------------------
// Identifier and dates

/**
 * The publication's `dc:identifier`, the same in every build: a name-based (v5) UUID of the
 * essay's canonical URL, or, when the site's address is unknown, of the site title and slug.
 */
export function epubIdentifier(essay: { canonical: string | undefined; siteTitle: string; slug: string }): string {
  return `urn:uuid:${uuidV5(essay.canonical ?? `essay-press:${essay.siteTitle}/${essay.slug}`, URL_NAMESPACE)}`;
}

/** RFC 4122 version 5: SHA-1 of the namespace and the name. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/**
 * `dcterms:modified`, which EPUB 3 requires: the day the essay says it was updated or
 * published, else the time of the build (the page gives nothing better).
 */
export function modifiedDate(metadata: Pick<EssayMetadata, 'modified' | 'published'>, buildTime: Date): Date {
  const day = metadata.modified ?? metadata.published;
  return day ? new Date(`${day}T00:00:00Z`) : buildTime;
}

/** `2026-04-15T00:00:00Z`: the form `dcterms:modified` takes. */
function epubDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------------------
// The content document

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

export function isXmlName(value: string): boolean {
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
  const article = structuredClone(offline);
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
  for (const section of selectAll('[role~="doc-endnotes"]', article)) {
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

/** The `lang`, `xml:lang` and `dir` every XHTML document of the essay carries. */
function languageProperties(metadata: Pick<EssayMetadata, 'lang' | 'dir'>): Record<string, string> {
  return { lang: metadata.lang, xmlLang: metadata.lang, dir: metadata.dir };
}

/** An XHTML document of the essay: its language, a title, the stylesheet, and `body`. */
function xhtmlDocument(metadata: Pick<EssayMetadata, 'lang' | 'dir'>, title: string, body: ElementContent[]): string {
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

/** The content document: the essay's article, whole, in one XHTML file. */
export function contentDocument(article: Element, metadata: Pick<EssayMetadata, 'lang' | 'dir' | 'title'>): string {
  return xhtmlDocument(metadata, metadata.title, [article]);
}

// ---------------------------------------------------------------------------------------
// The navigation document

export interface NavInput {
  metadata: Pick<EssayMetadata, 'lang' | 'dir' | 'title'>;
  /** The page's contents; without any, the one entry is the essay itself. */
  contents: Contents | undefined;
  renamedIds: ReadonlyMap<string, string>;
  /** The notes section's id and heading, for the landmarks, when the essay has notes. */
  notes: { id: string; heading: string } | undefined;
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
          element('a', { href: target(entry.id) }, [text(entry.text)]),
          ...(entry.children.length > 0 ? [list(entry.children)] : []),
        ]),
      ),
    );
  const label = contents?.label ?? metadata.title;
  const toc = element('nav', { 'epub:type': 'toc', id: 'toc', role: 'doc-toc', ariaLabelledBy: ['toc-heading'] }, [
    element('h1', { id: 'toc-heading' }, [text(label)]),
    contents && contents.entries.length > 0
      ? list(contents.entries)
      : element('ol', {}, [element('li', {}, [element('a', { href: EPUB_PATHS.content }, [text(metadata.title)])])]),
  ]);
  const landmark = (type: string, href: string, words: string) =>
    element('li', {}, [element('a', { 'epub:type': type, href }, [text(words)])]);
  const landmarks = element('nav', { 'epub:type': 'landmarks', hidden: true }, [
    element('ol', {}, [
      landmark('bodymatter', EPUB_PATHS.content, metadata.title),
      ...(notes ? [landmark('endnotes', target(notes.id), notes.heading)] : []),
    ]),
  ]);
  return xhtmlDocument(metadata, label, [toc, landmarks]);
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

// ---------------------------------------------------------------------------------------
// The package document

interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface AccessibilityInput {
  images: number;
  /** Images with no `alt` at all (an empty `alt` marks a decorative image, which is fine). */
  imagesWithoutAlt: number;
}

/**
 * The schema.org accessibility metadata and conformance claim (EPUB Accessibility 1.1),
 * as `[property, value]` pairs. Only what holds for every essay built this way: text in
 * reading order, headings, a table of contents, no hazards; images add the visual mode,
 * and their text alternatives when every one has one.
 */
export function accessibilityMetadata({ images, imagesWithoutAlt }: AccessibilityInput): Array<[string, string]> {
  const allDescribed = imagesWithoutAlt === 0;
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(images > 0 && allDescribed ? ['alternativeText'] : []),
  ];
  const summary = [
    'An essay in text, in reading order, with its headings, a table of contents, and notes linked to and from the text.',
    images === 0 ? 'It has no images.' : allDescribed ? 'Every image has a text alternative.' : 'Some images have no text alternative.',
    'It meets WCAG 2.2 Level AA.',
  ].join(' ');
  return [
    ['schema:accessMode', 'textual'],
    ...(images > 0 ? ([['schema:accessMode', 'visual']] as Array<[string, string]>) : []),
    ...(allDescribed ? ([['schema:accessModeSufficient', 'textual']] as Array<[string, string]>) : []),
    ...(images > 0 ? ([['schema:accessModeSufficient', 'textual,visual']] as Array<[string, string]>) : []),
    ...features.map((feature): [string, string] => ['schema:accessibilityFeature', feature]),
    ['schema:accessibilityHazard', 'none'],
    ['schema:accessibilitySummary', summary],
    ['dcterms:conformsTo', 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA'],
  ];
}

export interface PackageInput {
  metadata: EssayMetadata;
  identifier: string;
  modified: Date;
  manifest: ManifestItem[];
  /** Manifest ids, in reading order. */
  spine: string[];
  accessibility: AccessibilityInput;
}

/**
 * The package document (`package.opf`): the essay's metadata, only what the page gives
 * (no author, date or source is invented), the accessibility metadata, the manifest and
 * the spine. The accessibility summary is in English, and says so (`xml:lang`).
 */
export function packageDocument({ metadata, identifier, modified, manifest, spine, accessibility }: PackageInput): string {
  const dc = (name: string, value: string, attributes: Record<string, string> = {}) => xml(`dc:${name}`, attributes, [xmlText(value)]);
  const meta = (property: string, value: string, attributes: Record<string, string> = {}) =>
    xml('meta', { property, ...attributes }, [xmlText(value)]);
  const metadataElement = xml('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    dc('identifier', identifier, { id: 'publication-id' }),
    dc('title', metadata.title),
    dc('language', metadata.lang),
    ...(metadata.description ? [dc('description', metadata.description)] : []),
    ...metadata.authors.map((author) => dc('creator', author)),
    ...(metadata.published ? [dc('date', metadata.published)] : []),
    ...(metadata.canonical ? [dc('source', metadata.canonical)] : []),
    meta('dcterms:modified', epubDateTime(modified)),
    ...accessibilityMetadata(accessibility).map(([property, value]) =>
      meta(property, value, property === 'schema:accessibilitySummary' ? { 'xml:lang': 'en' } : {}),
    ),
  ]);
  const manifestElement = xml(
    'manifest',
    {},
    manifest.map((item) =>
      xml('item', {
        id: item.id,
        href: item.href,
        'media-type': item.mediaType,
        ...(item.properties ? { properties: item.properties } : {}),
      }),
    ),
  );
  const ncx = manifest.find((item) => item.mediaType === 'application/x-dtbncx+xml');
  const spineElement = xml(
    'spine',
    { ...(ncx ? { toc: ncx.id } : {}), ...(metadata.dir === 'rtl' ? { 'page-progression-direction': 'rtl' } : {}) },
    spine.map((idref) => xml('itemref', { idref })),
  );
  const root = xml(
    'package',
    {
      xmlns: 'http://www.idpf.org/2007/opf',
      version: '3.0',
      'unique-identifier': 'publication-id',
      'xml:lang': metadata.lang,
      dir: metadata.dir,
    },
    [metadataElement, manifestElement, spineElement],
  );
  return serialiseXml({ type: 'root', children: [root] });
}

/** `META-INF/container.xml`: where the package document is. */
function containerDocument(): string {
  return serialiseXml({
    type: 'root',
    children: [
      xml('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
        xml('rootfiles', {}, [xml('rootfile', { 'full-path': EPUB_PATHS.packageDocument, 'media-type': 'application/oebps-package+xml' })]),
      ]),
    ],
  });
}

// ---------------------------------------------------------------------------------------
// The whole publication

export interface EpubImage {
  bytes: Uint8Array;
  /** One of EPUB_IMAGE_TYPES. */
  mediaType: string;
}

export interface EpubInput {
  metadata: EssayMetadata;
  /** The offline article (src/offline/offline-article.ts). */
  article: Element;
  contents: Contents | undefined;
  /** Each image source the article names, as a file of a core media type. */
  images: ReadonlyMap<string, EpubImage>;
  identifier: string;
  modified: Date;
  stylesheet: string;
}

/** The EPUB file: a zip with `mimetype` first, stored, then the package. */
export function buildEpub(input: EpubInput): Uint8Array {
  const imageFiles = [...input.images].map(([src, image], index) => {
    const extension = EPUB_IMAGE_TYPES[image.mediaType];
    if (!extension) throw new Error(`The image ${src} is ${image.mediaType}, which an EPUB 3.2 cannot hold.`);
    return { src, image, id: `image-${index + 1}`, href: `${EPUB_PATHS.images}image-${index + 1}.${extension}` };
  });
  const { article, renamedIds } = epubArticle(input.article, new Map(imageFiles.map((file) => [file.src, file.href])));
  const stylesheet = fitStylesheet(article, input.stylesheet);
  unwrapBareContainers(article);
  const content = contentDocument(article, input.metadata);
  const notesSection = select('[role~="doc-endnotes"]', article);
  const notesHeading = notesSection && select('h2, h3', notesSection);
  const notesId = notesSection && stringProperty(notesSection, 'id');
  const notes =
    notesId && notesHeading ? { id: originalId(notesId, renamedIds), heading: foldWhiteSpace(toString(notesHeading)) } : undefined;
  const nav = navDocument({ metadata: input.metadata, contents: input.contents, renamedIds, notes });
  const ncx = ncxDocument({ metadata: input.metadata, contents: input.contents, renamedIds, notes, identifier: input.identifier });

  const images = elements(article).filter((node) => node.tagName === 'img');
  const contentProperties = [...(select('svg', article) ? ['svg'] : []), ...(select('math', article) ? ['mathml'] : [])].join(' ');
  const manifest: ManifestItem[] = [
    { id: 'nav', href: EPUB_PATHS.nav, mediaType: 'application/xhtml+xml', properties: 'nav' },
    {
      id: 'essay',
      href: EPUB_PATHS.content,
      mediaType: 'application/xhtml+xml',
      ...(contentProperties ? { properties: contentProperties } : {}),
    },
    { id: 'ncx', href: EPUB_PATHS.ncx, mediaType: 'application/x-dtbncx+xml' },
    { id: 'style', href: EPUB_PATHS.stylesheet, mediaType: 'text/css' },
    ...imageFiles.map((file) => ({ id: file.id, href: file.href, mediaType: file.image.mediaType })),
  ];
  const packageXml = packageDocument({
    metadata: input.metadata,
    identifier: input.identifier,
    modified: input.modified,
    manifest,
    spine: ['essay'],
    accessibility: { images: images.length, imagesWithoutAlt: images.filter((image) => image.properties['alt'] === undefined).length },
  });

  const folder = EPUB_PATHS.packageDocument.replace(/[^/]+$/, '');
  // Zip entry times are the publication's date, so a rebuild of an unchanged essay gives the same bytes.
  const mtime = zipDate(input.modified);
  const files: Zippable = {
    // First, stored, with no extra field: how a reading system recognises an EPUB.
    mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
    [EPUB_PATHS.container]: strToU8(containerDocument()),
    [EPUB_PATHS.packageDocument]: strToU8(packageXml),
    [folder + EPUB_PATHS.nav]: strToU8(nav),
    [folder + EPUB_PATHS.ncx]: strToU8(ncx),
    [folder + EPUB_PATHS.content]: strToU8(content),
    [folder + EPUB_PATHS.stylesheet]: strToU8(stylesheet),
    // Pictures are compressed already; SVG is text, and shrinks.
    ...Object.fromEntries(
      imageFiles.map((file) => [folder + file.href, [file.image.bytes, { level: file.image.mediaType === 'image/svg+xml' ? 9 : 0 }]]),
    ),
  };
  return zipSync(files, { level: 9, mtime });
}

// ---------------------------------------------------------------------------------------
// The stylesheet

/**
 * Fits the stylesheet and the article to each other: classes no rule styles leave the
 * article, and rules for classes the article does not use leave the stylesheet. Both
 * are harmless, but epubcheck reports each one (CSS-024, CSS-025), and a clean report
 * keeps real problems visible. The stylesheet must be flat rules (no @media), as
 * src/offline/epub.css is.
 */
export function fitStylesheet(article: Element, css: string): string {
  const rules = cssRules(css);
  const styled = new Set(rules.flatMap((rule) => rule.selectors.flatMap(selectorClasses)));
  for (const node of [article, ...elements(article)]) {
    const kept = classes(node).filter((name) => styled.has(name));
    if (kept.length > 0) node.properties['className'] = kept;
    else delete node.properties['className'];
  }
  const used = new Set([article, ...elements(article)].flatMap(classes));
  return rules
    .map((rule) => ({ ...rule, selectors: rule.selectors.filter((selector) => selectorClasses(selector).every((name) => used.has(name))) }))
    .filter((rule) => rule.selectors.length > 0)
    .map((rule) => `${rule.selectors.join(',\n')} {\n${rule.declarations}\n}\n`)
    .join('\n');
}

/**
 * A `<span>` or `<div>` left with no attribute at all (its classes styled nothing here)
 * means nothing: its content takes its place. Fewer of them also keeps epubcheck's
 * "excessive DIV or SPAN tags" heuristic (HTM-022) quiet on essays of some length.
 */
function unwrapBareContainers(article: Element): void {
  rewriteTree(article, (node) =>
    node.type === 'element' && (node.tagName === 'span' || node.tagName === 'div') && Object.keys(node.properties).length === 0
      ? node.children
      : node,
  );
}

interface CssRule {
  selectors: string[];
  declarations: string;
}

function cssRules(css: string): CssRule[] {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (/[@]/.test(flat)) throw new Error('The EPUB stylesheet must be plain rules, with no @-rules.');
  return flat
    .split('}')
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const [selectors = '', declarations = ''] = chunk.split('{');
      return {
        selectors: selectors.split(',').map((selector) => selector.trim()),
        declarations: declarations
          .split(';')
          .map((declaration) => declaration.trim())
          .filter(Boolean)
          .map((declaration) => `  ${declaration};`)
          .join('\n'),
      };
    });
}

function selectorClasses(selector: string): string[] {
  return [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!);
}

/** The page's id for a (possibly renamed) XML id. */
function originalId(id: string, renamed: ReadonlyMap<string, string>): string {
  for (const [original, name] of renamed) if (name === id) return original;
  return id;
}

/** Zip stores DOS dates, 1980 to 2107. */
function zipDate(date: Date): Date {
  const earliest = new Date('1980-01-02T00:00:00Z');
  return date < earliest ? earliest : date;
}

// ---------------------------------------------------------------------------------------
// XML

function xml(name: string, attributes: Record<string, string> = {}, children: XmlContent[] = []): XmlElement {
  return { type: 'element', name, attributes, children };
}

function xmlText(value: string): XmlContent {
  return { type: 'text', value };
}

/** An XML file: the declaration, then the tree; empty elements close themselves (`<br/>`). */
function serialiseXml(root: XmlRoot): string {
  const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;
  return `${toXml(declaration)}\n${toXml(root, { closeEmptyElements: true })}\n`;
}
