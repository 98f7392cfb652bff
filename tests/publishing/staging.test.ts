import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createStaging, StagingBusy } from '../../src/publishing/staging.ts';

const root = mkdtempSync(join(tmpdir(), 'staging-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder of its own for each test, holding the site's output folder `dist`. */
const siteFolder = (name: string) => {
  const folder = join(root, name);
  mkdirSync(folder);
  return { folder, outDir: join(folder, 'dist') };
};

test('every build writes into the same folder beside the site, and publishing leaves only the site', () => {
  const { folder, outDir } = siteFolder('same');
  const first = createStaging(outDir);
  expect(first.dir).toBe(join(folder, '.dist-staging'));
  expect(readFileSync(`${first.dir}.lock`, 'utf8')).toBe(String(process.pid));
  writeFileSync(join(first.dir, 'index.html'), 'first');
  first.publish();

  const second = createStaging(outDir);
  expect(second.dir).toBe(first.dir);
  expect(readdirSync(second.dir)).toEqual([]);
  writeFileSync(join(second.dir, 'index.html'), 'second');
  second.publish();

  expect(readdirSync(folder)).toEqual(['dist']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('second');
  expect(statSync(outDir).mode & 0o777).toBe(0o755);
  expect(statSync(join(outDir, 'index.html')).mode & 0o777).toBe(0o644);
});

test('a build stops while another that still runs holds the folder, and leaves its work alone', () => {
  const { folder, outDir } = siteFolder('busy');
  const dir = join(folder, '.dist-staging');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), 'the other build');
  // The test runner's parent process: one that runs, and is not this one.
  writeFileSync(`${dir}.lock`, String(process.ppid));

  let thrown: unknown;
  try {
    createStaging(outDir);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StagingBusy);
  const message = (thrown as Error).message;
  expect(message).toContain(`process ${process.ppid}`);
  expect(message).toContain(dir);
  expect(message).toContain(`delete ${dir}.lock`);
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('the other build');
  expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.ppid));
});

test('what a killed build left (its lock, a half-written folder, the previous site mid-swap) is cleared, and the build goes on', () => {
  const { folder, outDir } = siteFolder('killed');
  const dir = join(folder, '.dist-staging');
  // A process that has ended.
  const ended = spawnSync(process.execPath, ['-e', '']).pid;
  mkdirSync(dir);
  writeFileSync(join(dir, 'half-written.html'), '<p>');
  writeFileSync(`${dir}.lock`, String(ended));
  mkdirSync(`${dir}-previous`);
  writeFileSync(join(`${dir}-previous`, 'index.html'), 'older');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'old');

  const staging = createStaging(outDir);
  expect(readdirSync(staging.dir)).toEqual([]);
  expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
  writeFileSync(join(staging.dir, 'index.html'), 'new');
  staging.publish();

  expect(readdirSync(folder)).toEqual(['dist']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('new');
});

test('a discarded build removes its folder and its lock, and leaves the site as it was', () => {
  const { folder, outDir } = siteFolder('discarded');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'published');
  const staging = createStaging(outDir);
  writeFileSync(join(staging.dir, 'index.html'), 'unfinished');
  staging.discard();

  expect(existsSync(staging.dir)).toBe(false);
  expect(readdirSync(folder)).toEqual(['dist']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('published');
  // And the next build may begin.
  createStaging(outDir).discard();
});
