import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readFrontmatter } from '../authoring/problems.ts';
import { isEssayFile } from '../essay/markup-plugin.ts';
import { startWorker, workersCanStart, type WorkerThread } from '../offline/worker-share.ts';
import { recordedJson } from './essay-data.ts';
import { bibliographyOf, essayInputsDigest, filesNamedBy } from './page-reuse.ts';

/*
 * Each essay's compiled MDX, kept between builds in Astro's cache folder. Astro's MDX
 * integration compiles every essay on every build, and with 500 essays that compile (Sätteri and
 * the essay plugin) was a third of bundling, about 1 s of 3, even in a rebuild that renders one
 * page. An essay whose inputs are unchanged since the last build is handed to Rolldown as it was
 * compiled then. The inputs are those of its page's cache key (src/site/page-reuse.ts: its text,
 * the files it names, what every essay shares) and the compile's settings (the essay plugin's
 * options, the Astro config file, the lockfile). Unlike a page, an essay that imports a component
 * can be reused: the compiled module only names what it imports, which Rolldown still bundles.
 */

/** What the MDX plugin's transform gives Rolldown for one essay: plain data, kept as JSON. */
interface CompiledModule {
  code: string;
  map: unknown;
  meta: unknown;
}

/** How many essays a build compiled, and how many it took as the last build compiled them. */
export interface CompileCounts {
  compiled: number;
  reused: number;
}

/** The name of the plugin by which @astrojs/mdx compiles `.mdx` files (its dist/vite-plugin-mdx.js). */
const MDX_PLUGIN = '@mdx-js/rolldown';

/**
 * Essays a site must have for their records to be made in a worker thread beside the compile:
 * its start-up costs about as much as recording a few essays.
 */
const ESSAYS_PER_RECORDER = 25;
const RECORDER = new URL('./record-essays-worker.ts', import.meta.url);

/** Lockfiles Astro itself hashes for its incremental build (astro/dist/core/build/lockfile/finder.js). */
const LOCKFILES = ['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb'];
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

/**
 * A digest of what every essay's compile depends on besides its own inputs: the essay plugin's
 * options (as JSON: the site's label modules are in the shared inputs by their bytes), the
 * Astro config file (MDX's own options: GFM, smartypants…) and the lockfile (the versions of
 * Astro, its MDX integration and Sätteri).
 */
export function compileSettingsDigest(root: string, markupOptions: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(markupOptions) ?? '');
  const files = [...CONFIG_FILES.map((name) => join(root, name)), ...lockfiles(root)];
  for (const file of files) if (existsSync(file)) hash.update('\0').update(file).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/** The lockfiles of the first folder up from the project's that has any: in a workspace, the workspace's (as Astro finds them). */
function lockfiles(root: string): string[] {
  for (let dir = resolve(root), previous = ''; dir !== previous; previous = dir, dir = dirname(dir)) {
    const found = LOCKFILES.map((name) => join(dir, name)).filter((file) => existsSync(file));
    if (found.length > 0) return found;
  }
  return [];
}

/** The key of an essay's compiled module: its inputs as its page's key counts them, and the compile's settings. */
export function compiledEssayKey({
  settings,
  shared,
  essaysDir,
  essayFile,
  source,
}: {
  settings: string;
  shared: string;
  essaysDir: string;
  essayFile: string;
  source: string;
}): string {
  // Only an essay whose frontmatter names a bibliography or a style has its YAML parsed here.
  const frontmatter = /^---\r?\n[\s\S]*?\b(?:bibliography|csl)\b/.test(source) ? readFrontmatter(source) : {};
  const named = filesNamedBy(source, bibliographyOf(frontmatter));
  const inputs = essayInputsDigest({ shared, path: relative(essaysDir, essayFile), essayFile, source, named });
  return createHash('sha256').update(settings).update('\0').update(inputs).digest('hex');
}

/**
 * The cache folder's entries: one file per essay, named by a digest of its path, that holds a
 * line of JSON (the key, the source map, Astro's metadata) and then the compiled code as it is,
 * which spares escaping and parsing the code as a JSON string.
 */
