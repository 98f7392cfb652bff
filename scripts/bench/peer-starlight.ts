/**
 * `npm run bench:peer -- <folder>`: makes the Starlight site that `npm run bench -- --peer
 * <folder>` builds beside ours, from a pinned Starlight and Astro, so a maintainer can make
 * the same peer again. Its astro.config.mjs reads the settings our builds read (ESSAYS_DIR,
 * OUT_DIR, CACHE_DIR, SITE_URL), so the benchmark builds both sites from the same essays in
 * the same way: for each size, copies of our first essay as Starlight pages
 * (scripts/bench/starlight-page.ts). Installs its packages with npm when they are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { firstEssayFile } from './essay-copies.ts';
import { starlightPage } from './starlight-page.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The versions the figures in docs/benchmarks.md were measured with. */
export const PEER_VERSIONS = { '@astrojs/starlight': '0.42.9', astro: '7.4.8', sharp: '0.35.5' } as const;

const CONFIG = `// @ts-check
// Written by Essay Press's scripts/bench/peer-starlight.ts: the settings come from the
// benchmark, as Essay Press's own builds take them.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

const env = process.env;
export default defineConfig({
  ...(env.SITE_URL ? { site: env.SITE_URL } : {}),
  ...(env.OUT_DIR ? { outDir: env.OUT_DIR } : {}),
  ...(env.CACHE_DIR ? { cacheDir: env.CACHE_DIR } : {}),
  integrations: [starlight({ title: 'Essays' })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// The essays folder the benchmark names (ESSAYS_DIR), else src/content/docs as in any Starlight site.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: process.env.ESSAYS_DIR ?? './src/content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
`;

/**
 * Writes the peer project into `dir` (package.json, config, a home page, and `essayFile`, our first
 * essay unless told, as its one page) and installs it unless it is. Its own `npm run build` then
 * makes the page `npm run bench:lighthouse`, `bench:reading` and `npm run bench -- <dir>/dist`
 * measure beside ours; the benchmark's builds read their essays from ESSAYS_DIR instead.
 */
export function createPeer(
  dir: string,
  { install = true, essayFile = firstEssayFile(join(ROOT, 'content', 'essays')) }: { install?: boolean; essayFile?: string } = {},
): void {
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  const pkg = { name: 'peer-starlight', private: true, type: 'module', scripts: { build: 'astro build' }, dependencies: PEER_VERSIONS };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(dir, 'src/content/docs/index.md'), '---\ntitle: Essays\ndescription: The essays.\n---\n\nThe essays.\n');
  const page = `${basename(essayFile, extname(essayFile))}.md`;
  writeFileSync(join(dir, 'src/content/docs', page), starlightPage(readFileSync(essayFile, 'utf8')));
  if (install && !existsSync(join(dir, 'node_modules/astro'))) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npm run bench:peer -- <folder>   (a folder outside this project, such as ../peer-starlight)');
    process.exit(2);
  }
  // npm runs the script in the project's folder; the folder is read from where npm was run.
  const target = resolve(process.env['INIT_CWD'] ?? process.cwd(), dir);
  createPeer(target);
  console.log(`The Starlight peer is in ${target}: npm run bench -- --peer ${dir}`);
  console.log(`Its own build (cd ${dir} && npm run build) makes our first essay its page, for npm run bench:lighthouse.`);
}
