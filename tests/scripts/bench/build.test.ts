import { expect, test } from 'vitest';
import { buildStages, STAGES } from '../../../scripts/bench/build.ts';
import { parseProcUse } from '../../../scripts/bench/process-tree.ts';

const LINES = [
  { at: 9_000, text: 'Pages: 6 built in 7.5 s.' },
  { at: 9_800, text: 'Offline downloads: an EPUB and a single-file HTML for each of 1 essay(s), 30.0 KiB in all.' },
  { at: 10_100, text: 'Social cards: 1 drawn and 0 reused from the cache, in 0.3 s.' },
  { at: 11_000, text: 'Search index: 1 essay page(s) indexed.' },
  { at: 11_200, text: 'Essay pages: 1 finished with their download sizes, their CSS (1 distinct stylesheet(s)) and 1 classic script(s).' },
  { at: 11_500, text: 'Offline reading: the service worker precaches 25 files, 289.3 KiB, of a site of 28 files, 340.6 KiB.' },
  { at: 11_600, text: 'Feed: 1 essay(s) in feed.xml, with the sitemap named in robots.txt.' },
];

const ASTRO = {
  'Total build': { elapsedTime: 7_500 },
  'Sync content layer': { elapsedTime: 1_000 },
  'Prerender build': { elapsedTime: 2_000 },
  'Client build': { elapsedTime: 500 },
  'Static generate': { elapsedTime: 1_500 },
};

test("a build's time is divided into its stages, which add up to the whole", () => {
  const stages = buildStages(LINES, 12_000, ASTRO, [{ name: 'essay checks', duration: 400 }]);
  expect(stages).toEqual({
    startup: 1_500,
    checks: 400,
    astroSetup: 2_100,
    contentSync: 1_000,
    bundling: 2_500,
    rendering: 1_500,
    downloads: 800,
    socialCards: 300,
    searchIndex: 900,
    essayPages: 200,
    serviceWorker: 300,
    feed: 100,
    rest: 400,
  });
  expect(STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0)).toBe(12_000);
});

test("Astro 7.4's total, which ends after the build's own steps, at Astro's last line, is divided the same way", () => {
  const lines = [...LINES, { at: 11_900, text: '6 page(s) built in 10.40s' }];
  // Astro's total runs from 1,500 ms to its last line, 11,900 ms.
  const stages = buildStages(lines, 12_000, { ...ASTRO, 'Total build': { elapsedTime: 10_400 } }, [
    { name: 'essay checks', duration: 400 },
  ]);
  expect(stages).toMatchObject({ startup: 1_500, astroSetup: 2_100, downloads: 800, rest: 400 });
  expect(STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0)).toBe(12_000);
});

test('a step the build did not print (no social cards without SITE_URL) is left out, its time in the next', () => {
  const stages = buildStages(
    LINES.filter((line) => !line.text.startsWith('Social cards')),
    12_000,
    ASTRO,
    [{ name: 'essay checks', duration: 400 }],
  );
  expect(stages.socialCards).toBeUndefined();
  expect(stages.searchIndex).toBe(1_200);
});

test("without Astro's timer, only the build's own steps are timed, and nothing is called the rest", () => {
  const stages = buildStages(LINES, 12_000, {}, []);
  expect(stages).toEqual({ downloads: 800, socialCards: 300, searchIndex: 900, essayPages: 200, serviceWorker: 300, feed: 100 });
});

test("a process's CPU time and peak memory are read from /proc, whatever its name holds", () => {
  const stat = '4242 (pagefind (ext) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 37 0 0 20 0 8 0 1000 100000 2000';
  const status = 'Name:\tpagefind\nVmPeak:\t  200000 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40000 kB\n';
  expect(parseProcUse(4242, stat, status)).toEqual({ pid: 4242, name: 'pagefind (ext) x', cpuMs: 2_870, peakRssBytes: 51_200 * 1024 });
});
