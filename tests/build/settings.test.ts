import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

test('bad settings stop the build before anything is written, each named with a value that works', () => {
  const result = buildSite({ SITE_URL: 'example.com', BASE_PATH: '/a b/' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/Build failed\. Essay Press's options have 2 problems:/);
  expect(result.output).toContain(
    'SITE_URL="example.com" must be an absolute URL that starts with https:// or http://, such as SITE_URL=https://essays.example',
  );
  expect(result.output).toContain('BASE_PATH="/a b/" must be a plain path');
  // No stack trace: the author needs the words only.
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(existsSync(result.outDir)).toBe(false);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});

test('variables a test runner or a shell leaves behind (NODE_ENV=test, BASE_URL=/) do not change the site', () => {
  const result = buildSite({ NODE_ENV: 'test', BASE_URL: '/', MODE: 'test', BASE_PATH: '/sub/' });
  try {
    expect(result.status, result.output).toBe(0);
    const home = readFileSync(join(result.outDir, 'index.html'), 'utf8');
    expect(home).toContain('href="/sub/manifest.webmanifest"');
    expect(home).toContain('href="/sub/favicon.svg"');
    // A production build: the service worker's registration is in the page's script.
    const script = /<script type="module" src="\/sub\/(_astro\/[^"]+\.js)"/.exec(home)?.[1] ?? '';
    expect(readFileSync(join(result.outDir, script), 'utf8')).toContain('sw.js');
  } finally {
    rmSync(dirname(result.outDir), { recursive: true, force: true });
  }
});
