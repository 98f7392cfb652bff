import { z } from 'astro/zod';

/** A BCP 47 language tag such as `en`, `fr-CA` or `zh-Hant`: the page's `<html lang>`. */
const languageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en" or "fr-CA"');

/**
 * The frontmatter of an essay. Dates are checked strictly before this runs
 * (see `essay-checks.ts`), because YAML quietly turns 2025-02-30 into March 2.
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
  published: z.coerce.date().optional(),
  /** Last substantial revision, YYYY-MM-DD. */
  updated: z.coerce.date().optional(),
  /** A draft is built nowhere: not listed, no page. */
  draft: z.boolean().default(false),
  /** Overrides the URL slug, which otherwise comes from the file name. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens').optional(),
});

export type EssayData = z.infer<typeof essaySchema>;
