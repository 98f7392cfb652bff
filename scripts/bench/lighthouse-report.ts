/**
 * What `npm run bench:lighthouse` reads from each Lighthouse run and prints (pure: tested in
 * tests/scripts/bench/lighthouse-report.test.ts). A run's figures come from Lighthouse's own
 * JSON report; the table sets each site beside the first one given, protocol by protocol.
 */
import { formatMs, formatRatio, formatTable } from './format.ts';
import { median, pairedRatio, summarise, type Summary } from './stats.ts';

/** How a site was served for a run: plain HTTP/1.1, or HTTPS with HTTP/2 as a static host serves it. */
export type Protocol = 'http/1.1' | 'https, h2';

/** One Lighthouse run of one page. */
export interface LighthouseRun {
  /** Largest Contentful Paint as Lighthouse reports it (simulated), ms. */
  lcp: number;
  /** First Contentful Paint, likewise. */
  fcp: number;
  /** The performance category's score, 0 to 100. */
  performance: number;
  /** What the page requested, each with when it ended after navigation began (observed, not simulated), ms. */
  requests: Array<{ url: string; endMs: number }>;
  /** When Chromium painted first, observed, ms after navigation began. */
  observedFcp: number;
}

interface LighthouseJson {
  runtimeError?: { code?: string; message?: string };
  categories?: { performance?: { score?: number | null } };
  audits?: Record<string, { numericValue?: number; details?: { items?: Array<Record<string, unknown>> } }>;
}

/** A run's figures from Lighthouse's JSON report; throws, with Lighthouse's words, when the run failed. */
export function readLighthouseRun(report: LighthouseJson): LighthouseRun {
  if (report.runtimeError?.code && report.runtimeError.code !== 'NO_ERROR')
    throw new Error(`Lighthouse could not measure the page: ${report.runtimeError.code} ${report.runtimeError.message ?? ''}`.trim());
  const audits = report.audits ?? {};
  const value = (id: string): number => {
    const found = audits[id]?.numericValue;
    if (typeof found !== 'number') throw new Error(`Lighthouse's report has no ${id} figure.`);
    return found;
  };
  const score = report.categories?.performance?.score;
  if (typeof score !== 'number') throw new Error("Lighthouse's report has no performance score.");
  const requests = (audits['network-requests']?.details?.items ?? []).map((item) => ({
    url: String(item['url'] ?? ''),
    endMs: Number(item['networkEndTime'] ?? Number.NaN),
  }));
  const metrics = audits['metrics']?.details?.items?.[0] ?? {};
  return {
    lcp: value('largest-contentful-paint'),
    fcp: value('first-contentful-paint'),
    performance: Math.round(score * 100),
    requests,
    observedFcp: Number(metrics['observedFirstContentfulPaint'] ?? Number.NaN),
  };
}

/** The runs of one site over one protocol. */
export interface LighthouseRow {
  site: string;
  protocol: Protocol;
  runs: LighthouseRun[];
}

/** A row's figures: the medians and spread of its runs, and its ratio to the first site's row of the same protocol. */
export interface LighthouseSummary {
  site: string;
  protocol: Protocol;
  lcp: Summary;
  fcp: Summary;
  performance: number;
  /** Requests other than the page that ended before Chromium's first paint, in the median run (by LCP). */
  beforePaint: number;
  /**
   * The first site's LCP over this row's, run by run (the runs take turns), as `npm run bench
   * --peer` sets ours over the peer's: 0.85× is the first site's figure 15% lower. Undefined for the first site.
   */
  ratio: number | undefined;
}

export function summariseRows(rows: readonly LighthouseRow[]): LighthouseSummary[] {
  const first = new Map<Protocol, LighthouseRow>();
  for (const row of rows) if (!first.has(row.protocol)) first.set(row.protocol, row);
  return rows.map((row) => {
    const yardstick = first.get(row.protocol);
    const lcps = row.runs.map((run) => run.lcp);
    const middle = [...row.runs].sort((a, b) => a.lcp - b.lcp)[Math.floor((row.runs.length - 1) / 2)];
    return {
      site: row.site,
      protocol: row.protocol,
      lcp: summarise(lcps),
      fcp: summarise(row.runs.map((run) => run.fcp)),
      performance: median(row.runs.map((run) => run.performance)),
      beforePaint: middle ? requestsBeforePaint(middle) : 0,
      ratio:
        yardstick && yardstick !== row
          ? pairedRatio(
              yardstick.runs.map((run) => run.lcp),
              lcps,
            )
          : undefined,
    };
  });
}

/** The requests, the page's own first one left out, that ended before the first paint Chromium made. */
function requestsBeforePaint(run: LighthouseRun): number {
  return run.requests.slice(1).filter((request) => request.endMs <= run.observedFcp).length;
}

export function formatLighthouseTable(summaries: readonly LighthouseSummary[]): string {
  return formatTable(
    [
      { header: 'site' },
      { header: 'served over' },
      { header: 'LCP', align: 'right' },
      { header: 'LCP min–max', align: 'right' },
      { header: 'FCP', align: 'right' },
      { header: 'first ÷ this', align: 'right' },
      { header: 'score', align: 'right' },
      { header: 'requests before paint', align: 'right' },
    ],
    summaries.map((row) => [
      row.site,
      row.protocol,
      formatMs(row.lcp.median),
      `${formatMs(row.lcp.min)}–${formatMs(row.lcp.max)}`,
      formatMs(row.fcp.median),
      row.ratio === undefined ? '' : formatRatio(row.ratio, 2),
      String(row.performance),
      String(row.beforePaint),
    ]),
  );
}
