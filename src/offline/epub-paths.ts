/** Where each part of an essay's EPUB sits in the package (the zip). */
export const EPUB_PATHS = {
  container: 'META-INF/container.xml',
  packageDocument: 'EPUB/package.opf',
  /** The rest are relative to the package document. */
  content: 'essay.xhtml',
  nav: 'nav.xhtml',
  ncx: 'toc.ncx',
  stylesheet: 'style.css',
  images: 'images/',
} as const;
