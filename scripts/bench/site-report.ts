/** The tables of `npm run bench` for the sites measured in Chromium: page weight and paint, the page's parts, search. */
import { FIRST_VISIT_BUDGET } from './first-visit.ts';
import { formatBytes, formatCount, formatMs, formatRatio, formatTable, type Column } from './format.ts';
import type { BenchOptions } from './options.ts';
import { REQUEST_KINDS } from './page-weight.ts';
import type { SearchFigures } from './search.ts';
import type { SiteFigures } from './site-measures.ts';

/** Prints the page weights, the parts of the first site's page and the search times, each when measured. */
export function printSites(results: SiteFigures[], options: BenchOptions): void {
  printPages(results);
  printPageParts(results);
  printSearch(results, options);
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
  printFirstVisits(weighed);
}

/** What each site's service worker downloads on a first visit to the page, against the budget of issue 20. */
function printFirstVisits(weighed: SiteFigures[]): void {
  const visited = weighed.filter((site) => site.firstVisit !== undefined);
  if (visited.length === 0) return;
  console.log(
    `\nFirst visit to the page: what the service worker downloads (its precache list, the page, sw.js; each gzip -9), at most ${formatBytes(FIRST_VISIT_BUDGET)} at any site size`,
  );
  console.log(
    formatTable(
      [{ header: 'site' }, { header: 'files', align: 'right' }, { header: 'gzip', align: 'right' }],
      visited.map((site) =>
        site.firstVisit
          ? [site.site, formatCount(site.firstVisit.files), formatBytes(site.firstVisit.gzip)]
          : [site.site, '–', 'no service worker'],
      ),
    ),
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
