/**
 * The builds `npm run bench` times: this site, and generated sites of copies of its first
 * essay, each built `--runs` times from an empty cache, with the medians of their figures.
 */
import { join, relative, resolve } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { acquireBuildLock } from '../lib/build-lock.ts';
import { runBuild, type BuildRun, type Stage } from './build.ts';
import { firstEssayFile, writeEssayCopies } from './essay-copies.ts';
import { formatCount, formatSeconds } from './format.ts';
import type { BenchOptions } from './options.ts';
import { median, medianOfFields } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A site the benchmark builds: this one, or a generated one. */
export interface BuildTarget {
  label: string;
  /** ESSAYS_DIR for the build; undefined: the project's own setting. */
  essaysDir: string | undefined;
  outDir: string;
  cacheRoot: string;
}

/** One site's builds: every run, and their medians. */
export interface BuildFigures {
  site: string;
  essays: number;
  pages: number | undefined;
  runs: BuildRun[];
  median: {
    wallMs: number;
    cpuMs: number;
    peakRssBytes: number;
    childPeakRssBytes: number;
    stages: Partial<Record<Stage, number>>;
  };
  /** The median wall time over the number of essays. */
  msPerEssay: number;
  /** What each essay beyond the smallest site's adds to the median wall time. */
  msPerAddedEssay: number | undefined;
}

/** This site, and each generated site with its essays written into the scratch folder. */
export function prepareTargets(options: BenchOptions, scratch: string): BuildTarget[] {
  const essaysDir = resolveConfig(undefined, process.env, { site: undefined, base: '/' }).config.essaysDir;
  const targets: BuildTarget[] = [
    { label: 'this site', essaysDir: undefined, outDir: join(scratch, 'site', 'dist'), cacheRoot: join(scratch, 'site') },
  ];
  if (options.sizes.length === 0) return targets;
  const first = firstEssayFile(join(ROOT, essaysDir));
  console.log(`Generated sites: copies of ${relative(ROOT, first)}, with distinct titles and a few words changed.`);
  for (const size of options.sizes) {
    const dir = join(scratch, `essays-${size}`);
    writeEssayCopies(first, dir, size);
    targets.push({
      label: `${formatCount(size)} copies`,
      essaysDir: relative(ROOT, dir),
      outDir: join(scratch, `site-${size}`, 'dist'),
      cacheRoot: join(scratch, `site-${size}`),
    });
  }
  return targets;
}

/**
 * Builds every target `runs` times, one build at a time (the project's build lock), the runs
 * interleaved (this site, 100, 1,000, then again) so that a change in the machine's load
 * falls on every site alike. Each build starts from an empty cache, as on a fresh clone.
 */
export async function benchBuilds(targets: BuildTarget[], options: BenchOptions, scratch: string): Promise<BuildFigures[]> {
  const runs = new Map<BuildTarget, BuildRun[]>(targets.map((target) => [target, []]));
  // The first build after a while reads Astro and its dependencies from disk and is slower
  // for it: with several runs, one build of this site goes first and is not counted.
  const warmUp = options.runs > 1 ? [targets[0] as BuildTarget] : [];
  for (const target of warmUp) {
    process.stdout.write(`Warming up: building ${target.label} once, not counted… `);
    const release = acquireBuildLock(ROOT);
    try {
      const result = await runBuild({ root: ROOT, scratch, env: buildEnv(target, join(target.cacheRoot, 'cache-warm-up'), options) });
      console.log(formatSeconds(result.wallMs));
    } finally {
      release();
    }
  }
  for (let run = 1; run <= options.runs; run += 1) {
    for (const target of targets) {
      process.stdout.write(`Building ${target.label}, run ${run} of ${options.runs}… `);
      const cacheDir = join(target.cacheRoot, `cache-${run}`);
      const release = acquireBuildLock(ROOT);
      let result: BuildRun;
      try {
        result = await runBuild({
          root: ROOT,
          scratch,
          env: buildEnv(target, cacheDir, options),
        });
      } finally {
        // The cache stays until the scratch folder goes, when the benchmark ends: the next
        // build, right after thousands of files were deleted, would pay for the deletion too.
        release();
      }
      console.log(`${formatSeconds(result.wallMs)}`);
      runs.get(target)?.push(result);
    }
  }
  const figures = targets.map((target): BuildFigures => {
    const samples = runs.get(target) ?? [];
    const essays = listEssaySlugs(target.outDir).length;
    const wallMs = median(samples.map((sample) => sample.wallMs));
    return {
      site: target.label,
      essays,
      pages: samples[0]?.pages,
      runs: samples,
      median: {
        wallMs,
        cpuMs: median(samples.map((sample) => sample.cpuMs)),
        peakRssBytes: median(samples.map((sample) => sample.peakRssBytes)),
        childPeakRssBytes: median(samples.map((sample) => sample.children.peakRssBytes)),
        stages: medianOfFields(samples.map((sample) => sample.stages)),
      },
      msPerEssay: essays > 0 ? wallMs / essays : Number.NaN,
      msPerAddedEssay: undefined,
    };
  });
  const smallest = [...figures].sort((a, b) => a.essays - b.essays)[0];
  for (const site of figures) {
    if (smallest && site.essays > smallest.essays) {
      site.msPerAddedEssay = (site.median.wallMs - smallest.median.wallMs) / (site.essays - smallest.essays);
    }
  }
  return figures;
}

/** The settings of one build of `target`: its own output and cache folders, its essays, and SITE_URL. */
function buildEnv(target: BuildTarget, cacheDir: string, options: BenchOptions): Record<string, string | undefined> {
  return {
    OUT_DIR: relative(ROOT, target.outDir),
    CACHE_DIR: relative(ROOT, cacheDir),
    SITE_URL: options.siteUrl === '' ? undefined : options.siteUrl,
    ...(target.essaysDir === undefined ? {} : { ESSAYS_DIR: target.essaysDir }),
  };
}
