/**
 * The EPUB's package: the publication's identifier and dates, the package document
 * (`package.opf`) with the essay's metadata and the accessibility metadata of EPUB
 * Accessibility 1.1, and `META-INF/container.xml`, which points to it.
 */
import { createHash } from 'node:crypto';
import { EPUB_PATHS } from './epub-paths.ts';
import { serialiseXml, xml, xmlText } from './epub-xml.ts';
import type { EssayMetadata } from './offline-article.ts';

/** RFC 4122's namespace for names that are URLs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

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

/** One file of the package, as the manifest lists it. */
export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface AccessibilityInput {
  images: number;
  /** Images with no `alt` at all (an empty `alt` marks a decorative image, which is fine). */
  imagesWithoutAlt: number;
  /**
   * Who evaluated the essay against the conformance claim: the site that publishes it, with
   * the checks this integration runs. EPUB Accessibility 1.1 asks for the evaluator beside
   * every claim (`a11y:certifiedBy`); a claim without one is not a claim a reader can weigh.
   */
  certifiedBy: string;
}

/**
 * The schema.org accessibility metadata and conformance claim (EPUB Accessibility 1.1),
 * as `[property, value]` pairs. Only what holds for every essay built this way: text in
 * reading order, headings, a table of contents, no hazards; images add the visual mode,
 * and their text alternatives when every one has one.
 */
export function accessibilityMetadata({ images, imagesWithoutAlt, certifiedBy }: AccessibilityInput): Array<[string, string]> {
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
    ['a11y:certifiedBy', certifiedBy],
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
export function containerDocument(): string {
  return serialiseXml({
    type: 'root',
    children: [
      xml('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
        xml('rootfiles', {}, [xml('rootfile', { 'full-path': EPUB_PATHS.packageDocument, 'media-type': 'application/oebps-package+xml' })]),
      ]),
    ],
  });
}
