/**
 * How a project's `npm run build` starts Node, read from its package.json, so that the
 * benchmark runs each build as that command does, with its probe loaded beside it (pure:
 * tests/scripts/bench/build-script.test.ts). Two forms are understood: `astro build`, and
 * `node <options> node_modules/astro/bin/astro.mjs build`, whose options (such as V8's
 * `--max-semi-space-size`) change how fast the same build runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ASTRO_BUILD = /^astro build$/;
const NODE_ASTRO_BUILD = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+(?:\.\/)?node_modules\/astro\/bin\/astro\.mjs build$/;

/** The Node options of a `build` script; throws, naming the forms it reads, for any other. */
export function buildNodeOptions(script: string | undefined): string[] {
  const command = (script ?? '').trim();
  if (ASTRO_BUILD.test(command)) return [];
  const node = NODE_ASTRO_BUILD.exec(command);
  if (node) return (node[1] ?? '').trim().split(/\s+/).filter(Boolean);
  throw new Error(
    `The build script "${command}" is neither "astro build" nor "node [--options] node_modules/astro/bin/astro.mjs build": the benchmark cannot run it as npm run build does.`,
  );
}

/** The Node options of the `build` script in `root`'s package.json. */
export function projectBuildNodeOptions(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return buildNodeOptions(manifest.scripts?.['build']);
}
