import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { checksCacheFile } from './authoring/checks-cache.ts';
import { checkEssays, EssayProblems, reportEssayChecks, type EssayChecks } from './authoring/checks-step.ts';
import { IMPORT_META_ENV_NAMES } from './config/environment.ts';
import type { EssayPressOptions, SiteConfig } from './config/options.ts';
import { ConfigError, resolveConfig } from './config/resolve.ts';
import { virtualModules } from './config/virtual-modules.ts';
import { essayMarkup } from './essay/markup-plugin.ts';
import { offlineDownloadsOptions, runBuildSteps } from './publishing/build-steps.ts';
import { startEarlyDownloads, type EarlyDownloads } from './offline/write-downloads.ts';
import { startEarlySearchIndex, type EarlySearchIndex } from './search/early-search-index.ts';
import { watchForLoggedErrors } from './publishing/logged-errors.ts';
import { siteStatementFacts } from './publishing/accessibility-statement.ts';
import { generationStart } from './publishing/generation-start.ts';
import { createStaging, StagingBusy } from './publishing/staging.ts';
import { listPageFiles } from './publishing/pages.ts';
import { stopBuild } from './publishing/stop-build.ts';
import { stopEsbuild } from './publishing/stop-esbuild.ts';
import { ROUTES } from './routes.ts';
import type { SiteLabels } from './strings/labels.ts';
import { LabelsModuleError, loadSiteLabels } from './strings/site-labels.ts';
import { classicScripts } from './site/classic-script.ts';
import { compiledEssays, compileSettingsDigest, compileSummary } from './site/compiled-essays.ts';
import { linkUnchangedPages, sharedInputsDigest } from './site/page-reuse.ts';
import { essayPath } from './site/urls.ts';

export type { EssayPressOptions } from './config/options.ts';
// For a site's own language: `export default defineLabels({ … })`, every label typed (docs/strings.md).
export { defineLabels, type Labels } from './strings/labels.ts';
export { plural, type PluralForms } from './strings/plural.ts';

/**
 * Essay Press: long-form essays from MDX as fast, accessible, plain HTML, in any Astro site.
 *
 *   integrations: [essayPress({ title: 'Field Notes' })]
 *
 * Everything happens inside Astro's hooks, so `astro build` makes the whole site:
 * - `astro:config:setup` checks the options and the essays (every problem at once), sets the
 *   Astro settings the pages rely on, adds MDX, the essay plugin and the pages, and, for a
 *   build, points Astro at a staging folder beside the output folder;
 * - `astro:build:done` (of `essay-press:publish`, which runs after every other integration,
 *   the sitemap included) runs the build steps on the finished pages (src/publishing/build-steps.ts)
 *   and only then swaps the staging folder into place: a failed build leaves the previous site as it was.
 */
