import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  {
    faviconFile,
    statement,
    root,
    sharedInputs,
    recorded = new Map(),
  }: {
    faviconFile: string;
    statement: StatementFacts;
    root: string;
    sharedInputs: string;
    /** The essays a build renders from their recorded data (src/site/compiled-essays.ts): each file's record, filled before Astro bundles. */
    recorded?: ReadonlyMap<string, string>;
  },
): Plugin {
  const folder = `/${config.essaysDir.replace(/^\.?\/+|\/+$/g, '')}/`;
  const essaysDir = resolve(root, config.essaysDir);
  const modules: Record<string, string> = {
    [CONFIG]: `export default ${JSON.stringify(config)};`,
    [STATEMENT]: `export default ${JSON.stringify(statement)};`,
    [STRINGS]: siteLabelsSource(root, config.strings),
    [FAVICON]: `export { default } from ${JSON.stringify(`${faviconFile}?raw`)};`,
  };
  // Written when Rolldown asks for it, once the essays are recorded: those are loaded from their
  // records, and only the others are globbed as modules.
  const essaysModule = () => {
    const data = Object.fromEntries([...recorded].map(([file, record]) => [relative(essaysDir, file).split(sep).join('/'), record]));
    const patterns = [`${folder}**/*.mdx`, ...Object.keys(data).map((path) => `!${folder}${path}`)];
    return [
      `import { essayFromData } from ${JSON.stringify(fileURLToPath(new URL('../site/essay-content.ts', import.meta.url)))};`,
      `const modules = import.meta.glob(${JSON.stringify(patterns)});`,
      `const data = ${JSON.stringify(data)};`,
      `const paths = [...Object.keys(modules).map((key) => key.slice(${folder.length})), ...Object.keys(data)].sort();`,
      `export const essays = paths.map((path) => ({ path, load: data[path] ? async () => essayFromData(data[path]) : modules[${JSON.stringify(folder)} + path] }));`,
      `export const folder = ${JSON.stringify(essaysDir)};`,
      `export const sharedInputs = ${JSON.stringify(sharedInputs)};`,
    ].join('\n');
  };
  return {
    name: 'essay-press:virtual-modules',
    resolveId(id) {
      return id in modules || id === ESSAYS ? `\0${id}` : undefined;
    },
    load(id, options) {
      // A site's labels module imports `essay-press`, the integration itself, which cannot run in
      // a browser: the search page's script gets none, and uses (and marks) the built-in labels.
      if (id === `\0${STRINGS}` && !options?.ssr) return 'export default {};';
      // The essays are left out of the hash Astro keeps of each page's code, as a content
      // collection's entries are: each essay page's cache key names its own essay instead
      // (src/site/page-reuse.ts), so editing one essay does not render every page again.
      if (id === `\0${ESSAYS}`) return { code: essaysModule(), meta: CONTENT_DATA };
      return id.startsWith('\0') ? modules[id.slice(1)] : undefined;
    },
  };
}
