import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { essaySchema } from './lib/essay-schema.ts';
import { settings } from './lib/settings.ts';
import { essaySlug } from './lib/slug.ts';

// Essays live in content/essays/ at the top level, apart from the code, so an author
// never has to open src/. ESSAYS_DIR lets tests build a fixture site instead.
const essays = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: `./${settings().essaysDir}`,
    generateId: ({ entry, data }) => essaySlug(entry, data['slug']),
  }),
  schema: essaySchema,
});

export const collections = { essays };
