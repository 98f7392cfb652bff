import { describe, expect, test } from 'vitest';
import { formatLighthouseTable, readLighthouseRun, summariseRows, type LighthouseRun } from '../../../scripts/bench/lighthouse-report.ts';

/** The parts of a Lighthouse JSON report the benchmark reads, as Lighthouse 12 writes them. */
function report({ lcp = 951.2, fcp = 900, score = 1, requests = [] as Array<[string, number]>, observedFcp = 80 } = {}) {
  return {
    categories: { performance: { score } },
    audits: {
      'largest-contentful-paint': { numericValue: lcp },
      'first-contentful-paint': { numericValue: fcp },
      'network-requests': { details: { items: requests.map(([url, end]) => ({ url, networkRequestTime: 0, networkEndTime: end })) } },
      metrics: { details: { items: [{ observedFirstContentfulPaint: observedFcp, observedLargestContentfulPaint: observedFcp }] } },
    },
  };
}

const run = (lcp: number, requests: Array<[string, number]> = [], observedFcp = 80): LighthouseRun =>
  readLighthouseRun(report({ lcp, fcp: lcp - 10, requests, observedFcp }));

describe('reading a run', () => {
  test('takes the simulated LCP and FCP, the score out of 100, and each request with when it ended', () => {
    const read = readLighthouseRun(
      report({
        score: 0.98,
        requests: [
          ['https://127.0.0.1/essays/a/', 15],
          ['https://127.0.0.1/sw.js', 47],
        ],
      }),
    );
    expect(read).toEqual({
      lcp: 951.2,
      fcp: 900,
      performance: 98,
      requests: [
        { url: 'https://127.0.0.1/essays/a/', endMs: 15 },
        { url: 'https://127.0.0.1/sw.js', endMs: 47 },
      ],
      observedFcp: 80,
    });
  });

  test("a run Lighthouse could not measure is an error with Lighthouse's code, not a figure", () => {
    expect(() =>
      readLighthouseRun({ ...report(), runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } }),
    ).toThrow(/NO_FCP The page did not paint/);
    expect(() => readLighthouseRun({ ...report(), runtimeError: { code: 'NO_ERROR' } })).not.toThrow();
  });

  test('a report without the figures is an error that names the missing one', () => {
    const missing = report();
    delete (missing.audits as Record<string, unknown>)['largest-contentful-paint'];
    expect(() => readLighthouseRun(missing)).toThrow(/no largest-contentful-paint figure/);
    expect(() => readLighthouseRun({ ...report(), categories: {} })).toThrow(/no performance score/);
  });
});

describe('summing up the runs', () => {
  const rows = summariseRows([
    { site: 'ours', protocol: 'http/1.1', runs: [run(950), run(940), run(1000)] },
    { site: 'ours', protocol: 'https, h2', runs: [run(830), run(840), run(820)] },
    {
      site: 'peer',
      protocol: 'http/1.1',
      runs: [
        run(1100, [
          ['page', 10],
          ['a.js', 40],
          ['b.js', 95],
        ]),
        run(
          1200,
          [
            ['page', 10],
            ['a.js', 40],
            ['b.js', 60],
            ['c.css', 79],
          ],
          80,
        ),
        run(1000),
      ],
    },
    { site: 'peer', protocol: 'https, h2', runs: [run(1000), run(980), run(960)] },
  ]);

  test('each row has the median LCP and its spread, and the median FCP', () => {
    expect(rows[0]?.lcp).toEqual({ median: 950, min: 940, max: 1000, samples: [950, 940, 1000] });
    expect(rows[0]?.fcp.median).toBe(940);
  });

  test('the first site is the yardstick, protocol by protocol, run by run', () => {
    expect(rows[0]?.ratio).toBeUndefined();
    expect(rows[1]?.ratio).toBeUndefined();
    // Ours over the peer's, pair by pair: 950/1100, 940/1200, 1000/1000; their median.
    expect(rows[2]?.ratio).toBeCloseTo(950 / 1100, 6);
    expect(rows[3]?.ratio).toBeCloseTo(820 / 960, 6);
  });

  test("the requests before the first paint are counted in the median run, the page's own left out", () => {
    // The median run by LCP is the one of 1,100 ms: a.js ended before the paint at 80 ms, b.js after it.
    expect(rows[2]?.beforePaint).toBe(1);
    expect(rows[0]?.beforePaint).toBe(0);
  });

  test('the table shows each row, with the ratio to two decimals', () => {
    const table = formatLighthouseTable(rows);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^site\s+served over\s+LCP\s+LCP min–max\s+FCP\s+first ÷ this\s+score\s+requests before paint$/);
    expect(lines).toHaveLength(2 + 4);
    expect(lines[4]).toMatch(/^peer\s+http\/1\.1\s+1100 ms\s+1000 ms–1200 ms\s+1090 ms\s+0\.86×\s+100\s+1$/);
    expect(lines[2]).toMatch(/^ours\s+http\/1\.1\s+950 ms\s+940 ms–1000 ms\s+940 ms\s+100\s+0$/);
  });
});
