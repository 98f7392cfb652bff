/**
 * The offline copies of an essay offered for download on its page: an EPUB and a
 * single-file HTML, written next to the page by the build (src/offline/write-downloads.ts).
 * The page names them before they exist; the build fills in their sizes afterwards.
 */

export const DOWNLOAD_FORMATS = ['epub', 'html'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** What the link says, and the media type it is served as. */
export const DOWNLOAD_FORMAT_DETAILS: Readonly<Record<DownloadFormat, { name: string; mediaType: string }>> = {
  epub: { name: 'EPUB', mediaType: 'application/epub+zip' },
  html: { name: 'HTML', mediaType: 'text/html' },
};

/**
 * The empty element in each download link that the build fills with ", 14 KB" once the
 * file is written (`data-download-size="epub"`).
 */
export const DOWNLOAD_SIZE_ATTRIBUTE = 'data-download-size';

/** The file name of an essay's download, beside its page: `on-time.epub`, `on-time.html`. */
export function downloadFileName(slug: string, format: DownloadFormat): string {
  return `${slug}.${format}`;
}

/**
 * A file size as a reader reads it, in the page's language: "14 KB", "1.2 MB", "0,8 MB".
 * Decimal units (1 KB = 1,000 bytes), as browsers and file managers show them; whole
 * kilobytes, at least 1.
 */
export function formatFileSize(bytes: number, lang: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`A file size must be a number of bytes, not ${bytes}.`);
  if (bytes < 1_000_000) return `${numberFormat(lang).format(Math.max(1, Math.round(bytes / 1_000)))} KB`;
  return `${numberFormat(lang).format(bytes / 1_000_000)} MB`;
}

/** One formatter per language: making one takes longer than formatting (a build formats thousands). */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })));
  return format;
}
