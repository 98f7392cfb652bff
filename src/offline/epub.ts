/**
 * An essay as an EPUB 3 publication, made from the offline article (src/offline/offline-article.ts):
 * one XHTML content document, a navigation document built from the page's own contents,
 * the notes as EPUB endnotes, and a package document with the essay's metadata and the
 * accessibility metadata of EPUB Accessibility 1.1.
 *
 * This module assembles the book: each part is made by its own module (epub-content.ts,
 * epub-stylesheet.ts, epub-navigation.ts, epub-package.ts), and here they are zipped together.
 * The result must pass epubcheck with no message at all (tests/build/offline-downloads.test.ts).
 */
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { contentDocument, epubArticle, isEndnotes } from './epub-content.ts';
import { navDocument, ncxDocument } from './epub-navigation.ts';
import { containerDocument, packageDocument, type ManifestItem } from './epub-package.ts';
import { EPUB_PATHS } from './epub-paths.ts';
import { fitStylesheet, unwrapBareContainers } from './epub-stylesheet.ts';
import { elements, findElement, foldWhiteSpace, hasProperty, isTag, stringProperty } from './hast-tree.ts';
import type { Contents, EssayMetadata } from './offline-article.ts';
import { zip, type ZipEntry } from './zip.ts';

/**
 * How hard the EPUB's text is compressed: zlib's default. Level 9 makes the first essay's
 * entries 4 bytes smaller (6,972 against 6,976 B), level 1 246 bytes larger.
 */
const DEFLATE_LEVEL = 6;

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
  /** The site's title: the publisher, who evaluates the essay against its accessibility claim. */
  siteTitle: string;
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
  const notesSection = findElement(article, isEndnotes);
  const notesHeading = notesSection && findElement(notesSection, isTag('h2', 'h3'));
  const notesId = notesSection && stringProperty(notesSection, 'id');
  const notes =
    notesId && notesHeading
      ? {
          id: originalId(notesId, renamedIds),
          heading: foldWhiteSpace(toString(notesHeading)),
          // "Notes" in English where the essay's language lacks the word, marked as on the page.
          ...(findElement(notesHeading, (node) => hasProperty(node, 'lang')) ? { marked: notesHeading.children } : {}),
        }
      : undefined;
  const nav = navDocument({ metadata: input.metadata, contents: input.contents, renamedIds, notes });
  const ncx = ncxDocument({ metadata: input.metadata, contents: input.contents, renamedIds, notes, identifier: input.identifier });

  const images = elements(article).filter((node) => node.tagName === 'img');
  const contentProperties = [
    ...(findElement(article, isTag('svg')) ? ['svg'] : []),
    ...(findElement(article, isTag('math')) ? ['mathml'] : []),
  ].join(' ');
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
    accessibility: {
      images: images.length,
      imagesWithoutAlt: images.filter((image) => image.properties['alt'] === undefined).length,
      certifiedBy: input.siteTitle,
    },
  });

  const folder = EPUB_PATHS.packageDocument.replace(/[^/]+$/, '');
  const text = (name: string, content: string): ZipEntry => ({ name, data: Buffer.from(content, 'utf8'), deflate: true });
  const entries: ZipEntry[] = [
    // First, stored, with no extra field: how a reading system recognises an EPUB.
    { name: 'mimetype', data: Buffer.from('application/epub+zip'), deflate: false },
    text(EPUB_PATHS.container, containerDocument()),
    text(EPUB_PATHS.packageDocument, packageXml),
    text(folder + EPUB_PATHS.nav, nav),
    text(folder + EPUB_PATHS.ncx, ncx),
    text(folder + EPUB_PATHS.content, content),
    text(folder + EPUB_PATHS.stylesheet, stylesheet),
    // Pictures are compressed already; SVG is text, and shrinks.
    ...imageFiles.map((file) => ({ name: folder + file.href, data: file.image.bytes, deflate: file.image.mediaType === 'image/svg+xml' })),
  ];
  // Zip entry times are the publication's date, so a rebuild of an unchanged essay gives the same bytes.
  return zip(entries, { level: DEFLATE_LEVEL, modified: input.modified });
}

/** The page's id for a (possibly renamed) XML id. */
function originalId(id: string, renamed: ReadonlyMap<string, string>): string {
  for (const [original, name] of renamed) if (name === id) return original;
  return id;
}
