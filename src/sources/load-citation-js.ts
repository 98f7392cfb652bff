/**
 * Citation.js, with the plugins src/sources/ uses, loaded the first time a build needs it rather
 * than when the integration is: its 100 or so modules took 0.1 s of every build's start, and a
 * build that formats no source and reads no bibliography (a rebuild whose essays' checks and
 * citation files are cached) needs none of it. It is CommonJS, so it loads synchronously, as the
 * sync code that calls it expects.
 */
import { createRequire } from 'node:module';
import type * as CitationJs from '@citation-js/core';

const require = createRequire(import.meta.url);

let loaded: typeof CitationJs | undefined;

export function citationJs(): typeof CitationJs {
  if (loaded) return loaded;
  const core = require('@citation-js/core') as typeof CitationJs;
  // Each plugin registers itself with the core when loaded.
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-ris');
  require('@citation-js/plugin-csl');
  loaded = core;
  return core;
}

/** The versions of Citation.js's packages, for what a cache keeps of their output. */
export function citationJsVersions(): string {
  return ['@citation-js/core', '@citation-js/plugin-ris', '@citation-js/plugin-csl']
    .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
    .join(' ');
}
