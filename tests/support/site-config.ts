import { resolveConfig } from '../../src/config/resolve.ts';
import type { SiteConfig } from '../../src/config/options.ts';

/**
 * The options of this project's own site (astro.config.mjs leaves every option at its default),
 * with the environment's overrides, as the build resolves them.
 */
export function projectConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  return resolveConfig(undefined, env, { site: undefined, base: '/' }).config;
}
