import { z } from 'astro/zod';
import { isRegisteredLanguage } from '../authoring/language-tag.ts';
import { BUILT_IN_STYLES } from '../sources/built-in-styles.ts';
import { STRING_LABEL_KEYS } from '../strings/labels.ts';

/**
 * What a field of the options says about itself: the docs' options table
 * (docs/configuration.md, written by `npm run docs:config`) is made from these, and a test
 * fails when the two differ.
 */
export interface OptionDoc {
  /** One sentence: what the option does. */
  description: string;
  /** A value that works, shown in the docs and in the fix of an error. */
  example: string;
  /** The environment variable that overrides it, if any (src/config/environment.ts). */
  env?: string;
}

const optionDocs = z.registry<OptionDoc>();

/** A language tag such as `en`, `fr-CA` or `zh-Hant`. */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/**
 * A folder inside the project, relative to it: not a URL, an option, a path that leaves the
 * project, or an absolute path (the essays are found by a glob relative to the project).
 */
const projectFolder = z
  .string()
  .trim()
  .min(1, 'must be a folder such as')
  .refine(
    (value) => !value.includes('://') && !value.startsWith('-') && !value.split(/[\\/]/).includes('..'),
    'must be a folder inside the project, such as',
  )
  .refine((value) => !/^([a-zA-Z]:)?[\\/]/.test(value), 'must be a path relative to the project, not an absolute one, such as');

/** An email address as a `mailto:` link, or an http(s) or mailto: URL as written; undefined for anything else. */
function contactLink(raw: string): string | undefined {
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(raw)) return `mailto:${raw}`;
  const url = URL.parse(raw);
  return url && ['https:', 'http:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
}

/** Overrides of the interface's words for one language: any of the labels that are plain words. */
const stringOverrides = z.partialRecord(
  z.enum(STRING_LABEL_KEYS),
  z.string().trim().min(1, 'must not be empty: leave the word out for the built-in one'),
);

/**
 * A module of one language's labels, in the project: its default export is `defineLabels({ … })`
 * (every label) or some labels (`satisfies Partial<Labels>`). Loaded by src/strings/site-labels.ts.
 */
const labelsModule = z
  .string()
  .trim()
  .regex(/\.(ts|mts|js|mjs)$/, 'must name a module (.ts or .js) in the project, such as')
  .refine((value) => !value.includes('://') && !value.split(/[\\/]/).includes('..'), 'must name a module inside the project, such as');

/**
 * Every option of `essayPress()`, with its default. The one source of truth: the types below
 * are inferred from it, the docs are generated from it, and every value is checked by it.
 */