export class CompiledEssayStore {
  readonly #dir: string;
  readonly #used = new Set<string>();
  readonly #pending = new Map<string, CompiledModule & { key: string }>();
  #writing: Promise<void> = Promise.resolve();
  #draining = false;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The cache file of an essay's compiled module, or of its recorded data. */
  file(essayFile: string): string {
    return join(this.#dir, `${createHash('sha256').update(essayFile).digest('hex').slice(0, 32)}.mdx.js`);
  }

  /** The module compiled under this key in an earlier build, if any. */
  get(essayFile: string, key: string): CompiledModule | undefined {
    const file = this.file(essayFile);
    this.#used.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const lineEnd = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, lineEnd)) as { key: string; map: unknown; meta: unknown };
      return header.key === key ? { code: text.slice(lineEnd + 1), map: header.map, meta: header.meta } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps a module for the next build. It is written in the background, one file at a time
   * (each whole or not at all), from the first compiled essay on, and let go once written. Held
   * until every essay was compiled, all of them were still in memory when Rolldown made its
   * chunks, where a build's memory peaks: at 1,000 essays 21 million characters (two bytes each:
   * the essays' curly quotes), against 9 million now. Written all at once, each write's copy of
   * its text raised that peak instead.
   */
  set(essayFile: string, key: string, compiled: CompiledModule): void {
    const file = this.file(essayFile);
    this.#used.add(file);
    this.#pending.set(file, { key, ...compiled });
    if (!this.#draining) this.#writing = this.#drain();
  }

  /** Once every entry set so far is written. */
  written(): Promise<void> {
    return this.#writing;
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    await mkdir(this.#dir, { recursive: true }).catch(() => undefined);
    for (let next = first(this.#pending); next; next = first(this.#pending)) {
      const [file, { key, code, map, meta }] = next;
      this.#pending.delete(file);
      const partial = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(partial, `${JSON.stringify({ key, map: map ?? null, meta: meta ?? null })}\n${code}`);
        await rename(partial, file);
      } catch {
        // A module that could not be kept is compiled again next time; the build goes on.
        await rm(partial, { force: true }).catch(() => undefined);
      }
    }
    this.#draining = false;
  }

  /**
   * Once the pages are made: waits for the writes, then removes the entries
   * of essays this build neither compiled nor reused (deleted or renamed ones).
   */
  async flush(): Promise<void> {
    await this.#writing;
    if (this.#used.size === 0) return;
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(this.#dir, name);
      if (!this.#used.has(file)) rmSync(file, { force: true });
    }
  }
}

/** The first entry of a map, in the order it was set. */
function first<K, V>(map: Map<K, V>): [K, V] | undefined {
  for (const entry of map) return entry;
  return undefined;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<unknown> | unknown;

/**
 * A Vite plugin that puts the cache in front of @astrojs/mdx's compile of each essay, for
 * `astro build` only (in `astro dev` the compile also runs the essay checks on each save).
 * `reuse: false` (`astro build --force`) compiles every essay again and refills the cache.
 * Where @astrojs/mdx's plugin is not found as expected, every essay is compiled as before.
 */
export function compiledEssays({
  essaysDir,
  cacheDir,
  settings,
  shared,
  reuse,
}: {
  essaysDir: string;
  cacheDir: string;
  settings: string;
  shared: string;
  reuse: boolean;
}): {
  plugin: Plugin;
  counts: CompileCounts;
  reused: ReadonlySet<string>;
  record: (essayFiles: Iterable<string>) => Promise<void>;
  recorded: ReadonlyMap<string, string>;
  flush: () => Promise<void>;
} {
  const counts: CompileCounts = { compiled: 0, reused: 0 };
  // The essay files given as compiled last time: their pages are the last build's, unless what Astro adds changed.
  const reused = new Set<string>();
  const store = new CompiledEssayStore(cacheDir);
  // Beside it, each essay's recorded tree (src/site/essay-data.ts), by the same key.
  const dataStore = new CompiledEssayStore(join(dirname(cacheDir), 'essay-data'));
  // The essays rendered from their recorded data, and each one's data file: Rolldown is not given their modules.
  const recorded = new Map<string, string>();
  let mdxCompile: TransformHandler | undefined;
  const wrapped = new WeakSet<object>();
  const plugin: Plugin = {
    name: 'essay-press:compiled-essays',
    configResolved(resolved) {
      const mdx = resolved.plugins.find((candidate) => candidate.name === MDX_PLUGIN);
      const transform = mdx?.transform;
      // Astro resolves Vite's config more than once, with the same plugins: wrapped once.
      if (!transform || typeof transform !== 'object' || typeof transform.handler !== 'function' || wrapped.has(transform)) return;
      wrapped.add(transform);
      const compile = transform.handler as unknown as TransformHandler;
      mdxCompile = compile;
      const cached: TransformHandler = async function (this: unknown, code, id, ...rest) {
        if (!isEssayFile(essaysDir, id)) return compile.call(this, code, id, ...rest);
        const key = compiledEssayKey({ settings, shared, essaysDir, essayFile: id, source: code });
        const kept = reuse ? store.get(id, key) : undefined;
        if (kept) {
          counts.reused += 1;
          reused.add(id);
          return kept;
        }
        const result = (await compile.call(this, code, id, ...rest)) as CompiledModule | null | undefined;
        counts.compiled += 1;
        if (typeof result?.code === 'string') store.set(id, key, result);
        return result;
      };
      (transform as { handler: TransformHandler }).handler = cached;
    },
  };
  const keep = (essayFile: string, key: string, data: string | undefined) => {
    if (data === undefined) return;
    dataStore.set(essayFile, key, { code: data, map: null, meta: null });
    counts.compiled += 1;
    recorded.set(essayFile, dataStore.file(essayFile));
  };
  /**
   * Before Astro bundles: each essay's tree, recorded from its compiled module or taken from the
   * last build's record while its key holds. An essay that is not recorded (it imports, its compile
   * fails, or the thread recording it failed) is left to Rolldown as its module, which compiles it,
   * and reports what stops it, as it does any module's. `essayFiles`: every essay's file, as the
   * essay checks found them.
   */
  const record = async (essayFiles: Iterable<string>): Promise<void> => {
    if (!mdxCompile) return;
    const files = [...essayFiles];
    // On a site large enough, a second thread records each essay while this one compiles the next.
    const recorder = workersCanStart() && files.length >= ESSAYS_PER_RECORDER ? startWorker(RECORDER, null) : undefined;
    const keys = new Map<string, string>();
    try {
      for (const essayFile of files) {
        const source = readFileSync(essayFile, 'utf8');
        const key = compiledEssayKey({ settings, shared, essaysDir, essayFile, source });
        if (reuse && dataStore.get(essayFile, key)) {
          counts.reused += 1;
          reused.add(essayFile);
          recorded.set(essayFile, dataStore.file(essayFile));
          continue;
        }
        let code: string;
        try {
          code = ((await mdxCompile.call(undefined, source, essayFile)) as CompiledModule).code;
        } catch {
          continue;
        }
        keys.set(essayFile, key);
        if (recorder) recorder.post({ essayFile, code });
        else keep(essayFile, key, recordedJson(code));
      }
      for (let answers = recorder ? keys.size : 0; answers > 0; answers -= 1) {
        const answer = await (recorder as WorkerThread).next<{ essayFile: string; data: string | undefined }>().catch(() => undefined);
        // A recorder that stopped leaves the essays it had not answered for to Rolldown.
        if (!answer) break;
        keep(answer.essayFile, keys.get(answer.essayFile) as string, answer.data);
      }
    } finally {
      recorder?.stop();
    }
    // The pages read the records as they render.
    await dataStore.written();
  };
  return {
    plugin,
    counts,
    reused,
    record,
    recorded,
    flush: async () => Promise.all([store.flush(), dataStore.flush()]).then(() => undefined),
  };
}

/** The build's line on the compile: how many essays were compiled, and how many were reused. */
export function compileSummary({ compiled, reused }: CompileCounts): string {
  return `Essays compiled: ${compiled} of ${compiled + reused} (${reused} unchanged since the last build, compiled then).`;
}
