/** Every page Essay Press adds to a site, each from the folder of the feature it belongs to. */
export const ROUTES: ReadonlyArray<{ pattern: string; entrypoint: URL }> = [
  { pattern: '/', entrypoint: new URL('./site/routes/index.astro', import.meta.url) },
  { pattern: '/page/[page]', entrypoint: new URL('./site/routes/page/[page].astro', import.meta.url) },
  { pattern: '/essays/[...slug]', entrypoint: new URL('./site/routes/essays/[...slug].astro', import.meta.url) },
  { pattern: '/404', entrypoint: new URL('./site/routes/404.astro', import.meta.url) },
  { pattern: '/favicon.svg', entrypoint: new URL('./site/routes/favicon.svg.ts', import.meta.url) },
  { pattern: '/search', entrypoint: new URL('./search/routes/search.astro', import.meta.url) },
  { pattern: '/offline', entrypoint: new URL('./offline/routes/not-saved.astro', import.meta.url) },
  { pattern: '/manifest.webmanifest', entrypoint: new URL('./offline/routes/manifest.webmanifest.ts', import.meta.url) },
  { pattern: '/icons/[icon].png', entrypoint: new URL('./offline/routes/icons/[icon].png.ts', import.meta.url) },
  { pattern: '/accessibility', entrypoint: new URL('./publishing/routes/accessibility.astro', import.meta.url) },
  { pattern: '/robots.txt', entrypoint: new URL('./publishing/routes/robots.txt.ts', import.meta.url) },
];