export const optionsSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty, such as').default('Essays').register(optionDocs, {
      description: "The site's name: in the header, every page's title, the feed, the web app manifest and the social cards.",
      example: "'The Reading Room'",
      env: 'SITE_TITLE',
    }),
    lang: z
      .string()
      .trim()
      // Well formed, and a language of the IANA registry: `zz` is the one, not the other.
      .refine((tag) => LANGUAGE_TAG.test(tag) && isRegisteredLanguage(tag), 'must be a language tag of the IANA registry, such as')
      .default('en')
      .register(optionDocs, {
        description:
          "The language of the site's own pages (home, search, 404, accessibility statement) and of its header and footer. Each essay has its own `lang`.",
        example: "'de'",
        env: 'SITE_LANG',
      }),
    essaysDir: projectFolder.default('content/essays').register(optionDocs, {
      description: 'The folder the essays are read from, relative to the project.',
      example: "'drafts/essays'",
      env: 'ESSAYS_DIR',
    }),
    essaysPerPage: z
      .number({ error: 'must be a whole number of essays, at least 1, such as' })
      .int('must be a whole number of essays, at least 1, such as')
      .min(1, 'must be a whole number of essays, at least 1, such as')
      .default(50)
      .register(optionDocs, {
        description: 'How many essays the home page lists; the rest follow on page/2/, page/3/, …',
        example: '20',
        env: 'ESSAYS_PER_PAGE',
      }),
    accessibilityContact: z
      .string()
      .trim()
      .transform((raw, context) => {
        const link = contactLink(raw);
        if (link) return link;
        context.addIssue({ code: 'custom', message: 'must be an email address or a URL that starts with https://, such as' });
        return z.NEVER;
      })
      .optional()
      .register(optionDocs, {
        description: 'An email address or https:// page where readers report a barrier, named in the accessibility statement.',
        example: "'access@essays.example'",
        env: 'ACCESSIBILITY_CONTACT',
      }),
    bibliography: z
      .array(
        z
          .string()
          .trim()
          .regex(/\.(bib|json|ris)$/i, 'must name .bib, .json (CSL-JSON) or .ris files in the project, such as')
          .refine((value) => !value.includes('://') && !value.split(/[\\/]/).includes('..'), 'must name files inside the project, such as'),
        { error: 'must be a list of bibliography files, such as' },
      )
      .default([])
      .register(optionDocs, {
        description:
          'Bibliography files every essay may cite by key, relative to the project: BibTeX (`.bib`), CSL-JSON (`.json`) or RIS (`.ris`), as a reference manager exports them. An essay adds its own with `bibliography:` in its frontmatter.',
        example: "['content/library.bib']",
      }),
    csl: z
      .string()
      .trim()
      .refine(
        (value) => /\.csl$/i.test(value) || BUILT_IN_STYLES.includes(value),
        `must be a .csl file in the project or one of ${BUILT_IN_STYLES.join(', ')}, such as`,
      )
      .optional()
      .register(optionDocs, {
        description:
          "The citation style of every essay's notes and sources: a CSL file (any of the styles at https://www.zotero.org/styles), relative to the project, or `apa`. By default, Essay Press's notes style (a full note the first time, a short one after). An essay may name its own with `csl:`.",
        example: "'styles/chicago-note-bibliography.csl'",
      }),
    requireSources: z.boolean({ error: 'must be true or false, such as' }).default(false).register(optionDocs, {
      description: 'Fail the build while any claim awaits a source (an empty or `needed` footnote).',
      example: 'true',
      env: 'REQUIRE_SOURCES',
    }),
    strict: z.boolean({ error: 'must be true or false, such as' }).default(false).register(optionDocs, {
      description: "Make the essay checks' warnings (vague link text, a repeated heading) fail the build too.",
      example: 'true',
      env: 'STRICT',
    }),
    runEssayCode: z.boolean({ error: 'must be true or false, such as' }).default(false).register(optionDocs, {
      description:
        "Let essays run code when the site is built: import packages and modules, and write any JavaScript in `{…}`. Off, an essay may hold only content (text, the components, images and the site's own components, plain values), so an essay from an author you do not trust cannot read the build machine, reach the network or put a script in the page. Turn it on only when every author is trusted.",
      example: 'true',
      env: 'RUN_ESSAY_CODE',
    }),
    strings: z
      .record(
        z.string().regex(LANGUAGE_TAG, 'must be keyed by language tags, such as'),
        z.union([labelsModule, stringOverrides], {
          error: "must be a module's path ('./src/strings/ar.ts') or an object of words, such as",
        }),
      )
      .default({})
      .register(optionDocs, {
        description: `The interface's words, per language (any language, not only the built-in English, French, German and Spanish): a module of the project whose default export is \`defineLabels({ … })\`, every label, typed (docs/strings.md); or an object of plain words replacing ours: ${STRING_LABEL_KEYS.map((key) => `\`${key}\``).join(', ')}. A label a language lacks is shown in English, marked with \`lang="en"\`, and named in the build log.`,
        example: "{ ar: './src/strings/ar.ts', en: { contents: 'In this essay' } }",
      }),
  })
  .strict();

/** What `essayPress()` accepts: every option may be left out. */
export type EssayPressOptions = z.input<typeof optionsSchema>;

/** The options after checking: defaults filled in, values normalised. */
export type Options = z.output<typeof optionsSchema>;

/** The options as the rest of the code receives them, with what Astro's own config decides. */
export interface SiteConfig extends Options {
  /** The site's origin (`https://example.org`), or undefined when unknown: no feed, sitemap or cards then. */
  site: string | undefined;
  /** Where the site is served from, always starting and ending with `/`. */
  base: string;
}

/** The options' names, their docs and defaults, in the order the schema declares them. */
export function describeOptions(): Array<{ name: string; doc: OptionDoc; default: string }> {
  return Object.entries(optionsSchema.shape).map(([name, field]) => {
    const doc = optionDocs.get(field);
    if (!doc) throw new Error(`The option ${name} has no description in src/config/options.ts.`);
    const parsed = field.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? JSON.stringify(parsed.data) : '(none)';
    return { name, doc, default: fallback.replaceAll('"', "'") };
  });
}

/** `undefined`, `''` and `/` give `/`; `a/b` and `/a/b` give `/a/b/`. Throws for a path with spaces, `..`, `?` or `#`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (/[?#\\\s]/.test(trimmed) || trimmed.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`The base path must be a plain path such as /essays/, but is "${raw}".`);
  }
  return `/${trimmed}/`;
}

/** The example of an option, for an error's fix. */
export function exampleOf(name: string): string {
  const field = optionsSchema.shape[name as keyof typeof optionsSchema.shape];
  return (field && optionDocs.get(field)?.example) ?? '';
}
