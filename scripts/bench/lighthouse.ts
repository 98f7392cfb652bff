/**
 * Lighthouse's mobile LCP of an essay page beside other sites' (issue 20): each site served on
 * 127.0.0.1 with gzip, over plain HTTP/1.1 and over HTTPS with HTTP/2 (as static hosts serve
 * sites), each page measured by Lighthouse's mobile preset in the system's Chromium, the runs of
 * the sites taking turns. A last row, "floor", is a page of one paragraph that requests nothing
 * else: the least Lighthouse's simulation gives any page over each protocol.
 *
 *   node scripts/bench/lighthouse.ts [<label>=<dir>[:<page path>] …] [--runs N] [--json PATH]
 *
 * Lighthouse is not one of the project's packages (some 200 of its own): it is run with `npx`,
 * at the version pinned below, which npm fetches from its registry on the first run. It uses
 * no browser of its own (CHROME_PATH is the one the tests use). HTTPS needs `openssl` for a
 * certificate of the moment; without it, only HTTP/1.1 is measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { contentType, resolveFile } from '../lib/static-server.ts';
import { formatLighthouseTable, readLighthouseRun, summariseRows, type LighthouseRow, type Protocol } from './lighthouse-report.ts';
import type { Site } from './reading-page.ts';
import { parseSiteArgument } from './site-argument.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The Lighthouse the figures in docs/benchmarks.md were measured with. */
const LIGHTHOUSE = 'lighthouse@12.8.2';

const USAGE = `node scripts/bench/lighthouse.ts [<label>=<dir>[:<page path>] …] [--runs N] [--json PATH]

Measures each site's page with Lighthouse's mobile preset (${LIGHTHOUSE}, run with npx) in
Chromium, served with gzip on 127.0.0.1 over HTTP/1.1 and over HTTPS with HTTP/2, and prints
LCP and FCP (medians), the first site's LCP over each other's, and how many requests ended before the
first paint. Without sites: ours=dist (its first essay). A "floor" row is a page of one
paragraph that requests nothing else.

  --runs N      Lighthouse runs of each page over each protocol (3)
  --json PATH   where the figures go (reports/bench-lighthouse.json)`;

/** A page with nothing but one paragraph to paint, and nothing else to fetch (the favicon a `data:` URL). */
const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor</title><link rel="icon" href="data:,"></head>
<body><main><h1>Floor</h1><p>One paragraph, the largest thing on the page, and nothing else for the page to fetch: the least a page costs in Lighthouse's simulation.</p></main></body></html>
`;

/** Text a host compresses; images, fonts and WebAssembly are sent as they are. */
const COMPRESSED = /^(text\/|application\/(json|manifest\+json|xml|javascript))|image\/svg/;

/** What the handler uses of a request and a response, the same under node:http and node:http2. */
interface Request {
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}
interface Response {
  writeHead: (status: number, headers: Record<string, string>) => unknown;
  end: (body: string | Buffer) => unknown;
}
type Handler = (request: Request, response: Response) => void;

/** Serves `dir` as a static host does (`/a/` is `a/index.html`), text gzipped (level 9) for a client that accepts it. */
function staticHandler(dir: string): Handler {
  const gzipped = new Map<string, Buffer>();
  return (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolveFile(dir, pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const type = contentType(file);
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let body: Buffer = readFileSync(file);
    if (gzip) {
      body = gzipped.get(file) ?? gzipSync(body, { level: 9 });
      gzipped.set(file, body);
    }
    response.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    response.end(body);
  };
}

interface Served {
  origin: string;
  close: () => void;
}

async function listen(server: ReturnType<typeof createServer> | ReturnType<typeof createSecureServer>, scheme: string): Promise<Served> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    close: () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
    },
  };
}

/** A certificate for 127.0.0.1, made with `openssl` for this run; or, when it cannot be made, why not. */
function makeCertificate(dir: string): { key: Buffer; cert: Buffer } | string {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (made.error || made.status !== 0)
    return `openssl could not make a certificate (${made.error?.message ?? made.stderr.toString().trim()})`;
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** One Lighthouse run of `url`, its JSON report read. */
async function runLighthouse(url: string, chrome: string, reportFile: string): Promise<ReturnType<typeof readLighthouseRun>> {
  const flags = ['--headless=new', ...CHROMIUM_ARGS, '--ignore-certificate-errors'].join(' ');
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${reportFile}`,
    '--quiet',
    `--chrome-flags=${flags}`,
  ];
  // Asynchronously: the pages are served by this process.
  const stderr = await new Promise<string>((done, fail) => {
    const child = spawn('npx', args, { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done(errors) : fail(new Error(`npx ${LIGHTHOUSE} failed (exit ${code}) for ${url}:\n${errors.trim()}`)),
    );
  });
  try {
    return readLighthouseRun(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr.trim()}`, { cause: error });
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      json: { type: 'string', default: join(ROOT, 'reports', 'bench-lighthouse.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of runs, 1 or more, not "${values.runs}".`);
  const chrome = requireBrowser();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const floorDir = join(scratch, 'floor');
  mkdirSync(floorDir);
  writeFileSync(join(floorDir, 'index.html'), FLOOR_PAGE);
  const sites: Site[] = [
    ...(positionals.length > 0 ? positionals.map(parseSiteArgument) : [parseSiteArgument(`ours=${join(ROOT, 'dist')}`)]),
    { label: 'floor', dir: floorDir, page: '' },
  ];
  const certificate = makeCertificate(scratch);
  if (typeof certificate === 'string') console.log(`HTTPS is not measured: ${certificate}.`);
  const servers: Array<{ site: Site; protocol: Protocol; served: Served }> = [];
  const rows: LighthouseRow[] = [];
  try {
    for (const site of sites) {
      const handler = staticHandler(site.dir);
      servers.push({ site, protocol: 'http/1.1', served: await listen(createServer(handler), 'http') });
      if (typeof certificate !== 'string')
        servers.push({
          site,
          protocol: 'https, h2',
          served: await listen(createSecureServer({ ...certificate, allowHTTP1: true }, handler), 'https'),
        });
    }
    console.log(`${LIGHTHOUSE}, mobile preset, in ${chrome}; ${runs} run(s) of each page over each protocol, the sites taking turns.`);
    for (const { site } of servers.filter((server) => server.protocol === 'http/1.1'))
      console.log(`  ${site.label}: ${join(site.dir, site.page)}`);
    for (const server of servers) rows.push({ site: server.site.label, protocol: server.protocol, runs: [] });
    for (let run = 1; run <= runs; run++) {
      for (const [index, server] of servers.entries()) {
        const url = `${server.served.origin}/${server.site.page}`;
        const measured = await runLighthouse(url, chrome, join(scratch, 'report.json'));
        (rows[index] as LighthouseRow).runs.push(measured);
        console.log(`  run ${run}, ${server.site.label}, ${server.protocol}: LCP ${Math.round(measured.lcp)} ms`);
      }
    }
  } finally {
    for (const { served } of servers) served.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  const summaries = summariseRows(rows);
  console.log('');
  console.log(formatLighthouseTable(summaries));
  console.log(
    "LCP, FCP: Lighthouse's simulated figures (Lantern), medians; first ÷ this: the first site's LCP over this row's, run by run. requests before paint: requests other than the page's that ended before Chromium's first paint in the median run, which Lantern adds to its estimate whether or not they held the paint up.",
  );
  const json = resolve(values.json);
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), lighthouse: LIGHTHOUSE, runs, rows: summaries }, null, 2)}\n`);
  console.log(`\nThe figures are in ${json}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
