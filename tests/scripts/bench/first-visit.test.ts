import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { firstVisit } from '../../../scripts/bench/first-visit.ts';

const scratch = mkdtempSync(join(tmpdir(), 'first-visit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const gzipped = (text: string) => gzipSync(text, { level: 9 }).byteLength;

test('a first visit costs the precache list, the essay opened and sw.js, each gzipped, and nothing of the other essays', () => {
  const worker = `self.__WB_MANIFEST=[{"url":"index.html","revision":"a1"},{"url":"_astro/site.css","revision":null},{"url":"search/","revision":"b2"}];`;
  const files = {
    'sw.js': worker,
    'index.html': '<h1>Essays</h1>'.repeat(40),
    '_astro/site.css': 'body{margin:0}'.repeat(30),
    'search/index.html': '<input type=search>',
    'essays/one/index.html': '<p>The first essay.</p>'.repeat(50),
    'essays/two/index.html': '<p>The second essay, never opened.</p>'.repeat(5000),
  };
  const dir = site('ours', files);
  const visit = firstVisit(dir, 'essays/one/');
  expect(visit?.files).toBe(5);
  const expected = ['sw.js', 'index.html', '_astro/site.css', 'search/index.html', 'essays/one/index.html'].reduce(
    (sum, file) => sum + gzipped(files[file as keyof typeof files]),
    0,
  );
  expect(visit?.gzip).toBe(expected);
});

test('an essay the precache already lists is counted once', () => {
  const dir = site('listed', {
    'sw.js': `x=[{"url":"essays/one/","revision":"a"}];`,
    'essays/one/index.html': '<p>Listed.</p>',
  });
  expect(firstVisit(dir, 'essays/one/')?.files).toBe(2);
});

test('a site with no service worker downloads nothing on a first visit', () => {
  expect(firstVisit(site('peer', { 'index.html': '<p>No worker.</p>' }), '')).toBeUndefined();
});
