import { basename, extname, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const QUERY = '?classic';

/**
 * `import src from '../scripts/x.ts?classic'`: the URL of x.ts bundled into one minified
 * classic script (an IIFE), for `<script is:inline src={src}>` in <head>. Astro makes every
 * script it processes a module, which runs only once the whole page is parsed, sometimes
 * after it is first drawn; a classic script in <head> runs before the body is parsed. Built,
 * it is a content-hashed file in `_astro/` like Astro's own scripts (cached for a year,
 * precached by the service worker), so the parsing it holds up waits for the network only
 * on a reader's first page; an essay page, where readers arrive from elsewhere, carries its code
 * instead (src/publishing/inline-assets.ts). In `astro dev` the dev server serves it.
 */
export function classicScripts(): Plugin {
  let serving = false;
  const served = new Map<string, string>();
  return {
    name: 'essay-press:classic-script',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async load(id) {
      if (!id.endsWith(QUERY)) return undefined;
      const file = id.slice(0, -QUERY.length);
      const { outputFiles, metafile } = await build({
        entryPoints: [file],
        bundle: true,
        format: 'iife',
        minify: true,
        write: false,
        metafile: true,
        target: 'es2020',
        // Not the project's tsconfig, whose strictness would add "use strict": an IIFE
        // needs no directive, and these scripts are kept as small as they can be.
        tsconfigRaw: {},
      });
      for (const input of Object.keys(metafile.inputs)) this.addWatchFile(resolve(input));
      const code = outputFiles[0]?.text ?? '';
      const name = `${basename(file, extname(file))}.js`;
      if (serving) {
        const url = `/@classic-script/${name}`;
        served.set(url, code);
        return `export default ${JSON.stringify(url)};`;
      }
      const reference = this.emitFile({ type: 'asset', name, source: code });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const code = served.get(request.url ?? '');
        if (code === undefined) return next();
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        response.end(code);
      });
    },
  };
}
