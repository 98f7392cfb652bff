import { expect, test } from 'vitest';
import { defaultJsonPath, parseBenchOptions } from '../../../scripts/bench/options.ts';

test('with no options: every part, three runs, sites of 100 and 1,000 essays, reports/bench.json', () => {
  const options = parseBenchOptions([]);
  expect(options).toMatchObject({
    siteDir: undefined,
    parts: ['build', 'page', 'search'],
    runs: 3,
    sizes: [100, 1000],
    siteUrl: 'https://essays.example',
    json: 'reports/bench.json',
  });
});

test('--quick: one run, and no 1,000-essay site, its figures kept apart from a full run’s', () => {
  expect(parseBenchOptions(['--quick'])).toMatchObject({ runs: 1, sizes: [100], json: 'reports/bench-quick.json' });
  expect(parseBenchOptions(['--quick', '--runs', '2', '--sizes', '10'])).toMatchObject({ runs: 2, sizes: [10] });
});

test('--only takes a list of parts, and --sizes "" builds no generated site', () => {
  expect(parseBenchOptions(['--only', 'page,search'])).toMatchObject({ parts: ['page', 'search'], json: 'reports/bench-page-search.json' });
  expect(parseBenchOptions(['--sizes', '']).sizes).toEqual([]);
  expect(() => parseBenchOptions(['--only', 'pages'])).toThrow('--only takes build, page, search, not "pages"');
  expect(() => parseBenchOptions(['--runs', '0'])).toThrow('--runs must be a whole number from 1 up');
});

test('a built site given is measured without building: page weight and search, reported under its own name', () => {
  const options = parseBenchOptions(['/tmp/starlight/dist', '--search-open', 'button.search']);
  expect(options).toMatchObject({ siteDir: '/tmp/starlight/dist', parts: ['page', 'search'], searchOpen: 'button.search' });
  expect(options.json).toBe('reports/bench-starlight.json');
  expect(() => parseBenchOptions(['/tmp/site', '--only', 'build'])).toThrow('--only build needs no dir');
});

test('the report of another site is named after its folder, or the folder above its dist', () => {
  expect(defaultJsonPath('/srv/peer/dist/')).toBe('reports/bench-peer.json');
  expect(defaultJsonPath('/srv/My Site')).toBe('reports/bench-My-Site.json');
  expect(defaultJsonPath('/')).toBe('reports/bench-site.json');
});

test('warm queries can be given one by one', () => {
  expect(parseBenchOptions(['--query', 'ceasefire', '--warm-query', 'Kremlin', '--warm-query', 'Kyiv'])).toMatchObject({
    query: 'ceasefire',
    warmQueries: ['Kremlin', 'Kyiv'],
  });
});

test('--peer: the builds beside the peer only, at 1, 500 and 1,000 essays, with no SITE_URL, in a report of their own', () => {
  expect(parseBenchOptions(['--peer', '../peer-starlight'])).toMatchObject({
    peer: '../peer-starlight',
    parts: ['build'],
    sizes: [1, 500, 1000],
    siteUrl: '',
    json: 'reports/bench-peer.json',
  });
  expect(parseBenchOptions(['--peer', 'p', '--quick'])).toMatchObject({ runs: 1, sizes: [1, 500], json: 'reports/bench-peer-quick.json' });
  expect(parseBenchOptions(['--peer', 'p', '--site-url', 'https://a.example'])).toMatchObject({ siteUrl: 'https://a.example' });
  expect(() => parseBenchOptions(['--peer', 'p', 'dist'])).toThrow('give no built site with it');
});
