/**
 * `npm run bench`: the project's figures, not a test. Builds this site and generated sites of
 * 100 and 1,000 essays (timing each build and its stages), weighs an essay page in Chromium,
 * and times search; prints tables and writes the same figures to reports/bench.json.
 * `npm run bench -- <dir>` measures another built site (page weight and search only).
 * `npm run bench -- --help` lists the options. See "Benchmark" in the README.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { resolveConfig } from '../../src/config/resolve.ts';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { acquireBuildLock } from '../lib/build-lock.ts';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { serveDirectory } from '../lib/static-server.ts';
import { runBuild, STAGE_MEANINGS, STAGES, type BuildRun, type Stage } from './build.ts';
import { firstEssayFile, writeEssayCopies } from './essay-copies.ts';
import { formatBytes, formatCount, formatMs, formatRatio, formatSeconds, formatTable, type Column } from './format.ts';
import { measureLoadPaint, type LoadPaint } from './load-paint.ts';
import { parseBenchOptions, USAGE, type BenchOptions } from './options.ts';
import { defaultPage, largestPage, measurePageWeight, REQUEST_KINDS, type PageWeight } from './page-weight.ts';
import { measurePageParts, type PageParts } from './page-parts.ts';
import { DEFAULT_SELECTORS, findPagefindDir, indexSize, measureSearch, queryWords, type SearchFigures } from './search.ts';
import { median, medianOfFields } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A site the benchmark builds: this one, or a generated one. */
interface BuildTarget {
  label: string;
  /** ESSAYS_DIR for the build; undefined: the project's own setting. */
  essaysDir: string | undefined;
  outDir: string;
  cacheRoot: string;
}