export default function essayPress(options?: EssayPressOptions): AstroIntegration {
  return {
    name: 'essay-press',
    hooks: {
      'astro:config:setup': async ({ config: astroConfig, command, updateConfig, injectRoute, logger }) => {
        // Not `config.root.pathname`: that is percent-encoded ("My%20Essays"), not a path.
        const root = fileURLToPath(astroConfig.root);
        let outDir = process.env['OUT_DIR'] ? resolve(root, process.env['OUT_DIR']) : fileURLToPath(astroConfig.outDir);
        let resolved: ReturnType<typeof resolveConfig>;
        let checks: EssayChecks;
        let siteLabels: SiteLabels;
        let cacheDir: string;
        let sharedInputs: string;
        // `astro build --force` renders, compiles and checks every essay again.
        const reuse = !process.argv.includes('--force');
        try {
          resolved = resolveConfig(options, process.env, { site: astroConfig.site, base: astroConfig.base });
          outDir = resolved.astro.outDir ? resolve(root, resolved.astro.outDir) : fileURLToPath(astroConfig.outDir);
          siteLabels = await loadSiteLabels(root, resolved.config.strings);
          // Astro's cache folder: CACHE_DIR's, or the config's.
          cacheDir = resolved.astro.cacheDir ? resolve(root, resolved.astro.cacheDir) : fileURLToPath(astroConfig.cacheDir);
          sharedInputs = sharedInputsDigest(root, resolved.config);
          // A build takes the last build's findings for the essays whose inputs are unchanged (src/authoring/checks-cache.ts).
          const checksCache =
            command === 'build'
              ? { file: checksCacheFile(cacheDir), shared: sharedInputs, settings: compileSettingsDigest(root, resolved.config), reuse }
              : undefined;
          checks = checkEssays(root, resolved.config, command, logger, checksCache);
        } catch (error) {
          // Every bad option, or every author mistake, at once: the report alone, not a crash.
          if (error instanceof ConfigError || error instanceof EssayProblems || error instanceof LabelsModuleError)
            stopBuild(logger, error.message, outDir);
          throw error;
        }
        const { config, astro } = resolved;
        // Left by a test runner or a shell, these would make Vite build a development site
        // (src/config/environment.ts); NODE_ENV is set again as Astro sets it for the command.
        for (const name of IMPORT_META_ENV_NAMES) delete process.env[name];
        process.env['NODE_ENV'] = command === 'dev' ? 'development' : 'production';
        let staging: ReturnType<typeof createStaging> | undefined;
        try {
          staging = command === 'build' ? createStaging(outDir) : undefined;
        } catch (error) {
          if (error instanceof StagingBusy) stopBuild(logger, error.message, outDir);
          throw error;
        }
        // The site's own icon when it has one in public/; ours otherwise, served by a route of ours.
        const ownFavicon = fileURLToPath(new URL('favicon.svg', astroConfig.publicDir));
        const faviconFile = existsSync(ownFavicon) ? ownFavicon : fileURLToPath(new URL('./site/favicon.svg', import.meta.url));
        const has = (name: string) => astroConfig.integrations.some((integration) => integration.name === name);
        const markupOptions = { root, ...config, strings: siteLabels };
        // When Astro begins to write pages, which a build's early work waits for.
        const generation = command === 'build' ? generationStart() : undefined;
        // A build compiles again only the essays whose inputs changed (src/site/compiled-essays.ts).
        const compiled =
          command === 'build'
            ? compiledEssays({
                essaysDir: resolve(root, config.essaysDir),
                cacheDir: join(cacheDir, 'compiled-essays'),
                settings: compileSettingsDigest(root, markupOptions),
                shared: sharedInputs,
                reuse,
              })
            : undefined;
        updateConfig({
          ...(config.site ? { site: config.site } : {}),
          base: config.base,
          // Directory URLs (/essays/slug/) work on every static host without rewrites.
          trailingSlash: 'always',
          // External stylesheets: the downloads and the service worker read them; the build then
          // writes them into the essay pages, allowed by hash (src/publishing/inline-assets.ts).
          build: { format: 'directory', inlineStylesheets: 'never' },
          ...(staging ? { outDir: pathToFileURL(`${staging.dir}/`) } : {}),
          ...(astro.cacheDir ? { cacheDir: pathToFileURL(`${cacheDir}/`) } : {}),
          image: { service: { entrypoint: 'astro/assets/services/sharp' } },
          // Sätteri, Astro 7's engine, with the plugin that numbers notes and scenarios with the whole essay in view.
          // No syntax highlighting: Shiki colours code with style attributes, which the pages'
          // policy refuses (no 'unsafe-inline'), so it cost every build its start-up and every code
          // block its bytes for nothing; a code block is set by global.css (`.code-block`).
          markdown: {
            processor: satteri({ mdastPlugins: [essayMarkup(markupOptions)] }),
            syntaxHighlight: false,
          },
          vite: viteConfig(
            config,
            {
              faviconFile,
              statement: siteStatementFacts(root),
              root,
              sharedInputs,
              ...(compiled ? { recorded: compiled.recorded } : {}),
            },
            [...(compiled ? [compiled.plugin] : []), ...(generation ? [generation.plugin] : [])],
          ),
          // A rebuild copies the essay pages whose inputs are unchanged from the last build
          // (src/site/page-reuse.ts); `astro build --force` renders every page again.
          experimental: { incrementalBuild: command === 'build' },
          // Nothing on a page may depend on a dev toolbar or a prefetch script.
          devToolbar: { enabled: false },
          prefetch: false,
          integrations: [
            // `optimize`: each run of plain HTML in an essay is compiled to one string, not an element
            // per tag for Astro's JSX renderer to walk on every render; the pages are the same.
            ...(has('@astrojs/mdx') ? [] : [mdx({ optimize: true })]),
            // A sitemap lists absolute URLs: there is one only when the site's address is known.
            ...(config.site && !has('@astrojs/sitemap') ? [sitemap()] : []),
            publishStep({ root, config, outDir, checks, staging, siteLabels, compiled, generation }),
          ],
        });
        for (const route of ROUTES) {
          if (route.pattern === '/favicon.svg' && faviconFile === ownFavicon) continue;
          injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
        }
      },
    },
  };
}

