/**
 * The environment variables a build reads, in one place: each overrides one option of
 * `essayPress()` or one of Astro's own settings, so one project builds for every host
 * (`BASE_PATH=/essays/ npm run build`) and the tests build fixture sites.
 */
export interface EnvironmentVariable {
  variable: string;
  /** What it overrides: an option of `essayPress()`, or one of Astro's own settings. */
  overrides: { option: string } | { astro: 'site' | 'base' | 'outDir' | 'cacheDir' };
  /** A value that works, shown in the docs and in the fix of an error. */
  example: string;
  /** How the variable's text becomes the option's value. */
  parse: (raw: string) => unknown;
}

const text = (raw: string) => raw.trim();
/** `1`/`true` and `0`/`false`; anything else is passed on as written, for the schema to refuse with its fix. */
const flag = (raw: string) => ({ '1': true, true: true, '0': false, false: false })[raw.trim()] ?? raw;
/** A whole number written as digits; anything else is passed on as written, for the schema to refuse. */
const count = (raw: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);

export const ENVIRONMENT: readonly EnvironmentVariable[] = [
  { variable: 'SITE_URL', overrides: { astro: 'site' }, example: 'https://essays.example', parse: text },
  { variable: 'BASE_PATH', overrides: { astro: 'base' }, example: '/reading-room/', parse: text },
  { variable: 'OUT_DIR', overrides: { astro: 'outDir' }, example: 'public_html', parse: text },
  { variable: 'CACHE_DIR', overrides: { astro: 'cacheDir' }, example: '.cache/site-a', parse: text },
  { variable: 'SITE_TITLE', overrides: { option: 'title' }, example: 'The Reading Room', parse: text },
  { variable: 'SITE_LANG', overrides: { option: 'lang' }, example: 'de', parse: text },
  { variable: 'ESSAYS_DIR', overrides: { option: 'essaysDir' }, example: 'drafts/essays', parse: text },
  { variable: 'ESSAYS_PER_PAGE', overrides: { option: 'essaysPerPage' }, example: '20', parse: count },
  { variable: 'ACCESSIBILITY_CONTACT', overrides: { option: 'accessibilityContact' }, example: 'access@essays.example', parse: text },
  { variable: 'REQUIRE_SOURCES', overrides: { option: 'requireSources' }, example: '1', parse: flag },
  { variable: 'STRICT', overrides: { option: 'strict' }, example: '1', parse: flag },
  { variable: 'RUN_ESSAY_CODE', overrides: { option: 'runEssayCode' }, example: '1', parse: flag },
];

/** The variables that are set (an empty one counts as unset), each with its parsed value. */
export function setVariables(
  env: Record<string, string | undefined>,
): Array<{ variable: EnvironmentVariable; raw: string; value: unknown }> {
  return ENVIRONMENT.flatMap((variable) => {
    const raw = env[variable.variable];
    if (raw === undefined || raw.trim() === '') return [];
    return [{ variable, raw, value: variable.parse(raw) }];
  });
}

/**
 * The variables Vite reads as `import.meta.env` over Astro's own values. Left in the
 * environment by a test runner or a shell (`NODE_ENV=test`, `BASE_URL=/`), they would make
 * a build a development site at the root, so the build removes them, and tests that start
 * Astro leave them out.
 */
export const IMPORT_META_ENV_NAMES: readonly string[] = ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];
