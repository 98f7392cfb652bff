/**
 * Imported first by the build script, before anything that colours its output: a log read
 * from a file or a CI console carries no colour codes. Astro's colours (piccolore) are
 * decided once, when first loaded, and are on for a CI console (CI=true) unless NO_COLOR
 * says not to. FORCE_COLOR still wins.
 */
if (!process.stdout.isTTY && process.env['FORCE_COLOR'] === undefined) process.env['NO_COLOR'] = '1';
