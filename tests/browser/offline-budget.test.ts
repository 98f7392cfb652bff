/**
 * The reader's cost of a first visit (issue 20): on a generated site of 240 essays, a reader
 * who opens one essay has the service worker download the shell and that essay, at most
 * 150 KB, whatever the number of essays.
 *
 * How it is measured: once the worker is active and idle, every URL in every cache of the
 * origin (the precache and the saved cache) is a file the worker downloaded; each is weighed
 * as a host that compresses sends it (gzip -9; the static server here sends files as they
 * are), and the worker's own script is added. Pagefind's WebAssembly and images are already
 * compressed: gzip barely changes them, so they count at about their size.
 *
 * In Chromium and Firefox: the worker's code is the same, but which pages it finds open to
 * keep, and what each engine's Cache API holds, are each engine's; the site is built once.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstEssayFile, writeEssayCopies } from '../../scripts/bench/essay-copies.ts';
import { FIRST_VISIT_BUDGET } from '../../scripts/bench/first-visit.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { precachedPath } from '../../src/offline/offline-routes.ts';
import { browserPool, ENGINES, waitForFunction } from '../support/browser-session.ts';
import { buildSite, ROOT } from '../support/build-site.ts';

const ESSAYS = 240;

const scratch = mkdtempSync(join(ROOT, '.tmp', 'offline-budget-'));
let outDir: string;
let server: StaticServer;

beforeAll(async () => {
  const essaysDir = join(scratch, 'essays');
  mkdirSync(essaysDir);
  writeEssayCopies(firstEssayFile(join(ROOT, 'content/essays')), essaysDir, ESSAYS);
  outDir = join(scratch, 'dist');
  // ESSAYS_DIR is read relative to the project; OUT_DIR takes the place of the build's own scratch folder.
  const result = buildSite({ ESSAYS_DIR: relative(ROOT, essaysDir), OUT_DIR: outDir }, { timeoutMs: 240_000 });
  rmSync(join(result.outDir, '..'), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`The generated site did not build:\n${result.output}`);
  server = await serveDirectory(outDir);
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const gzip = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;

describe.each(ENGINES)('in %s', (engine) => {
  const browsers = browserPool(engine);
  afterAll(async () => {
    await browsers.close();
  });

  test(`a first visit to one essay of ${ESSAYS} costs the reader at most 150 KB of what the service worker downloads`, async () => {
    const essay = 'essays/trumps-envoy-third-meeting-with-putin-120/';
    const page = await (await browsers.browser()).newPage();
    expect((await page.goto(new URL(essay, server.url).href, { waitUntil: 'load' }))?.status()).toBe(200);
    // Generous: the machine's cores are shared with other builds.
    await waitForFunction(page, () => navigator.serviceWorker.controller !== null, { timeout: 90_000 });
    // The essay being read is kept once the worker is active; then nothing more is fetched.
    await waitForFunction(page, async (url) => (await caches.match(url)) !== undefined, { timeout: 90_000, polling: 200 }, page.url());
    await page.waitForNetworkIdle({ idleTime: 1_000, timeout: 90_000 });

    const urls = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys()) all.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
      return all;
    });
    const files = urls.map((url) => precachedPath(decodeURIComponent(new URL(url).pathname.slice(1))));
    const essays = files.filter((file) => file.startsWith('essays/'));
    expect(essays).toEqual([`${essay}index.html`]);

    const weighed = files.map((file) => ({ file, bytes: gzip(file) }));
    const total = weighed.reduce((sum, file) => sum + file.bytes, gzip('sw.js'));
    console.log(
      `${engine}: first visit to one essay of ${ESSAYS}: ${files.length} files and sw.js, ${(total / 1024).toFixed(1)} KiB gzip -9:\n${weighed
        .sort((a, b) => b.bytes - a.bytes)
        .map(({ file, bytes }) => `  ${bytes} ${file}`)
        .join('\n')}`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);

    // The budget means something: the site itself is many times larger.
    const list = JSON.parse(readFileSync(join(outDir, 'offline-site.json'), 'utf8')) as { siteBytes: number };
    expect(list.siteBytes).toBeGreaterThan(10 * FIRST_VISIT_BUDGET);
    await page.close();
  });
});
