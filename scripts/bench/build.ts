/**
 * The build part of the benchmark: runs the real build (`astro build`, what `npm run
 * build` runs) in a child process, and measures its wall time, CPU time, peak memory and the
 * time of each of its stages.
 *
 * Where each figure comes from:
 * - wall time: from the spawn to the exit of the build process (npm's own start-up is left out);
 * - CPU time and peak memory of the build's Node process: `process.resourceUsage()` in the
 *   process itself, written at exit by scripts/bench/build-probe.ts (loaded with `--import`);
 *   its child processes (Pagefind, esbuild) are sampled from /proc on Linux (process-tree.ts);
 * - Astro's stages: Astro's own timer (ASTRO_TIMER_PATH, which Astro reads to write the
 *   durations of its content sync, its Vite builds and its page generation as JSON);
 * - the essay checks: their `performance.measure` in src/authoring/checks-step.ts;
 * - the steps after Astro: the time each of the build's own lines arrives (the build prints
 *   one as each step ends: "Pages: …", "Offline downloads: …", "Search index: …").
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProbeReport } from './build-probe.ts';
import { projectBuildNodeOptions } from './build-script.ts';
import { sampleDescendants, type ChildProcessUse } from './process-tree.ts';

/** The stages a build's time is divided into, in the order they run. */
export const STAGES = [
  'startup',
  'checks',
  'astroSetup',
  'contentSync',
  'bundling',
  'rendering',
  'downloads',
  'socialCards',
  'searchIndex',
  'essayPages',
  'serviceWorker',
  'feed',
  'rest',
] as const;

export type Stage = (typeof STAGES)[number];

/** What each stage is, for the report. */
export const STAGE_MEANINGS: Record<Stage, string> = {
  startup: 'Node starts, loads Astro and the config, until Astro begins',
  checks: 'the essay checks (src/authoring/checks-step.ts)',
  astroSetup: "the rest of Astro's set-up: integrations, routes, Vite's servers, types",
  contentSync: "Astro's content layer sync (reading the essays)",
  bundling: "Astro's Vite/Rolldown builds (server and client bundles, MDX compiled)",
  rendering: "Astro's page generation (every page rendered to HTML)",
  downloads: 'the EPUB and single-file HTML of each essay, once Astro has rendered (a worker makes most while it renders)',
  socialCards: 'the social card of each essay (with SITE_URL)',
  searchIndex: 'Pagefind indexing the pages',
  essayPages: 'each essay page finished in one write: its download sizes, its stylesheets (as far as it uses them) and classic script',
  serviceWorker: 'the service worker and its precache list',
  feed: 'the feed of the newest essays in full (with SITE_URL)',
  rest: "the host's files, publishing the folder, and exiting",
};

/** The build's own lines that end a step, in the order the build prints them. */
const STEP_LINES: Array<{ stage: Stage; line: RegExp }> = [
  { stage: 'downloads', line: /^Offline downloads:/ },
  { stage: 'socialCards', line: /^Social cards:/ },
  { stage: 'searchIndex', line: /^Search index:/ },
  { stage: 'essayPages', line: /^Essay pages:/ },
  { stage: 'serviceWorker', line: /^Offline reading:/ },
  { stage: 'feed', line: /^Feed:/ },
];

/** The line the build prints when Astro has rendered the pages, before the build's own steps. */
const ASTRO_DONE = /^Pages: (\d+) built/;

/**
 * Astro's last line. Since Astro 7.4 its "Total build" ends here, after the integrations'
 * `astro:build:done` (the build's own steps) rather than before them: the total then started
 * this long before this line.
 */
const ASTRO_FINISHED = /^\d+ page\(s\) built in /;

/** A line of the build's output, with the milliseconds since the build was started. */
export interface TimedLine {
  at: number;
  text: string;
}

/** Astro's timer file: each scope's elapsed milliseconds. */
export type AstroTimerStats = Record<string, { elapsedTime: number } | undefined>;

/**
 * The time of each stage of one build, in milliseconds. A stage the build did not report is
 * left out (social cards without SITE_URL), and its time falls into the next stage reported.
 */
