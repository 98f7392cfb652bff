// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { settings } from './src/lib/settings.ts';
import essayChecks from './src/integrations/essay-checks.ts';
import { essayStructure } from './src/plugins/essay-structure.ts';
import { classicScripts } from './src/integrations/classic-script.ts';

// Where the site is served from comes from the environment, so one build script
// serves every static host: SITE_URL (absolute origin, for canonical URLs) and
// BASE_PATH (a sub-path such as /essays/, for hosts that serve from a folder).
const { site, base } = settings();

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  // Directory URLs (/essays/slug/) work on every static host without rewrites.
  build: {
    format: 'directory',
    // External stylesheets only: cacheable offline, and a strict CSP needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  trailingSlash: 'always',
  // sharp processes images in essays (and, later, draws the social cards).
  image: { service: { entrypoint: 'astro/assets/services/sharp' } },
  vite: {
    // A component's script is named after the component (`TableOfContents.CxB9YfCD.js`), not
    // `TableOfContents.astro_astro_type_script_index_0_lang.CxB9YfCD.js`: every page names its
    // scripts, and the shorter name is 40 bytes less to send in each.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '')}.[hash].js`,
            },
          },
        },
      },
    },
    // The colour scheme's script, which must run in <head> before the page is drawn, as a
    // classic script: `import src from '…?classic'` (src/integrations/classic-script.ts).
    plugins: [classicScripts()],
    // Astro inlines scripts smaller than this limit; 0 keeps every script an external
    // file, cacheable offline and allowed by a CSP without 'unsafe-inline'.
    build: {
      assetsInlineLimit: 0,
      // One stylesheet for the site (BaseLayout imports tokens, global and essay CSS), the
      // only one an essay page loads (one render-blocking request, cached for every page
      // after); the search and home pages add a small one of their own, so an essay does
      // not carry their rules (cssCodeSplit off put them all in one: 3.4 KB compressed
      // on an essay instead of 3.1 KB).
      cssCodeSplit: true,
      rolldownOptions: {
        // Astro's content plugin gives every MDX entry an `?astroPropagatedAssets` module that
        // starts with the directive "use astro:head-inject"; Rolldown warns that the directive
        // may not survive bundling, once per essay (500 essays, 500 warnings). Nothing is lost:
        // Astro marks these modules for head propagation by their id while transforming
        // (its vite-plugin-head), not by the directive in the bundle. withastro/astro#18087.
        // Only that warning is dropped; every other one is passed on.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // Sätteri, Astro 7's default engine, with one plugin that numbers notes and scenarios
  // with the whole essay in view (see README, "Where notes are numbered").
  markdown: {
    processor: satteri({ mdastPlugins: [essayStructure] }),
  },
  // A sitemap lists absolute URLs: there is one only when SITE_URL says where the site is.
  integrations: [essayChecks(), mdx(), ...(site ? [sitemap()] : [])],
  // Nothing on a page may depend on a dev toolbar or prefetch script.
  devToolbar: { enabled: false },
  prefetch: false,
});
