/**
 * `npm run bench`: the project's figures, not a test. Builds this site and generated sites of
 * 100 and 1,000 essays (timing each build and its stages), weighs an essay page in Chromium,
 * and times search; prints tables and writes the same figures to reports/bench.json.
 * `npm run bench -- <dir>` measures another built site (page weight and search only).
 * `npm run bench -- --help` lists the options. See "Benchmark" in the README.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.ts';
import { printBuild } from './build-report.ts';
import { benchBuilds, prepareTargets, type BuildFigures } from './build-sites.ts';
import { benchBesidePeer, type PeerRow } from './peer-builds.ts';
import { formatBytes } from './format.ts';
import { machine } from './machine.ts';
import { parseBenchOptions, USAGE, type BenchOptions } from './options.ts';
import { printSites } from './site-report.ts';
import { benchInBrowser, type MeasuredSite, type SiteFigures } from './site-measures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the parts of the benchmark `options` asks for, prints them and writes reports/bench.json; 1 when a part failed. */
async function main(options: BenchOptions): Promise<number> {
  const started = new Date();
  const report = {
    date: started.toISOString(),
    machine: machine(),
    options: { ...options, help: undefined },
    build: [] as BuildFigures[],
    peer: [] as PeerRow[],
    browser: undefined as string | undefined,
    sites: [] as SiteFigures[],
  };
  console.log(`Essay Press benchmark, ${report.date.slice(0, 16).replace('T', ' ')} UTC`);
  console.log(
    `${report.machine.commit}; Node ${process.versions.node}; ${report.machine.cpus} × ${report.machine.cpuModel}; ${formatBytes(report.machine.memoryBytes)}; load ${report.machine.loadAverage.map((load) => load.toFixed(2)).join(' ')}`,
  );

  let measured: MeasuredSite[];
  const scratch = mkdtempSync(join(ROOT, '.tmp', 'bench-'));
  try {
    if (options.peer !== undefined) {
      const peerDir = resolve(process.env['INIT_CWD'] ?? process.cwd(), options.peer);
      if (!existsSync(join(peerDir, 'node_modules/astro'))) {
        throw new Error(`${peerDir} is not an installed Astro project: make it with npm run bench:peer -- ${options.peer}`);
      }
      const { rows, sites } = await benchBesidePeer(peerDir, options, scratch);
      report.peer = rows;
      // The page and search of the smallest sites just built, ours beside the peer's, both at the root.
      measured = sites
        ? [
            { label: 'ours', dir: sites.ours, base: '/' },
            { label: 'peer', dir: sites.peer, base: '/' },
          ]
        : [];
    } else if (options.parts.includes('build')) {
      const base = resolveConfig(undefined, process.env, { site: undefined, base: '/' }).config.base;
      const targets = prepareTargets(options, scratch);
      report.build = await benchBuilds(targets, options, scratch);
      printBuild(report.build, options);
      measured = targets.map((target) => ({ label: target.label, dir: target.outDir, base }));
    } else {
      // npm runs the script in the project's folder; a relative dir is read from where npm was run.
      const dir = options.siteDir === undefined ? join(ROOT, 'dist') : resolve(process.env['INIT_CWD'] ?? process.cwd(), options.siteDir);
      if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the site first (npm run build), or give a built site's folder.`);
      measured = [
        {
          label: options.siteDir ?? 'dist/',
          dir,
          base: options.base ?? process.env['BASE_PATH'] ?? '/',
        },
      ];
    }
    if (options.parts.includes('page') || options.parts.includes('search')) {
      ({ browser: report.browser, sites: report.sites } = await benchInBrowser(measured, options));
      printSites(report.sites, options);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  // Relative to the project, where npm runs the script.
  const json = resolve(ROOT, options.json);
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nThe figures are in ${relative(process.cwd(), json)}.`);
  const errors = report.sites.flatMap((site) => site.errors.map((error) => `${site.site}: ${error}`));
  if (errors.length > 0) {
    console.error(`\n${errors.length === 1 ? 'A part' : `${errors.length} parts`} could not be measured:\n${errors.join('\n')}`);
    return 1;
  }
  return 0;
}

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
} else {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  process.exitCode = await main(options);
}