interface BuildFigures {
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

/** A site measured in Chromium: one of the benchmark's builds, dist/, or the dir given. */
interface MeasuredSite {
  label: string;
  dir: string;
  base: string;
}

interface SiteFigures {
  site: string;
  dir: string;
  page?: PageWeight & { largestPage: ReturnType<typeof largestPage> };
  /** The essay page's HTML and CSS by part (page-parts.ts); none for a peer's page. */
  parts?: PageParts | undefined;
  /** LCP and CLS of the same page loaded as Lighthouse's mobile preset loads it (load-paint.ts). */
  paint?: LoadPaint;
  search?: SearchFigures;
  errors: string[];
}

async function main(options: BenchOptions): Promise<number> {
  const started = new Date();
  const report = {
    date: started.toISOString(),
    machine: machine(),
    options: { ...options, help: undefined },
    build: [] as BuildFigures[],
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
    if (options.parts.includes('build')) {
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

function machine() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    commit: head ? `commit ${head}${dirty ? ' with uncommitted changes' : ''}` : 'not a git checkout',
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryBytes: totalmem(),
    /** The 1, 5 and 15 minute load averages when the benchmark started: above the number of CPUs, the figures are noisy. */
    loadAverage: loadavg(),
  };
}

/** This site, and each generated site with its essays written into the scratch folder. */
function prepareTargets(options: BenchOptions, scratch: string): BuildTarget[] {
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
async function benchBuilds(targets: BuildTarget[], options: BenchOptions, scratch: string): Promise<BuildFigures[]> {
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
      rmSync(join(target.cacheRoot, 'cache-warm-up'), { recursive: true, force: true });
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
        release();
        rmSync(cacheDir, { recursive: true, force: true });
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

function printBuild(figures: BuildFigures[], options: BenchOptions): void {
  const runs = options.runs === 1 ? '1 run (no median)' : `median of ${options.runs} runs`;
  console.log(
    `\nBuild: scripts/build.ts as npm run build runs it, ${runs}, each from an empty cache, ${options.siteUrl ? `SITE_URL=${options.siteUrl}` : 'no SITE_URL'}`,
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

async function benchInBrowser(sites: MeasuredSite[], options: BenchOptions): Promise<{ browser: string; sites: SiteFigures[] }> {
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS });
  const results: SiteFigures[] = [];
  const version = await browser.version();
  try {
    console.log(`\nIn ${version} (headless), the site served on 127.0.0.1 with no compression or cache headers.`);
    for (const site of sites) {
      const figures: SiteFigures = { site: site.label, dir: site.dir, errors: [] };
      results.push(figures);
      const server = await serveDirectory(site.dir, site.base);
      try {
        if (options.parts.includes('page')) {
          try {
            const page = options.page ?? defaultPage(site.dir);
            figures.page = {
              ...(await measurePageWeight(browser, { siteDir: site.dir, baseUrl: server.url, page })),
              largestPage: largestPage(site.dir),
            };
            figures.parts = measurePageParts(site.dir, page, site.base);
          } catch (error) {
            figures.errors.push(`page weight: ${(error as Error).message}`);
          }
          // Apart from the weighing: a page whose paint cannot be read still has its weight.
          try {
            const page = options.page ?? defaultPage(site.dir);
            figures.paint = await measureLoadPaint(browser, new URL(page, server.url).href, options.runs);
          } catch (error) {
            figures.errors.push(`LCP: ${(error as Error).message}`);
          }
        }
        if (options.parts.includes('search')) {
          try {
            figures.search = await benchSearch(browser, site, server.url, options);
          } catch (error) {
            figures.errors.push(`search: ${(error as Error).message}`);
          }
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  printPages(results);
  printPageParts(results);
  printSearch(results, options);
  return { browser: version, sites: results };
}

async function benchSearch(browser: Browser, site: MeasuredSite, baseUrl: string, options: BenchOptions): Promise<SearchFigures> {
  const dir = findPagefindDir(site.dir);
  if (dir === undefined) throw new Error('the site has no Pagefind index (no pagefind-entry.json).');
  const words =
    options.query === undefined || options.warmQueries.length === 0 ? queryWords(site.dir, options.page ?? defaultPage(site.dir)) : [];
  const first = options.query ?? words[0];
  if (first === undefined) throw new Error('no words to search for on the page: give them with --query and --warm-query.');
  const warm =
    options.warmQueries.length > 0 ? options.warmQueries : words.filter((word) => word.toLowerCase() !== first.toLowerCase()).slice(0, 3);
  const page = options.searchPage ?? (existsSync(join(site.dir, 'search', 'index.html')) ? 'search/' : '');
  const selectors = {
    input: options.searchInput === undefined ? DEFAULT_SELECTORS.input : [options.searchInput],
    open: options.searchOpen === undefined ? DEFAULT_SELECTORS.open : [options.searchOpen],
    result: options.searchResult === undefined ? DEFAULT_SELECTORS.result : [options.searchResult],
  };
  const figures = await measureSearch(browser, { siteDir: site.dir, baseUrl, page, selectors, first, warm, runs: options.runs });
  return { ...figures, index: indexSize(site.dir, dir) };
}

function printPages(results: SiteFigures[]): void {
  const weighed = results.filter((site) => site.page !== undefined);
  if (weighed.length === 0) return;
  const right = (header: string): Column => ({ header, align: 'right' });
  console.log(
    '\nPage weight at load, empty cache (bytes of the files served; gzip -9 and brotli -q 11, as a host that compresses ahead of time)',
  );
  const rows: string[][] = [];
  for (const site of weighed) {
    const page = site.page as NonNullable<SiteFigures['page']>;
    const kinds = REQUEST_KINDS.filter((kind) => page.byKind[kind].requests > 0);
    kinds.forEach((kind, index) => {
      const sizes = page.byKind[kind];
      rows.push([
        index === 0 ? site.site : '',
        index === 0 ? `/${page.page}` : '',
        kind,
        formatCount(sizes.requests),
        formatBytes(sizes.raw),
        formatBytes(sizes.gzip),
        formatBytes(sizes.brotli),
      ]);
    });
    rows.push([
      '',
      '',
      'total',
      formatCount(page.requests),
      formatBytes(page.total.raw),
      formatBytes(page.total.gzip),
      formatBytes(page.total.brotli),
    ]);
  }
  console.log(
    formatTable(
      [{ header: 'site' }, { header: 'page' }, { header: 'kind' }, right('requests'), right('raw'), right('gzip'), right('brotli')],
      rows,
    ),
  );
  console.log('');
  console.log(
    formatTable(
      [
        { header: 'site' },
        right('LCP'),
        right('CLS'),
        right('JS run'),
        right('JS run gzip'),
        right('DOM elements'),
        right('text floor'),
        right('total / floor'),
        { header: 'largest page' },
      ],
      weighed.map((site) => {
        const page = site.page as NonNullable<SiteFigures['page']>;
        const largest = page.largestPage;
        return [
          site.site,
          formatMs(site.paint?.lcpMs.median),
          site.paint === undefined ? '–' : site.paint.cls.median.toFixed(3),
          `${page.jsExecuted.scripts} ${page.jsExecuted.scripts === 1 ? 'script' : 'scripts'}, ${formatBytes(page.jsExecuted.bytes.raw)}`,
          formatBytes(page.jsExecuted.bytes.gzip),
          formatCount(page.domElements),
          formatBytes(page.textFloorGzip),
          formatRatio(page.ratio),
          `/${largest.page} ${formatBytes(largest.raw)} (${formatBytes(largest.gzip)} gzip)`,
        ];
      }),
    ),
  );
  const runs = weighed[0]?.paint?.lcpMs.samples.length ?? 0;
  console.log(
    `LCP, CLS: ${runs === 1 ? 'one load' : `median of ${runs} loads`} as Lighthouse's mobile preset (412 × 823 at DPR 1.75, CPU 4× slower, 150 ms and 1.6 Mbit/s applied to each request, no cache); of the same kind as Lighthouse's simulated LCP, not equal to it.`,
  );
  for (const site of weighed) {
    if (site.paint !== undefined) {
      console.log(
        `${site.site}: LCP min ${formatMs(site.paint.lcpMs.min)}, max ${formatMs(site.paint.lcpMs.max)}, the largest paint a <${site.paint.lcpElement?.toLowerCase() ?? '?'}>`,
      );
    }
  }
  console.log(
    "JS run: scripts of which any code ran while the page loaded. text floor: the article's text as shown, gzipped. total / floor: everything the page loads, gzipped, over it. largest page: the site's largest HTML file.",
  );
}

/** The parts of the first site's essay page (this site's): the generated copies' differ by a few bytes. */
function printPageParts(results: SiteFigures[]): void {
  const site = results.find((figures) => figures.parts !== undefined);
  if (site?.parts !== undefined) {
    const parts = site.parts;
    const bytes = (count: number) => `${formatCount(count)} B`;
    console.log(
      `\n${site.site}: /${parts.page} HTML and CSS, gzip -9 (the size budget's measure): ${bytes(parts.html + parts.css)} (HTML ${bytes(parts.html)}, CSS ${bytes(parts.css)}). What leaving each part out would save:`,
    );
    const right = (header: string): Column => ({ header, align: 'right' });
    console.log(
      formatTable(
        [{ header: 'part' }, right('HTML'), right('CSS'), right('both')],
        parts.parts.map((part) => [part.name, bytes(part.html), bytes(part.css), bytes(part.html + part.css)]),
      ),
    );
  }
}

function printSearch(results: SiteFigures[], options: BenchOptions): void {
  const searched = results.filter((site) => site.search !== undefined);
  if (searched.length === 0) return;
  const right = (header: string): Column => ({ header, align: 'right' });
  const runs = options.runs === 1 ? '1 session' : `median of ${options.runs} sessions`;
  console.log(`\nSearch: input event to the first result on screen (${runs}, each in an empty cache)`);
  console.log(
    formatTable(
      [
        { header: 'site' },
        { header: 'from' },
        right('index on disk'),
        right('of which index'),
        right('first query'),
        right('warm query'),
        right('first search fetched'),
      ],
      searched.map((site) => {
        const search = site.search as SearchFigures;
        return [
          site.site,
          `/${search.page}`,
          `${formatBytes(search.index.bytes)} (${formatCount(search.index.files)} files)`,
          formatBytes(search.index.indexBytes),
          formatMs(search.firstMs.median),
          formatMs(search.warmMs.median),
          `${formatCount(search.firstSearch.requests)} requests, ${formatBytes(search.firstSearch.bytes.raw)} (${formatBytes(search.firstSearch.bytes.gzip)} gzip)`,
        ];
      }),
    ),
  );
  for (const site of searched) {
    const search = site.search as SearchFigures;
    console.log(
      `${site.site}: first query “${search.queries.first}” (min ${formatMs(search.firstMs.min)}, max ${formatMs(search.firstMs.max)}); warm ${search.queries.warm.map((word) => `“${word}”`).join(', ')} (min ${formatMs(search.warmMs.min)}, max ${formatMs(search.warmMs.max)})`,
    );
  }
  console.log(
    'The times include any pause the site waits for after typing before it searches (Pagefind’s UI waits 300 ms). index on disk: all of Pagefind’s folder; of which index: without its code (scripts, WebAssembly, UI).',
  );
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
