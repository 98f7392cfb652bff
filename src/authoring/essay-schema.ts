import { z } from 'astro/zod';
import { isRealIsoDate, NOT_A_REAL_DATE } from '../strings/dates.ts';

/** A BCP 47 language tag such as `en`, `fr-CA` or `zh-Hant`: the page's `<html lang>`. */
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en" or "fr-CA"');

/**
 * A calendar date written YYYY-MM-DD. YAML turns an unquoted date into a Date and
 * silently rolls 2025-02-30 over to March 2, so the author checks read the frontmatter
 * with dates kept as text and this refuses any day that does not exist.
 */
const calendarDate = z
  .custom<Date | string>((value) => value instanceof Date || (typeof value === 'string' && isRealIsoDate(value)), NOT_A_REAL_DATE)
  .transform((value) => (value instanceof Date ? value : new Date(value)));

/** A source an essay cites with <Footnote source="id" />. */
export const sourceSchema = z.object({
  /** What <Footnote source="…"> names: letters, digits, hyphens. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, hyphens or underscores'),
  title: z.string().trim().min(1, 'must not be empty'),
  /** Who wrote it. */
  author: z.string().trim().min(1).optional(),
  /** Who published it: a newspaper, an agency, a journal. */
  publisher: z.string().trim().min(1).optional(),
  /** When it was published. */
  date: calendarDate.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be a web address starting with https:// or http://' }).optional(),
  /** When the URL was read, for sources that may change. */
  accessed: calendarDate.optional(),
});

/**
 * The frontmatter of an essay. Dates must exist in the calendar (see `calendarDate`).
 */
export const essaySchema = z.object({
  /** The essay's title, shown as its only h1. */
  title: z.string().trim().min(1, 'must not be empty'),
  /** The standfirst: one or two sentences that say what the essay is about. */
  description: z.string().trim().min(1, 'must not be empty'),
  /** The essay's language; every page of the essay takes it. */
  lang: languageTag.default('en'),
  /** Who wrote it, as the author wants to be named. Leave it out rather than guess. */
  authors: z.array(z.string().trim().min(1)).optional(),
  /** First publication date, YYYY-MM-DD. */
  published: calendarDate.optional(),
  /** Last substantial revision, YYYY-MM-DD. */
  updated: calendarDate.optional(),
  /** The sources the essay cites. */
  sources: z
    .array(sourceSchema)
    .default([])
    // Reported at the second source with the id, naming it: that is the one to rename.
    .superRefine((sources, context) => {
      const seen = new Set<string>();
      for (const [index, { id }] of sources.entries()) {
        if (seen.has(id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${id}" is the id of an earlier source too` });
        seen.add(id);
      }
    }),
  /** Bibliography files beside the essay (`.bib`, `.json` CSL-JSON, `.ris`) whose entries its notes cite by key. */
  bibliography: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(
      z.array(
        z
          .string()
          .trim()
          .regex(/\.(bib|json|ris)$/i, 'must name a .bib, .json (CSL-JSON) or .ris file'),
      ),
    )
    .default([]),
  /** The citation style of the essay's notes and sources: a `.csl` file beside it, or a built-in style's name. */
  csl: z.string().trim().min(1).optional(),
  /** A draft is built nowhere: not listed, no page. */
  draft: z.boolean().default(false),
  /** Overrides the URL slug, which otherwise comes from the file name. */
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens')
    .optional(),
});

/** A source as the schema gives it: dates are Dates. */
export type Source = z.output<typeof sourceSchema>;

/** An essay's frontmatter after checking: dates are Dates, defaults filled in. */
export type EssayData = z.output<typeof essaySchema>;
