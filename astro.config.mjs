// @ts-check
import { defineConfig } from 'astro/config';
import essayPress from 'essay-press';

// This project is Essay Press and its sample site at once: the site is built the way any
// Astro site that uses Essay Press is. Where it is served from (SITE_URL, BASE_PATH) and the
// other options can also be set from the environment: docs/configuration.md.
export default defineConfig({
  integrations: [essayPress({ title: 'Essays' })],
});