export function buildStages(
  lines: readonly TimedLine[],
  wallMs: number,
  astro: AstroTimerStats,
  measures: ReadonlyArray<{ name: string; duration: number }>,
): Partial<Record<Stage, number>> {
  const stages: Partial<Record<Stage, number>> = {};
  const astroDone = lines.find((line) => ASTRO_DONE.test(line.text))?.at;
  const elapsed = (name: string) => astro[name]?.elapsedTime;
  const total = elapsed('Total build');
  const sum = (...values: Array<number | undefined>) =>
    values.some((value) => value !== undefined) ? values.reduce<number>((all, value) => all + (value ?? 0), 0) : undefined;
  const checks = measures.find((measure) => measure.name === 'essay checks')?.duration;
  const contentSync = elapsed('Sync content layer');
  const bundling = sum(elapsed('Prerender build'), elapsed('SSR build'), elapsed('Client build'));
  const rendering = sum(elapsed('Static generate'), elapsed('Server generate'));
  if (astroDone !== undefined && total !== undefined) {
    const finished = lines.find((line) => ASTRO_FINISHED.test(line.text))?.at;
    const totalStart = finished !== undefined && finished >= astroDone ? finished - total : astroDone - total;
    stages.startup = totalStart;
    stages.astroSetup = astroDone - totalStart - (checks ?? 0) - (contentSync ?? 0) - (bundling ?? 0) - (rendering ?? 0);
  }
  if (checks !== undefined) stages.checks = checks;
  if (contentSync !== undefined) stages.contentSync = contentSync;
  if (bundling !== undefined) stages.bundling = bundling;
  if (rendering !== undefined) stages.rendering = rendering;
  let previous = astroDone;
  for (const { stage, line } of STEP_LINES) {
    const at = lines.find((candidate) => line.test(candidate.text))?.at;
    if (at === undefined) continue;
    if (previous !== undefined) stages[stage] = at - previous;
    previous = at;
  }
  const counted = STAGES.filter((stage) => stage !== 'rest').reduce((all, stage) => all + (stages[stage] ?? 0), 0);
  // Without Astro's figures the stages cannot account for the whole build: no rest then.
  if (astroDone !== undefined && total !== undefined) stages.rest = wallMs - counted;
  return stages;
}

/** One build, measured. */
export interface BuildRun {
  wallMs: number;
  /** User plus system CPU time of the build process and its children. */
  cpuMs: number;
  /** Peak resident memory of the build's Node process. */
  peakRssBytes: number;
  /** Child processes of the build (Pagefind, esbuild): their CPU time and the largest one's peak memory (Linux only). */
  children: { cpuMs: number; peakRssBytes: number; processes: Array<{ name: string; cpuMs: number; peakRssBytes: number }> };
  stages: Partial<Record<Stage, number>>;
  /** Pages Astro built, from the build's "Pages: N built" line. */
  pages: number | undefined;
}

export interface BuildOptions {
  root: string;
  /** Settings for the build (OUT_DIR, CACHE_DIR, ESSAYS_DIR, SITE_URL…); `undefined` removes a variable. */
  env: Record<string, string | undefined>;
  /** A folder for the probe's and Astro's timer files. */
  scratch: string;
}

/** Runs `astro build` once, as `npm run build` does (with its Node options); rejects with the end of its log when it fails. */
export async function runBuild({ root, env, scratch }: BuildOptions): Promise<BuildRun> {
  const probeFile = join(scratch, `probe-${process.pid}-${Date.now()}.json`);
  const timerFile = join(scratch, `astro-timer-${process.pid}-${Date.now()}.json`);
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, NO_COLOR: '1', ...env, BENCH_PROBE: probeFile, ASTRO_TIMER_PATH: timerFile }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const probe = pathToFileURL(join(import.meta.dirname, 'build-probe.ts')).href;
  // The Node options `npm run build` gives the build (this project's young-generation size).
  const nodeOptions = projectBuildNodeOptions(root);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, '--import', probe, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleDescendants(child.pid ?? -1);
  const lines: TimedLine[] = [];
  const log: string[] = [];
  const collect = (stream: NodeJS.ReadableStream, timed: boolean) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - started;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) {
        log.push(text);
        // Without the time and the integration's name the logger puts before each line.
        if (timed) lines.push({ at, text: text.replace(/^\d\d:\d\d:\d\d \[[\w:-]+\] /, '') });
      }
    });
  };
  collect(child.stdout, true);
  collect(child.stderr, false);
  const [code, wallMs] = await new Promise<[number | null, number]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve([exitCode, performance.now() - started]));
  });
  const children = sampler.stop();
  if (code !== 0) throw new Error(`The build failed (exit code ${code}). The end of its log:\n${log.slice(-30).join('\n')}`);
  if (!existsSync(probeFile)) throw new Error('The build exited without its probe report: was it stopped by a signal?');
  const report = JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeReport;
  const astro = existsSync(timerFile) ? (JSON.parse(readFileSync(timerFile, 'utf8')) as AstroTimerStats) : {};
  const childCpuMs = children.reduce((all, use) => all + use.cpuMs, 0);
  const pages = lines.map((line) => ASTRO_DONE.exec(line.text)?.[1]).find((count) => count !== undefined);
  return {
    wallMs,
    cpuMs: (report.usage.userCPUTime + report.usage.systemCPUTime) / 1000 + childCpuMs,
    // resourceUsage() gives maxRSS in KiB.
    peakRssBytes: report.usage.maxRSS * 1024,
    children: {
      cpuMs: childCpuMs,
      peakRssBytes: Math.max(0, ...children.map((use) => use.peakRssBytes)),
      processes: children.map(({ name, cpuMs, peakRssBytes }: ChildProcessUse) => ({ name, cpuMs, peakRssBytes })),
    },
    stages: buildStages(lines, wallMs, astro, report.measures),
    pages: pages === undefined ? undefined : Number(pages),
  };
}
