import type { AstroIntegrationLogger } from 'astro';

/**
 * An error that stops the build with only its own words: an author's mistake or a bad option
 * is not a crash, so the log shows no stack trace and none of Astro's "An unhandled error
 * occurred while running the hook" (which Astro writes through the integration's own logger,
 * the one passed here, just before it rethrows).
 */
export function stopBuild(logger: AstroIntegrationLogger, message: string, outDir: string): never {
  const original = logger.error.bind(logger);
  logger.error = (text: string) => {
    if (!text.startsWith('An unhandled error occurred while running')) original(text);
  };
  const error = new Error(`Build failed. ${message}\nNothing was written to ${outDir}.`);
  error.stack = '';
  throw error;
}
