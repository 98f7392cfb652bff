/** The command line of `npm run bench`, read into options (pure: tested in tests/scripts/bench/). */
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const PARTS = ['build', 'page', 'search'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  /** A built site to measure instead of building this one: page weight and search only. */
  siteDir: string | undefined;
  /** A peer project (a Starlight site, scripts/bench/peer-starlight.ts) to build beside ours from the same essays. */
  peer: string | undefined;
  parts: Part[];
  /** Builds of each site, and search sessions of each site, whose medians are reported. */
  runs: number;
  /** Sizes of the generated sites, in essays (copies of the first essay). */
  sizes: number[];
  /** SITE_URL for the builds ('' for none): with it, a build makes the feed, sitemap and social cards too. */
  siteUrl: string;
  json: string;
  /** The base path the site is served under; undefined: BASE_PATH, or `/`. */
  base: string | undefined;
  page: string | undefined;
  searchPage: string | undefined;
  searchInput: string | undefined;
  searchOpen: string | undefined;
  searchResult: string | undefined;
  query: string | undefined;
  warmQueries: string[];
  help: boolean;
}

export const USAGE = `npm run bench [-- [dir] [options]]

Builds this site (and generated sites of copies of its first essay) and measures the
builds, the weight of an essay page, and search in Chromium. With a dir (any built site
with a Pagefind index, such as a Starlight build), measures that site's page weight and
search only. Prints tables and writes the figures as JSON.

  --peer DIR              build a peer project (npm run bench:peer -- DIR makes a Starlight one)
                          beside ours from the same essays: builds of 1, 500 and 1,000 essays
                          and a rebuild of 500 after one edit, ours beside the peer's, no SITE_URL
  --quick                 one run of everything, and no 1,000-essay site (a check, not figures)
  --only build,page,search  some parts only (without build, the site measured is dist/)
  --runs N                builds of each site, and search sessions, to take the median of (3)
  --sizes 100,1000        the generated sites, in essays ('' for none)
  --site-url URL          SITE_URL for the builds (https://essays.example; '' for none)
  --json PATH             where to write the figures (reports/bench.json; -quick, -<parts> or -<dir name> otherwise)
  --base PATH             the base path the site is served under (BASE_PATH, or /)
  --page PATH             the page to weigh (the first essay; else the page with the most text Pagefind indexes)
  --search-page PATH      the page to search from (search/ if the site has one, else the home page)
  --search-input CSS      the search field (this site's, Pagefind UI's, or input[type=search])
  --search-open CSS       a button that shows the field (Starlight's search button)
  --search-result CSS     a result (this site's, or Pagefind UI's)
  --query WORD            the first query (a word of the first essay's opening)
  --warm-query WORD       a warm query, repeatable (three more words of it)`;

function count(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number from ${min} up, not "${raw}".`);
  return value;
}

/** Reads `argv` (the arguments after the script). Throws an Error that says what is wrong. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      peer: { type: 'string' },
      only: { type: 'string' },
      runs: { type: 'string' },
      sizes: { type: 'string' },
      'site-url': { type: 'string' },
      json: { type: 'string' },
      base: { type: 'string' },
      page: { type: 'string' },
      'search-page': { type: 'string' },
      'search-input': { type: 'string' },
      'search-open': { type: 'string' },
      'search-result': { type: 'string' },
      query: { type: 'string' },
      'warm-query': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (positionals.length > 1) throw new Error(`One site at a time: ${positionals.join(', ')}.`);
  const siteDir = positionals[0];
  const peer = values.peer;
  if (peer !== undefined && siteDir !== undefined) throw new Error('--peer builds both sites: give no built site with it.');
  // Beside a peer, the builds only, unless other parts are asked for.
  const parts =
    values.only === undefined ? (peer === undefined ? [...PARTS] : ['build']) : values.only.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only takes ${PARTS.join(', ')}, not "${part}".`);
  }
  if (siteDir !== undefined && parts.includes('build')) {
    if (values.only !== undefined) throw new Error('A built site is measured as it is: --only build needs no dir.');
    parts.splice(parts.indexOf('build'), 1);
  }
  const sizes =
    values.sizes === undefined
      ? peer !== undefined
        ? values.quick
          ? [1, 500]
          : [1, 500, 1000]
        : values.quick
          ? [100]
          : [100, 1000]
      : values.sizes
          .split(',')
          .filter((size) => size.trim() !== '')
          .map((size) => count('sizes', size.trim(), 1));
  return {
    siteDir,
    peer,
    parts: parts as Part[],
    runs: values.runs === undefined ? (values.quick ? 1 : 3) : count('runs', values.runs, 1),
    sizes,
    // The peer comparison is of `npm run build` as a fresh clone runs it: no SITE_URL.
    siteUrl: values['site-url'] ?? (peer === undefined ? 'https://essays.example' : ''),
    json:
      values.json ??
      (peer === undefined
        ? defaultJsonPath(siteDir === undefined ? undefined : resolve(siteDir), { quick: values.quick, parts: parts as Part[] })
        : `reports/bench-peer${values.quick ? '-quick' : ''}.json`),
    base: values.base,
    page: values.page,
    searchPage: values['search-page'],
    searchInput: values['search-input'],
    searchOpen: values['search-open'],
    searchResult: values['search-result'],
    query: values.query,
    warmQueries: values['warm-query'] ?? [],
    help: values.help,
  };
}

/**
 * Where the figures go: `reports/bench.json` for a full run on this site, the one the README's
 * figures come from; a quick or partial run writes beside it (`bench-quick.json`,
 * `bench-search.json`), so it never replaces them; another site's figures are named after its
 * folder, or the folder above its `dist`.
 */
export function defaultJsonPath(
  siteDir: string | undefined,
  { quick = false, parts = [...PARTS] }: { quick?: boolean; parts?: Part[] } = {},
): string {
  if (siteDir === undefined) {
    if (quick) return 'reports/bench-quick.json';
    return parts.length === PARTS.length ? 'reports/bench.json' : `reports/bench-${parts.join('-')}.json`;
  }
  const trimmed = siteDir.replace(/[\\/]+$/, '');
  const name = ['dist', 'build', 'out', ''].includes(basename(trimmed)) ? basename(dirname(trimmed)) : basename(trimmed);
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `reports/bench-${safe || 'site'}.json`;
}
