/**
 * `npm run bench -- --peer <folder>`: our build beside a peer's (a Starlight site made by
 * scripts/bench/peer-starlight.ts), from the same essays: for each size, copies of our first
 * essay, as MDX for ours and as the same text in Markdown for the peer. Rows: a cold build of
 * each size, and a rebuild of the largest size up to 500 after one essay is edited (each
 * site's cache kept from its cold build). Builds run in pairs, so a change in the machine's load
 * falls on both; each ratio is the median of the pairs' ratios. Which site goes first changes
 * with each run, and no built site is deleted before the benchmark ends (docs/benchmarks.md says why).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.ts';
import { acquireBuildLock } from '../lib/build-lock.ts';
import { runBuild, STAGES, type BuildRun, type Stage } from './build.ts';
import { essayCopy, firstEssayFile, writeEssayCopies } from './essay-copies.ts';
import { formatBytes, formatCount, formatRatio, formatSeconds, formatTable, type Column } from './format.ts';
import type { BenchOptions } from './options.ts';
import { starlightPage } from './starlight-page.ts';
import { median, medianOfFields, pairedRatio } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** One row: a build of both sites, every pair of runs, and the medians. */
export interface PeerRow {
  row: string;
  essays: number;
  rebuild: boolean;
  ours: BuildRun[];
  peer: BuildRun[];
  median: {
    ours: { wallMs: number; peakRssBytes: number; childPeakRssBytes: number; stages: Partial<Record<Stage, number>> };
    peer: { wallMs: number; peakRssBytes: number; childPeakRssBytes: number };
    /** Ours over the peer's, the median of the runs' ratios. */
    wallRatio: number;
    peakRatio: number;
  };
}

/** The words a rebuild adds to the essay it edits, at the end of its last paragraph. */
const EDIT = ' One sentence added for the rebuild.';

