/**
 * The variables Vite reads as `import.meta.env` over Astro's own values. Left in the
 * environment by a test runner or a shell (`NODE_ENV=test`, `BASE_URL=/`), they would make
 * a build a development site at the root, so the build removes them, and tests that start
 * Astro leave them out.
 */
export const IMPORT_META_ENV_NAMES: readonly string[] = ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];
