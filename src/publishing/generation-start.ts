import type { Plugin } from 'vite';

/**
 * When Astro begins to write pages: once its last bundle, the client's, is written. The downloads'
 * early worker waits for it: while Astro bundles, the build's memory is at its peak and Rolldown
 * keeps every CPU busy. (A rebuild's search index does not wait: Pagefind is a process of its
 * own, and what it reads then is off the build's critical path; src/search/early-search-index.ts.)
 * The staging folder cannot say it, since a rebuild links the pages of unchanged essays into it
 * before Astro bundles (`linkUnchangedPages` in src/site/page-reuse.ts).
 */
export function generationStart(): { plugin: Plugin; begun: () => boolean } {
  let begun = false;
  return {
    plugin: {
      name: 'essay-press:generation-start',
      apply: 'build',
      writeBundle() {
        if (this.environment.name === 'client') begun = true;
      },
    },
    begun: () => begun,
  };
}