/**
 * The build's last integration, so that its `astro:build:done` runs after every other one's
 * (the sitemap writes into the staging folder too): the build steps, the reports, then the swap.
 */
function publishStep({
  root,
  config,
  outDir,
  checks,
  staging,
  siteLabels,
  compiled,
  generation,
}: {
  root: string;
  config: SiteConfig;
  outDir: string;
  checks: EssayChecks;
  staging: ReturnType<typeof createStaging> | undefined;
  siteLabels: SiteLabels;
  compiled: ReturnType<typeof compiledEssays> | undefined;
  generation: ReturnType<typeof generationStart> | undefined;
}): AstroIntegration {
  let loggedErrors: ReturnType<typeof watchForLoggedErrors> | undefined;
  let cacheDir = resolve(root, 'node_modules/.astro');
  let earlyDownloads: EarlyDownloads | undefined;
  let earlySearch: EarlySearchIndex | undefined;
  return {
    name: 'essay-press:publish',
    hooks: {
      'astro:config:done': ({ config: astroConfig }) => {
        cacheDir = fileURLToPath(astroConfig.cacheDir);
      },
      'astro:build:start': async () => {
        loggedErrors = watchForLoggedErrors();
        // The essays as data, before Rolldown is given the modules of the others (src/site/essay-data.ts).
        await compiled?.record([...checks.essayFiles.values()].map((file) => resolve(root, file)));
        // The pages of the essays compiled last time and unchanged since: what a rebuild reuses.
        const reusedPages = staging && compiled ? unchangedEssayPages(root, checks.essayFiles, compiled.reused) : undefined;
        // Those pages, linked from Astro's copies rather than copied by it (src/site/page-reuse.ts).
        const unchanged = staging && reusedPages ? linkUnchangedPages(staging.dir, cacheDir, reusedPages) : 0;
        // A second CPU makes the essays' downloads while Astro renders their pages on the first.
        earlyDownloads = staging
          ? startEarlyDownloads(staging.dir, offlineDownloadsOptions({ config, cacheDir, siteLabels }), checks.sourcing.length, {
              unchanged,
              ...(generation ? { rendering: generation.begun } : {}),
            })
          : undefined;
        // A rebuild's search index begins with the copies of the pages of essays compiled last time.
        earlySearch = reusedPages ? startEarlySearchIndex(join(cacheDir, 'search-pages'), reusedPages) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          // Astro sometimes logs a rendering error and still finishes (withastro/astro#18054):
          // a page would be published half empty. Any error it logged fails the build.
          const errors = loggedErrors?.count() ?? 0;
          if (errors > 0) throw new Error(`Astro reported ${errors} error(s) while building; see the messages above.`);
          const log = lineLogger(logger);
          for (const report of reportEssayChecks(checks, { root, outDir, config })) log(report);
          if (compiled?.counts.reused) log(compileSummary(compiled.counts));
          // The compiled essays are kept for the next build while the build steps run.
          const keeping = compiled?.flush();
          await runBuildSteps(
            {
              dir: fileURLToPath(dir),
              pageFiles: listPageFiles(fileURLToPath(dir)),
              root,
              config,
              cacheDir,
              essays: [],
              downloadSizes: {},
              inlineHashes: { styles: [], scripts: [] },
              siteLabels,
              earlyDownloads,
              earlySearch,
            },
            log,
          );
          await keeping;
          staging?.publish();
          log(`The site is in ${outDir}`);
        } catch (error) {
          staging?.discard();
          stopBuild(logger, describe(error), outDir);
        } finally {
          earlyDownloads?.stop();
          await earlySearch?.stop();
          loggedErrors?.stop();
          // No esbuild process is left behind by the build (src/publishing/stop-esbuild.ts).
          await stopEsbuild();
        }
      },
    },
  };
}

