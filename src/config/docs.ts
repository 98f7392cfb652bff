import { ENVIRONMENT } from './environment.ts';
import { describeOptions } from './options.ts';

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * docs/configuration.md, made from the options schema and the environment's overrides:
 * `npm run docs:config` writes it, and a test fails when the file and this differ.
 */
export function configurationDoc(): string {
  const options = describeOptions().map(
    ({ name, doc, default: fallback }) =>
      `| \`${name}\` | ${cell(fallback === '(none)' ? fallback : `\`${fallback}\``)} | ${cell(`\`${doc.example}\``)} | ${cell(doc.description)} |`,
  );
  const variables = ENVIRONMENT.map(({ variable, overrides, example }) => {
    const target = 'option' in overrides ? `the \`${overrides.option}\` option` : `Astro's \`${overrides.astro}\``;
    return `| \`${variable}\` | ${target} | \`${example}\` |`;
  });
  return [
    '# Configuration',
    '',
    '<!-- Generated from src/config/options.ts and src/config/environment.ts by `npm run docs:config`. Do not edit by hand: a test compares this file with them. -->',
    '',
    'Essay Press is one line in `astro.config.mjs`. Every option may be left out:',
    '',
    '```js',
    "import { defineConfig } from 'astro/config';",
    "import essayPress from 'essay-press';",
    '',
    'export default defineConfig({',
    "  site: 'https://essays.example', // canonical URLs, the feed, the sitemap and social cards",
    "  base: '/', // a sub-path such as '/reading-room/' for a host that serves from a folder",
    "  integrations: [essayPress({ title: 'Field Notes', lang: 'en' })],",
    '});',
    '```',
    '',
    'A bad option stops the build before anything is written, with every problem at once and a value that works for each.',
    '',
    '## Options',
    '',
    '| option | default | example | what it does |',
    '| --- | --- | --- | --- |',
    ...options,
    '',
    "Where the site is served from is Astro's own `site` and `base`; where it is written, Astro's `outDir` (`dist/`).",
    '',
    '## Environment variables',
    '',
    "Each overrides an option or one of Astro's settings for one build, so one project builds for every host without editing its config: `BASE_PATH=/essays/ SITE_URL=https://example.org npm run build`. `1` or `true` turns a switch on, `0` or `false` off; an empty variable counts as unset.",
    '',
    '| variable | overrides | example |',
    '| --- | --- | --- |',
    ...variables,
    '',
  ].join('\n');
}
