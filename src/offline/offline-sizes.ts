/**
 * The home page's "save for offline" control says, before a reader presses it, how much it
 * downloads: the build knows the sizes only once the site is finished, so the page names
 * empty elements (`<span data-offline-size="site">`) and the service worker's step fills them,
 * as the download links' sizes are filled (src/offline/write-downloads.ts).
 */
import { formatFileSize } from './downloads.ts';
import type { SiteList } from './offline-files.ts';
import { labelsFor, type SiteLabels } from '../strings/labels.ts';

/** The attribute of the empty elements: `site` (every essay) or `downloads` (their EPUBs and HTML copies). */
export const OFFLINE_SIZE_ATTRIBUTE = 'data-offline-size';

/** The page with the control's sizes filled in; a page without the control is returned as it is. */
export function fillOfflineSizes(html: string, list: SiteList, lang: string, siteLabels: SiteLabels = {}): string {
  const labels = labelsFor(lang, siteLabels);
  const text = {
    site: labels.offlineSaveSize(list.essays, formatFileSize(list.siteBytes, lang)),
    downloads: labels.offlineDownloadsSize(formatFileSize(list.downloadBytes, lang)),
  };
  let filled = html;
  for (const [part, words] of Object.entries(text)) {
    const empty = new RegExp(`(<span\\b[^>]*\\s${OFFLINE_SIZE_ATTRIBUTE}="${part}"[^>]*>)(</span>)`, 'g');
    filled = filled.replace(empty, (_whole, open: string, close: string) => `${open}${escapeText(words)}${close}`);
  }
  return filled;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
