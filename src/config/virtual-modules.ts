import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { StatementFacts } from '../publishing/accessibility-statement.ts';
import { siteLabelsSource } from '../strings/site-labels.ts';
import type { SiteConfig } from './options.ts';

const CONFIG = 'virtual:essay-press/config';
const ESSAYS = 'virtual:essay-press/essays';
const FAVICON = 'virtual:essay-press/favicon';
const STATEMENT = 'virtual:essay-press/statement';
const STRINGS = 'virtual:essay-press/strings';

/** How Astro's incremental build marks a module whose code is data, not a page's code (astro/dist/core/build/incremental-metadata.js). */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } };

/**
 * The one route by which the checked options reach pages and components:
 * `import config from 'virtual:essay-press/config'` (through src/config/runtime.ts), and the
 * essays folder's MDX files as `virtual:essay-press/essays`, globbed from the folder the
 * options name (a glob's pattern must be written out, so it is written here, not in a module),
 * the site's icon as `virtual:essay-press/favicon` (the site's own public/favicon.svg, or ours),
 * how the pages were tested, for the accessibility statement (`virtual:essay-press/statement`),
 * and the site's own labels, its modules imported by their files (`virtual:essay-press/strings`).
 */
export function virtualModules(
  config: SiteConfig,
  { faviconFile, statement, root, sharedInputs }: { faviconFile: string; statement: StatementFacts; root: string; sharedInputs: string },
): Plugin {
  const folder = `/${config.essaysDir.replace(/^\.?\/+|\/+$/g, '')}/`;
  const modules: Record<string, string> = {
    [CONFIG]: `export default ${JSON.stringify(config)};`,
    [ESSAYS]: [
      `const modules = import.meta.glob(${JSON.stringify(`${folder}**/*.mdx`)});`,
      `export const essays = Object.keys(modules).sort().map((key) => ({ path: key.slice(${folder.length}), load: modules[key] }));`,
      `export const folder = ${JSON.stringify(resolve(root, config.essaysDir))};`,
      `export const sharedInputs = ${JSON.stringify(sharedInputs)};`,
    ].join('\n'),
    [STATEMENT]: `export default ${JSON.stringify(statement)};`,
    [STRINGS]: siteLabelsSource(root, config.strings),
    [FAVICON]: `export { default } from ${JSON.stringify(`${faviconFile}?raw`)};`,
  };
  return {
    name: 'essay-press:virtual-modules',
    resolveId(id) {
      return id in modules ? `\0${id}` : undefined;
    },
    load(id, options) {
      // A site's labels module imports `essay-press`, the integration itself, which cannot run in
      // a browser: the search page's script gets none, and uses (and marks) the built-in labels.
      if (id === `\0${STRINGS}` && !options?.ssr) return 'export default {};';
      // The essays are left out of the hash Astro keeps of each page's code, as a content
      // collection's entries are: each essay page's cache key names its own essay instead
      // (src/site/page-reuse.ts), so editing one essay does not render every page again.
      if (id === `\0${ESSAYS}`) return { code: modules[ESSAYS] as string, meta: CONTENT_DATA };
      return id.startsWith('\0') ? modules[id.slice(1)] : undefined;
    },
  };
}
