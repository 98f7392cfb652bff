import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { EssayMetadata } from '../../src/offline/offline-article.ts';
import { writeCitationFiles } from '../../src/publishing/write-citation-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'citation-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const essay = (slug: string, title: string): EssayMetadata => ({
  slug,
  lang: 'en',
  dir: 'ltr',
  title,
  description: undefined,
  authors: [],
  published: undefined,
  modified: undefined,
  canonical: undefined,
});

/** A built site with a folder for each essay's page. */
function site(name: string, slugs: string[]): string {
  const dir = join(scratch, name);
  for (const slug of slugs) mkdirSync(join(dir, 'essays', slug), { recursive: true });
  return dir;
}

test('a rebuild takes the RIS of an unchanged citation from the cache, makes a changed one again, and keeps only this build’s', async () => {
  const keepIn = join(scratch, 'cache', 'citation-files');
  const first = site('first', ['a', 'b']);
  await writeCitationFiles(first, 'Essays', [essay('a', 'On Time'), essay('b', 'On Tides')], keepIn);
  const ris = readFileSync(join(first, 'essays/a/cite.ris'), 'utf8');
  expect(ris).toMatch(/^TY {2}- /m);
  expect(ris).toMatch(/^TI {2}- On Time/m);

  // Marks what the cache holds, to tell a text taken from it from one made again.
  const kept = `${keepIn}.ris.json`;
  const texts = JSON.parse(readFileSync(kept, 'utf8')) as Record<string, string>;
  expect(Object.values(texts).sort()).toEqual([ris, readFileSync(join(first, 'essays/b/cite.ris'), 'utf8')].sort());
  writeFileSync(kept, JSON.stringify(Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, `${text}N1  - kept\n`]))));

  const second = site('second', ['a', 'b']);
  await writeCitationFiles(second, 'Essays', [essay('a', 'On Time'), essay('b', 'On Tides, again')], keepIn);
  expect(readFileSync(join(second, 'essays/a/cite.ris'), 'utf8')).toBe(`${ris}N1  - kept\n`);
  const changed = readFileSync(join(second, 'essays/b/cite.ris'), 'utf8');
  expect(changed).toMatch(/^TI {2}- On Tides, again/m);
  expect(changed).not.toContain('kept');
  // The CSL-JSON is the item itself, whatever the cache holds.
  expect(JSON.parse(readFileSync(join(second, 'essays/a/cite.json'), 'utf8'))).toMatchObject([{ id: 'a', title: 'On Time' }]);
  expect(Object.keys(JSON.parse(readFileSync(kept, 'utf8')) as object)).toHaveLength(2);
  expect(Object.values(JSON.parse(readFileSync(kept, 'utf8')) as Record<string, string>)).toContain(changed);
});
