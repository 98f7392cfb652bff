import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { launchBrowser } from '../support/browser-session.ts';
import { acquireBuildLock, ROOT, shellEnv } from '../support/build-site.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page as the dev server answers it now; a refused or dropped connection (the server reloading) is status 0. */
async function fetchPage(url: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

const GOOD = '---\ntitle: On Time\ndescription: Clocks.\npublished: 2025-03-01\n---\n\n## One\n\nText.\n';
const BAD = '---\ntitle: On Time\ndescription: Clocks.\npublished: 2025-02-30\n---\n\n## One\n\n#### Four\n\nText.\n';

interface DevServer {
  /** The essay's page on the dev server. */
  page: string;
  /** The essay file, and its path from the project as messages name it. */
  essay: string;
  file: string;
  /** Everything the server has printed so far. */
  output: () => string;
}

/** Runs `astro dev` on an essays folder holding one essay with `source`, on 127.0.0.1, for `use`. */
async function withDevServer(source: string, use: (server: DevServer) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(ROOT, '.tmp', 'dev-essays-'));
  const essay = join(dir, 'on-time.mdx');
  writeFileSync(essay, source);
  // The dev server writes the project's .astro/ as a build does: it holds the build lock too.
  const release = acquireBuildLock();
  const port = String(4300 + (process.pid % 500));
  const server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', port, '--host', '127.0.0.1'], {
    cwd: ROOT,
    // Not Vitest's NODE_ENV=test and import.meta.env values, which Astro would take over its own.
    env: { ...shellEnv(), ESSAYS_DIR: relative(ROOT, dir), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (let tries = 0; tries < 120 && !output.includes(`:${port}`); tries += 1) await wait(250);
    await use({ page: `http://127.0.0.1:${port}/essays/on-time/`, essay, file: relative(ROOT, essay), output: () => output });
  } finally {
    server.kill('SIGTERM');
    await wait(500);
    release();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of Astro's error overlay on the page, or '' when it never shows. */
async function overlayText(page: string): Promise<string> {
  const { browser, close } = await launchBrowser();
  try {
    const tab = await browser.newPage();
    // On a busy machine (the whole suite on two CPUs) the overlay once failed to show in
    // 20 s (the same test alone took 7 s): the page is asked for again, up to three times.
    let text = '';
    for (let attempt = 0; attempt < 3 && text === ''; attempt += 1) {
      await tab.goto(page);
      text = await tab
        .waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '', {
          timeout: 20_000,
        })
        .then(async (overlay) => String(await overlay.jsonValue()))
        .catch(() => '');
    }
    return text;
  } finally {
    await close();
  }
}

test('in npm run dev, a mistake saved in an essay stops its page with file:line:column and the fix, until it is fixed', async () => {
  await withDevServer(GOOD, async ({ page, essay, file, output }) => {
    // The essays are read just after the server says it is ready.
    let first = await fetchPage(page);
    for (let tries = 0; tries < 40 && first.status !== 200; tries += 1) first = await wait(250).then(() => fetchPage(page));
    expect(first.status, output()).toBe(200);

    writeFileSync(essay, BAD);
    // Astro reloads the entry (it may drop a connection meanwhile), then compiles it again when the page is asked for.
    let bad = await fetchPage(page);
    for (let tries = 0; tries < 20 && (bad.status !== 500 || !output().includes(`${file}:4:1`)); tries += 1) {
      bad = await wait(500).then(() => fetchPage(page));
    }
    expect(bad.status, output()).toBe(500);
    expect(bad.text).not.toContain('March 2');
    // In the browser, Astro's error overlay shows the message and the fix.
    const text = await overlayText(page);
    expect(text, output()).not.toBe('');
    expect(text).toContain('published: "2025-02-30" is not a real date.');
    expect(text).toContain('Fix: write published as YYYY-MM-DD');
    expect(output()).toContain(`${file}:4:1  published: "2025-02-30" is not a real date.\n  Fix: write published as YYYY-MM-DD`);
    expect(output()).toContain(`${file}:9:1  "#### Four" skips a level`);

    writeFileSync(essay, GOOD);
    let fixed = await wait(1500).then(() => fetchPage(page));
    for (let tries = 0; tries < 20 && fixed.status !== 200; tries += 1) fixed = await wait(500).then(() => fetchPage(page));
    expect(fixed.status, output()).toBe(200);
  });
}, 120_000);

test('npm run dev started with a broken essay shows its mistakes on its page, in the overlay, not a plain 404', async () => {
  await withDevServer(BAD, async ({ page, file, output }) => {
    let bad = await fetchPage(page);
    for (let tries = 0; tries < 40 && bad.status !== 500; tries += 1) bad = await wait(500).then(() => fetchPage(page));
    expect(bad.status, output()).toBe(500);
    const text = await overlayText(page);
    expect(text, output()).toContain('published: "2025-02-30" is not a real date.');
    // The overlay's code frame shows the essay's own line of the first mistake.
    expect(text).toContain('published: 2025-02-30');
    expect(output()).toContain(`${file}:4:1  published: "2025-02-30" is not a real date.`);
  });
}, 120_000);
