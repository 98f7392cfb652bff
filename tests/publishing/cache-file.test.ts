import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeCacheFile } from '../../src/publishing/cache-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a cache file is written into its folder, made if missing, over the last one, with no temporary file left', () => {
  const file = join(dir, 'nested', 'index.json');
  writeCacheFile(file, '{"first":1}');
  writeCacheFile(file, Buffer.from('{"second":2}'));
  expect(readFileSync(file, 'utf8')).toBe('{"second":2}');
  expect(readdirSync(join(dir, 'nested'))).toEqual(['index.json']);
});
