/** Where the built site will be served: the origin (for canonical URLs) and the base path. */
export interface Deployment {
  /** Absolute origin such as `https://example.org`, or undefined when unknown. */
  site: string | undefined;
  /** Always starts and ends with `/`: `/` or `/sub/path/`. */
  base: string;
}

/**
 * Reads `SITE_URL` and `BASE_PATH` from an environment and normalises them.
 * Throws a message that names the variable when a value cannot be used.
 *
 * @example deploymentFromEnv({ BASE_PATH: 'essays' }) // { site: undefined, base: '/essays/' }
 */
export function deploymentFromEnv(env: Record<string, string | undefined>): Deployment {
  const rawSite = env['SITE_URL']?.trim();
  let site: string | undefined;
  if (rawSite) {
    let url: URL;
    try {
      url = new URL(rawSite);
    } catch {
      throw new Error(`SITE_URL must be an absolute URL such as https://example.org, but is "${rawSite}".`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`SITE_URL must start with https:// or http://, but is "${rawSite}".`);
    }
    site = url.origin;
  }
  return { site, base: normaliseBase(env['BASE_PATH']) };
}

/** `undefined`, `''` and `/` give `/`; `a/b` and `/a/b` give `/a/b/`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (/[?#\\\s]/.test(trimmed) || trimmed.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`BASE_PATH must be a plain path such as /essays/, but is "${raw}".`);
  }
  return `/${trimmed}/`;
}
