import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from './build-site.ts';

/** The sub-path the second build is served under, as on a host that serves from a folder. */
export const SUB_PATH_BASE = '/reading/room/';
export const SUB_PATH_SITE = 'https://essays.example';
/** Essays per page of the list in the components fixture's build, so that its list has a second page. */
export const COMPONENTS_PER_PAGE = 2;
/** Where readers of the sub-path build report a barrier (the root build has no contact). */
export const SUB_PATH_CONTACT = 'access@essays.example';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    subPathSiteDir: string;
    /** A site of fixture essays that exercise every essay component (tests/fixtures/components/). */
    componentsSiteDir: string;
    /** An English site with one essay in each of English, German, French and Spanish (tests/fixtures/search-languages/). */
    searchLanguagesSiteDir: string;
    /**
     * A site in Arabic (SITE_LANG=ar, right to left) of essays in three scripts
     * (tests/fixtures/scripts/): Arabic, Greek and Japanese.
     */
    scriptsSiteDir: string;
  }
}

/**
 * Builds the real site twice (at the root, and under a sub-path with SITE_URL), the components
 * fixture site, the search languages one and the right-to-left one.
 */
export default function setup(project: TestProject): () => void {
  const scratch = join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  const atRoot = buildSite();
  const underSubPath = buildSite({ BASE_PATH: SUB_PATH_BASE, SITE_URL: SUB_PATH_SITE, ACCESSIBILITY_CONTACT: SUB_PATH_CONTACT });
  // Two essays a page: the fixture's three essays fill two pages of the home page's list.
  const components = buildSite({ ESSAYS_DIR: 'tests/fixtures/components', ESSAYS_PER_PAGE: String(COMPONENTS_PER_PAGE) });
  const searchLanguages = buildSite({ ESSAYS_DIR: 'tests/fixtures/search-languages', SITE_LANG: 'en' });
  // Its own pages (home, search) are right to left too, as an Arabic site's are.
  const scripts = buildSite({ ESSAYS_DIR: 'tests/fixtures/scripts', SITE_LANG: 'ar' });
  const builds = [atRoot, underSubPath, components, searchLanguages, scripts];
  for (const build of builds) {
    if (build.status !== 0) throw new Error(`The site did not build:\n${build.output}`);
  }
  project.provide('siteDir', atRoot.outDir);
  project.provide('subPathSiteDir', underSubPath.outDir);
  project.provide('componentsSiteDir', components.outDir);
  project.provide('searchLanguagesSiteDir', searchLanguages.outDir);
  project.provide('scriptsSiteDir', scripts.outDir);
  return () => {
    for (const build of builds) rmSync(join(build.outDir, '..'), { recursive: true, force: true });
  };
}
