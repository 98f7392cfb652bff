/**
 * What the home page's control (src/offline/browser/offline-control.ts) and the service worker
 * (src/offline/browser/service-worker.ts) say to each other over a MessageChannel, and the
 * record of a saved whole site kept in the saved cache.
 */

/** The page asks the service worker to save the whole site. */
export interface SaveMessage {
  type: 'save';
  /** With the downloads (EPUB and single-file HTML) too. */
  downloads: boolean;
}

/** The page asks the service worker to empty the saved cache; it answers `{ type: 'removed' }`. */
export interface RemoveMessage {
  type: 'remove';
}

/** The service worker's answers while it saves. */
export type SaveReport =
  | { type: 'start'; files: number; bytes: number; essays: number }
  | { type: 'progress'; done: number; files: number; bytes: number; total: number }
  | { type: 'done'; essays: number }
  | { type: 'failed'; reason: string };

/** Which files of which build a whole-site save holds (`SAVED_SITE_RECORD` in the saved cache). */
export interface SavedSiteRecord {
  /** The build the save is complete for; empty while it is not complete. */
  build: string;
  downloads: boolean;
  essays: number;
  /** Each saved file's URL path and revision. */
  files: Record<string, string>;
}
