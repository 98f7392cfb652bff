/**
 * Loaded into the build process by the benchmark (`node --import …/build-probe.ts
 * node_modules/astro/bin/astro.mjs build`), never by `npm run build`. When the build exits, it writes to the file
 * named by BENCH_PROBE what only the process itself knows: its CPU time and peak memory
 * (`process.resourceUsage()`, which counts all its threads: Rolldown's, sharp's, libuv's), and
 * the durations the build's own code measured with `performance.measure` (the essay checks).
 */
import { writeFileSync } from 'node:fs';

/** What the probe writes: read back by scripts/bench/build.ts. */
export interface ProbeReport {
  usage: NodeJS.ResourceUsage;
  measures: Array<{ name: string; duration: number }>;
}

const path = process.env['BENCH_PROBE'];
if (path) {
  process.on('exit', () => {
    const measures = performance.getEntriesByType('measure').map(({ name, duration }) => ({ name, duration }));
    const report: ProbeReport = { usage: process.resourceUsage(), measures };
    writeFileSync(path, JSON.stringify(report));
  });
}
