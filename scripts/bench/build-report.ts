/** The build tables of `npm run bench`: time, CPU and memory of each site's builds, then their stages. */
import { STAGE_MEANINGS, STAGES, type Stage } from './build.ts';
import type { BuildFigures } from './build-sites.ts';
import { formatBytes, formatCount, formatMs, formatSeconds, formatTable, type Column } from './format.ts';
import type { BenchOptions } from './options.ts';

/** Prints the builds' medians, and what each stage of a build took. */
export function printBuild(figures: BuildFigures[], options: BenchOptions): void {
  const runs = options.runs === 1 ? '1 run (no median)' : `median of ${options.runs} runs`;
  console.log(
    `\nBuild: astro build, as npm run build runs it, ${runs}, each from an empty cache, ${options.siteUrl ? `SITE_URL=${options.siteUrl}` : 'no SITE_URL'}`,
  );
  const right = (header: string): Column => ({ header, align: 'right' });
  console.log(
    formatTable(
      [
        { header: 'site' },
        right('essays'),
        right('pages'),
        right('wall'),
        right('CPU'),
        right('peak RSS'),
        right('children'),
        right('per essay'),
        right('per added essay'),
      ],
      figures.map((site) => [
        site.site,
        formatCount(site.essays),
        formatCount(site.pages),
        formatSeconds(site.median.wallMs),
        formatSeconds(site.median.cpuMs),
        formatBytes(site.median.peakRssBytes),
        formatBytes(site.median.childPeakRssBytes),
        formatMs(site.msPerEssay),
        formatMs(site.msPerAddedEssay),
      ]),
    ),
  );
  console.log(
    "CPU: user + system, the build's process and its children. peak RSS: the build's Node process; children: the largest child process (Pagefind, esbuild), sampled.",
  );
  const headers: Record<Stage, string> = {
    startup: 'startup',
    checks: 'checks',
    astroSetup: 'setup',
    contentSync: 'sync',
    bundling: 'bundle',
    rendering: 'render',
    downloads: 'downloads',
    socialCards: 'cards',
    searchIndex: 'index',
    essayPages: 'pages',
    serviceWorker: 'sw',
    feed: 'feed',
    rest: 'rest',
  };
  console.log(`\nBuild stages, seconds (${runs})`);
  console.log(
    formatTable(
      [{ header: 'site' }, ...STAGES.map((stage) => right(headers[stage]))],
      figures.map((site) => [site.site, ...STAGES.map((stage) => formatSeconds(site.median.stages[stage]).replace(' s', ''))]),
    ),
  );
  console.log(STAGES.map((stage) => `  ${headers[stage].padEnd(9)} ${STAGE_MEANINGS[stage]}`).join('\n'));
}
