import { z } from 'astro/zod';

/**
 * Every setting of a build, read from the environment in one place, checked, and
 * normalised. The README's settings table is checked against `SETTINGS` by a test.
 */
export interface Settings {
  /** SITE_URL reduced to its origin (`https://example.org`), or undefined when unknown. */
  site: string | undefined;
  /** BASE_PATH, always starting and ending with `/`: `/` or `/sub/path/`. */
  base: string;
  /** SITE_TITLE: the site's name in the header and page titles. */
  siteTitle: string;
  /** SITE_LANG: the language of the site's own pages and of its header and footer. */
  siteLang: string;
  /** ESSAYS_DIR: the essays folder, relative to the project root. */
  essaysDir: string;
  /** OUT_DIR: where the finished site is published, relative to the project root. */
  outDir: string;
  /** CACHE_DIR: Astro's content cache for this build, or undefined for Astro's own. */
  cacheDir: string | undefined;
  /** REQUIRE_SOURCES: fail the build while a claim awaits its source. */
  requireSources: boolean;
  /** STRICT: warnings of the essay checks fail the build too. */
  strict: boolean;
  /** ESSAYS_PER_PAGE: how many essays each page of the home page's list holds. */
  essaysPerPage: number;
  /** ACCESSIBILITY_CONTACT as a link (`mailto:` for an address), or undefined when none is given. */
  accessibilityContact: string | undefined;
}

/** One environment variable: what it does, its default and a value that works (the fix for a bad one). */
export interface SettingDoc {
  variable: string;
  default: string;
  example: string;
  meaning: string;
}

export const SETTINGS: readonly SettingDoc[] = [
  {
    variable: 'SITE_URL',
    default: '(none)',
    example: 'https://essays.example',
    meaning: 'the origin the site is served from: canonical URLs, absolute links in downloads',
  },
  { variable: 'BASE_PATH', default: '/', example: '/reading-room/', meaning: 'a sub-path for hosts that serve the site from a folder' },
  {
    variable: 'SITE_TITLE',
    default: 'Essays',
    example: 'The Reading Room',
    meaning: "the site's name in the header, page titles and the web app manifest",
  },
  {
    variable: 'SITE_LANG',
    default: 'en',
    example: 'de',
    meaning: "the language of the site's own pages (home, search, 404) and of its header and footer; each essay has its own",
  },
  {
    variable: 'ESSAYS_DIR',
    default: 'content/essays',
    example: 'drafts/essays',
    meaning: 'the folder the essays are read from, relative to the project',
  },
  { variable: 'OUT_DIR', default: 'dist', example: 'public_html', meaning: 'where the built site is published, relative to the project' },
  {
    variable: 'CACHE_DIR',
    default: "(Astro's)",
    example: '.cache/site-a',
    meaning: "a content cache of the build's own, for building several sites from one project",
  },
  { variable: 'REQUIRE_SOURCES', default: '0', example: '1', meaning: 'with 1, the build fails while any claim awaits a source' },
  {
    variable: 'STRICT',
    default: '0',
    example: '1',
    meaning: "with 1, the essay checks' warnings (vague link text, a repeated heading) fail the build too",
  },
  {
    variable: 'ESSAYS_PER_PAGE',
    default: '50',
    example: '20',
    meaning: 'how many essays the home page lists; the rest follow on page/2/, page/3/, …',
  },
  {
    variable: 'ACCESSIBILITY_CONTACT',
    default: '(none)',
    example: 'access@essays.example',
    meaning: 'an email address or https:// page where readers report a barrier, named in the accessibility statement',
  },
];

/** Path-like settings: a folder name, not an option, a URL or an empty value. */
const folder = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || fallback)
    .refine((value) => !value.includes('://') && !value.startsWith('-'), 'must be a folder such as');

const schema = z.object({
  SITE_URL: z
    .string()
    .trim()
    .optional()
    .transform((raw, context) => {
      if (!raw) return undefined;
      const url = URL.parse(raw);
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        context.addIssue({ code: 'custom', message: 'must be an absolute URL that starts with https:// or http://, such as' });
        return z.NEVER;
      }
      return url.origin;
    }),
  BASE_PATH: z
    .string()
    .optional()
    .transform((raw, context) => {
      try {
        return normaliseBase(raw);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a plain path, without spaces, "..", "?" or "#", such as' });
        return z.NEVER;
      }
    }),
  SITE_TITLE: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || 'Essays'),
  SITE_LANG: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || 'en')
    .refine((value) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value), 'must be a language tag, such as'),
  ESSAYS_DIR: folder('content/essays'),
  OUT_DIR: folder('dist'),
  CACHE_DIR: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  REQUIRE_SOURCES: z
    .enum(['', '0', '1', 'false', 'true'], { message: 'must be 1 (or true) to require sources, 0 (or false) not to, such as' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  STRICT: z
    .enum(['', '0', '1', 'false', 'true'], { message: 'must be 1 (or true) to fail the build on warnings, 0 (or false) not to, such as' })
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  ESSAYS_PER_PAGE: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || '50')
    .refine((value) => /^[1-9][0-9]*$/.test(value), 'must be a whole number of essays, at least 1, such as')
    .transform(Number),
  ACCESSIBILITY_CONTACT: z
    .string()
    .trim()
    .optional()
    .transform((raw, context) => {
      if (!raw) return undefined;
      const contact = contactLink(raw);
      if (!contact) {
        context.addIssue({ code: 'custom', message: 'must be an email address or a URL that starts with https://, such as' });
        return z.NEVER;
      }
      return contact;
    }),
});

/** An email address as a `mailto:` link, or an http(s) or mailto: URL as written; undefined for anything else. */
function contactLink(raw: string): string | undefined {
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(raw)) return `mailto:${raw}`;
  const url = URL.parse(raw);
  return url && ['https:', 'http:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
}

/** Every bad setting at once, each with the variable, its value and a value that works. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Reads the settings from an environment (`process.env`). Throws a `SettingsError` that
 * names every bad variable and how to fix it.
 *
 * @example readSettings({ BASE_PATH: 'essays' }).base // '/essays/'
 */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const parsed = schema.safeParse(Object.fromEntries(SETTINGS.map(({ variable }) => [variable, env[variable]])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const example = SETTINGS.find((setting) => setting.variable === variable)?.example ?? '';
      return `  ${variable}="${env[variable] ?? ''}" ${issue.message} ${variable}=${example}`;
    });
    throw new SettingsError(
      `The build settings have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.join('\n')}\n  Fix: set the variable as shown, or unset it for its default (see "Settings" in the README).`,
    );
  }
  const {
    SITE_URL,
    BASE_PATH,
    SITE_TITLE,
    SITE_LANG,
    ESSAYS_DIR,
    OUT_DIR,
    CACHE_DIR,
    REQUIRE_SOURCES,
    STRICT,
    ESSAYS_PER_PAGE,
    ACCESSIBILITY_CONTACT,
  } = parsed.data;
  return {
    site: SITE_URL,
    base: BASE_PATH,
    siteTitle: SITE_TITLE,
    siteLang: SITE_LANG,
    essaysDir: ESSAYS_DIR,
    outDir: OUT_DIR,
    cacheDir: CACHE_DIR,
    requireSources: REQUIRE_SOURCES,
    strict: STRICT,
    essaysPerPage: ESSAYS_PER_PAGE,
    accessibilityContact: ACCESSIBILITY_CONTACT,
  };
}

let current: Settings | undefined;

/** This process's settings, read from `process.env` the first time they are asked for. */
export function settings(): Settings {
  current ??= readSettings(process.env);
  return current;
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