/** The pages, by their path in the site, of the essays whose compiled module was the last build's (`compiledEssays`). */
function unchangedEssayPages(root: string, essayFiles: ReadonlyMap<string, string>, reused: ReadonlySet<string>): string[] {
  return [...essayFiles].filter(([, file]) => reused.has(resolve(root, file))).map(([slug]) => `${essayPath(slug)}index.html`);
}

/** Each line of a report through the integration's logger, so it reads like the rest of Astro's log. */
function lineLogger(logger: AstroIntegrationLogger): (text: string) => void {
  return (text) => logger.info(text);
}

function viteConfig(config: SiteConfig, files: Parameters<typeof virtualModules>[1], plugins: Plugin[]) {
  return {
    plugins: [virtualModules(config, files), classicScripts(), ...plugins],
    // A component's script is named after the component (`TableOfContents.CxB9YfCD.js`), not
    // `TableOfContents.astro_astro_type_script_index_0_lang.CxB9YfCD.js`: every page names its
    // scripts, and the shorter name is 40 bytes less to send in each.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk: { name: string }) =>
                `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '')}.[hash].js`,
            },
          },
        },
      },
    },
    build: {
      // Astro empties its output folder before it bundles, unless told not to. Ours is the staging
      // folder, empty when the build began; what is in it by then is the pages linked for reuse
      // (src/site/page-reuse.ts), which Astro must find there.
      emptyOutDir: false,
      // Astro inlines scripts smaller than this limit; 0 keeps every script an external
      // file, cacheable offline and allowed by a CSP without 'unsafe-inline'.
      assetsInlineLimit: 0,
      // One stylesheet for the site, the only one an essay page loads; the search and home
      // pages add a small one of their own, so an essay does not carry their rules.
      cssCodeSplit: true,
      rolldownOptions: {
        // Astro's content plugin gives every MDX module an `?astroPropagatedAssets` twin that
        // starts with the directive "use astro:head-inject"; Rolldown warns that the directive
        // may not survive bundling, once per essay. Nothing is lost: Astro marks these modules
        // by their id while transforming. withastro/astro#18087. Only that warning is dropped.
        onwarn(warning: { code?: string; message: string }, warn: (warning: { code?: string; message: string }) => void) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  };
}

/** An error's words without its stack, and where it happened when the error says so. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const location = (error as { loc?: { file?: string; line?: number; column?: number } }).loc;
  const where = location?.file
    ? `\n  at ${location.file}${location.line ? `:${location.line}` : ''}${location.column ? `:${location.column}` : ''}`
    : '';
  // Bundler errors carry their stack inside the message; a reader needs only the words.
  const message = error.message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n');
  return `${message}${where}`;
}