/** `source` with one sentence added to its last line of text: an edit an author makes. */
export function editedEssay(source: string): string {
  const lines = source.trimEnd().split('\n');
  const last = lines.findLastIndex((line) => /^[\p{L}“‘"']/u.test(line));
  if (last < 0) throw new Error('The essay has no paragraph to edit.');
  lines[last] = `${lines[last]}${EDIT}`;
  return `${lines.join('\n')}\n`;
}

/** The size whose rebuild is measured: 500 essays when built, else the largest size up to it, else the smallest. */
export function rebuildSize(sizes: readonly number[]): number | undefined {
  const upTo = sizes.filter((size) => size <= 500);
  return upTo.length > 0 ? Math.max(...upTo) : sizes.length > 0 ? Math.min(...sizes) : undefined;
}

/**
 * Which site builds first in run `run` (from 1): ours in odd runs, the peer's in even ones. What
 * one build deletes slows the file creation of the build after it (docs/benchmarks.md), so
 * neither site always follows the other.
 */
export function firstInPair(run: number): 'ours' | 'peer' {
  return run % 2 === 1 ? 'ours' : 'peer';
}

interface Site {
  /** The project folder `astro build` runs in. */
  root: string;
  essaysDir: string;
  files: string[];
}

/** The built sites of the smallest size, from the last run: their page and search are measured too. */
export interface PeerSites {
  ours: string;
  peer: string;
}

/**
 * Builds ours and the peer at every size, and the rebuild, `options.runs` times; prints and
 * returns the rows, and the folders of the last run's smallest sites, kept for the browser.
 */
export async function benchBesidePeer(
  peerDir: string,
  options: BenchOptions,
  scratch: string,
): Promise<{ rows: PeerRow[]; sites: PeerSites | undefined }> {
  const essaysDir = resolveConfig(undefined, process.env, { site: undefined, base: '/' }).config.essaysDir;
  const first = firstEssayFile(join(ROOT, essaysDir));
  console.log(`Beside ${peerDir}: copies of ${relative(ROOT, first)}, as MDX for ours and Markdown for the peer.`);
  const source = readFileSync(first, 'utf8');
  const sites = new Map<number, { ours: Site; peer: Site }>();
  for (const size of options.sizes) {
    const ours = join(scratch, `essays-${size}`);
    const peer = join(scratch, `peer-essays-${size}`);
    const oursFiles = writeEssayCopies(first, ours, size);
    // The peer's pages are the same copies, converted: the same titles and changed words.
    const peerFiles = writeEssayCopies(first, peer, size).map((file, index) => {
      const page = file.replace(/\.mdx$/, '.md');
      rmSync(file);
      writeFileSync(page, starlightPage(essayCopy(source, index + 1)));
      return page;
    });
    // Ours reads ESSAYS_DIR from the project's folder.
    sites.set(size, {
      ours: { root: ROOT, essaysDir: relative(ROOT, ours), files: oursFiles },
      peer: { root: peerDir, essaysDir: peer, files: peerFiles },
    });
  }
  const rebuildAt = rebuildSize(options.sizes);
  const smallestSize = Math.min(...options.sizes);
  let kept: PeerSites | undefined;
  const rows: PeerRow[] = [];
  const row = (name: string, essays: number, rebuild: boolean) => {
    const found = rows.find((candidate) => candidate.row === name);
    if (found) return found;
    const made = { row: name, essays, rebuild, ours: [], peer: [] } as unknown as PeerRow;
    rows.push(made);
    return made;
  };
  const build = async (site: Site, label: string, cacheDir: string) => {
    process.stdout.write(`${label}… `);
    const release = acquireBuildLock(ROOT);
    try {
      const result = await runBuild({
        root: site.root,
        scratch,
        env: {
          ESSAYS_DIR: site.essaysDir,
          OUT_DIR: join(dirname(cacheDir), 'dist'),
          CACHE_DIR: cacheDir,
          SITE_URL: options.siteUrl === '' ? undefined : options.siteUrl,
        },
      });
      console.log(formatSeconds(result.wallMs));
      return result;
    } finally {
      release();
    }
  };
  if (options.runs > 1) {
    const smallest = sites.get(Math.min(...options.sizes));
    if (smallest) {
      console.log('Warming up: one build of each site, not counted.');
      await build(smallest.ours, '  ours', join(scratch, 'ours-warm', 'cache'));
      await build(smallest.peer, '  peer', join(scratch, 'peer-warm', 'cache'));
    }
  }
  for (let run = 1; run <= options.runs; run += 1) {
    for (const size of options.sizes) {
      const pair = sites.get(size);
      if (!pair) continue;
      const name = `build ${formatCount(size)} essay${size === 1 ? '' : 's'}`;
      const caches = { ours: join(scratch, `ours-${size}-${run}`, 'cache'), peer: join(scratch, `peer-${size}-${run}`, 'cache') };
      const order = firstInPair(run) === 'ours' ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const);
      const cold = row(name, size, false);
      for (const site of order) cold[site].push(await build(pair[site], `${name}, ${site}, run ${run}`, caches[site]));
      if (size === rebuildAt) {
        // One essay edited in each site, then both rebuilt on the caches of their cold builds.
        const edited = [pair.ours.files[0], pair.peer.files[0]].filter((file) => file !== undefined);
        const before = edited.map((file) => readFileSync(file, 'utf8'));
        edited.forEach((file, index) => writeFileSync(file, editedEssay(before[index] ?? '')));
        try {
          const again = row(`rebuild ${formatCount(size)} after one edit`, size, true);
          for (const site of order) again[site].push(await build(pair[site], `rebuild ${size}, ${site}, run ${run}`, caches[site]));
        } finally {
          edited.forEach((file, index) => writeFileSync(file, before[index] ?? ''));
        }
      }
      // The rebuild of this size, if any, changed one essay: the sites kept are its.
      if (size === smallestSize && run === options.runs)
        kept = { ours: join(dirname(caches.ours), 'dist'), peer: join(dirname(caches.peer), 'dist') };
      // Not deleted here: a cold build that came right after thousands of files were deleted
      // paid for the deletion too. They go with the scratch folder when the benchmark ends.
    }
  }
  for (const found of rows) {
    const figures = (runs: BuildRun[]) => ({
      wallMs: median(runs.map((run) => run.wallMs)),
      peakRssBytes: median(runs.map((run) => run.peakRssBytes)),
      childPeakRssBytes: median(runs.map((run) => run.children.peakRssBytes)),
    });
    found.median = {
      ours: { ...figures(found.ours), stages: medianOfFields(found.ours.map((run) => run.stages)) },
      peer: figures(found.peer),
      wallRatio: pairedRatio(
        found.ours.map((run) => run.wallMs),
        found.peer.map((run) => run.wallMs),
      ),
      peakRatio: pairedRatio(
        found.ours.map((run) => run.peakRssBytes),
        found.peer.map((run) => run.peakRssBytes),
      ),
    };
  }
  printPeerRows(rows, peerDir, options);
  return { rows, sites: kept };
}

/** The rows, ours beside the peer's, then our stages in each. */
function printPeerRows(rows: readonly PeerRow[], peerDir: string, options: BenchOptions): void {
  const runs = options.runs === 1 ? '1 run (no median)' : `median of ${options.runs} runs, ratios the median of the pairs'`;
  console.log(
    `\nBuild beside ${peerDir}: astro build in each, ${runs}, ${options.siteUrl ? `SITE_URL=${options.siteUrl}` : 'no SITE_URL'}`,
  );
  const right = (header: string): Column => ({ header, align: 'right' });
  const ratio = (value: number) => formatRatio(value, 2);
  console.log(
    formatTable(
      [
        { header: 'row' },
        right('ours wall'),
        right('peer wall'),
        right('ratio'),
        right('ours peak'),
        right('peer peak'),
        right('ratio'),
        right('ours child'),
        right('peer child'),
      ],
      rows.map((row) => [
        row.row,
        formatSeconds(row.median.ours.wallMs),
        formatSeconds(row.median.peer.wallMs),
        ratio(row.median.wallRatio),
        formatBytes(row.median.ours.peakRssBytes),
        formatBytes(row.median.peer.peakRssBytes),
        ratio(row.median.peakRatio),
        formatBytes(row.median.ours.childPeakRssBytes),
        formatBytes(row.median.peer.childPeakRssBytes),
      ]),
    ),
  );
  console.log(
    "peak: the build's Node process (resident memory); child: the largest child process (Pagefind's indexer, esbuild), sampled. A rebuild keeps the cache of the cold build before it.",
  );
  console.log(`\nOur stages in each row, seconds`);
  console.log(
    formatTable(
      [{ header: 'row' }, ...STAGES.map((stage) => right(stage))],
      rows.map((row) => [row.row, ...STAGES.map((stage) => formatSeconds(row.median.ours.stages[stage]).replace(' s', ''))]),
    ),
  );
}
