import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { KeptTable, LinkedFiles, writeCacheFile } from '../../src/publishing/cache-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a cache file is written into its folder, made if missing, over the last one, with no temporary file left', () => {
  const file = join(dir, 'nested', 'index.json');
  writeCacheFile(file, '{"first":1}');
  writeCacheFile(file, Buffer.from('{"second":2}'));
  expect(readFileSync(file, 'utf8')).toBe('{"second":2}');
  expect(readdirSync(join(dir, 'nested'))).toEqual(['index.json']);
});

describe('LinkedFiles', () => {
  const folder = (name: string) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };

  /** One build: places each file's text in a fresh folder of the site, then prunes the store; returns the folder. */
  const build = (store: string, site: string, files: Record<string, string>) => {
    const into = folder(site);
    const linked = new LinkedFiles(store);
    for (const [name, text] of Object.entries(files)) linked.place(join(into, name), text);
    linked.prune();
    return into;
  };

  test('a text is kept once by what it holds, and every build places it as a link to that one file', () => {
    const store = join(dir, 'linked');
    const files = { 'cite.bib': '@online{a}\n', 'cite.ris': 'TY  - ELEC\n' };
    const first = build(store, 'site-1', files);
    expect(readFileSync(join(first, 'cite.bib'), 'utf8')).toBe('@online{a}\n');
    expect(readdirSync(store)).toHaveLength(2);

    // The next build, into a fresh folder: the same texts are linked, not written again.
    const second = build(store, 'site-2', files);
    expect(statSync(join(second, 'cite.bib')).ino).toBe(statSync(join(first, 'cite.bib')).ino);
    expect(statSync(join(second, 'cite.bib')).nlink).toBe(3);
    expect(readFileSync(join(second, 'cite.ris'), 'utf8')).toBe('TY  - ELEC\n');
    expect(readdirSync(store)).toHaveLength(2);
  });

  test('what a build no longer places is pruned, and a kept file edited through a link is not placed again', () => {
    const store = join(dir, 'pruned');
    const first = build(store, 'pruned-1', { 'a.txt': 'old text', 'b.txt': 'kept text' });
    // Someone edits the published file in place: the kept file changes with it.
    writeFileSync(join(first, 'b.txt'), 'edited in the site');

    const second = build(store, 'pruned-2', { 'a.txt': 'new text', 'b.txt': 'kept text' });
    expect(readFileSync(join(second, 'a.txt'), 'utf8')).toBe('new text');
    expect(readFileSync(join(second, 'b.txt'), 'utf8')).toBe('kept text');
    expect(
      readdirSync(store)
        .map((name) => readFileSync(join(store, name), 'utf8'))
        .sort(),
    ).toEqual(['kept text', 'new text']);
  });

  test('a target already there is replaced, and pruning a store never made does nothing', () => {
    const site = folder('replaced');
    writeFileSync(join(site, 'cite.json'), 'stale');
    const files = new LinkedFiles(join(dir, 'replaced-store'));
    files.place(join(site, 'cite.json'), '[]\n');
    expect(readFileSync(join(site, 'cite.json'), 'utf8')).toBe('[]\n');
    expect(() => new LinkedFiles(join(dir, 'never-made')).prune()).not.toThrow();
  });
});

test('a kept table gives the next build what this one set, and only that; an unreadable one is empty', () => {
  const file = join(dir, 'table.json');
  const first = new KeptTable<number>(file);
  expect(first.last).toEqual({});
  expect(first.set('a', 1)).toBe(1);
  first.set('b', 2);
  first.save();
  const second = new KeptTable<number>(file);
  expect(second.last).toEqual({ a: 1, b: 2 });
  second.set('a', second.last['a'] ?? 0);
  second.save();
  expect(new KeptTable<number>(file).last).toEqual({ a: 1 });
  writeFileSync(file, '{ not JSON');
  expect(new KeptTable<number>(file).last).toEqual({});
  // Without a file, nothing is read or kept.
  const none = new KeptTable<number>();
  none.set('a', 1);
  none.save();
  expect(none.last).toEqual({});
});
