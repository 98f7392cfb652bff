import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/lib/static-server.ts';

const site = mkdtempSync(join(tmpdir(), 'static-server-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>Home</title>');
afterAll(() => rmSync(site, { recursive: true, force: true }));

test.each(['reading', '/reading', 'reading/', '/reading/'])('a base path written "%s" is served under /reading/', async (base) => {
  const server = await serveDirectory(site, base);
  try {
    expect(new URL(server.url).pathname).toBe('/reading/');
    expect((await fetch(server.url)).status).toBe(200);
    expect((await fetch(new URL('/index.html', server.url))).status).toBe(404);
  } finally {
    await server.close();
  }
});

test('a site closed and served again on the port it had keeps its origin; a port in use is an error', async () => {
  const first = await serveDirectory(site);
  const port = Number(new URL(first.url).port);
  await expect(serveDirectory(site, '/', {}, { port })).rejects.toThrow(/EADDRINUSE/);
  await first.close();
  const again = await serveDirectory(site, '/', {}, { port });
  try {
    expect(again.url).toBe(first.url);
    expect((await fetch(again.url)).status).toBe(200);
  } finally {
    await again.close();
  }
});
