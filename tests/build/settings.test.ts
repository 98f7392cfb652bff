import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

test('bad settings stop the build before anything is written, each named with a value that works', () => {
  const result = buildSite({ SITE_URL: 'example.com', BASE_PATH: '/a b/' });
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/Build failed\. The build settings have 2 problems:/);
  expect(result.output).toContain('SITE_URL="example.com" must be an absolute URL that starts with https:// or http://, such as SITE_URL=https://essays.example');
  expect(result.output).toContain('BASE_PATH="/a b/" must be a plain path');
  // No stack trace: the author needs the words only.
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(existsSync(result.outDir)).toBe(false);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});
