import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FileRevisions, md5 } from '../../src/offline/file-revisions.ts';
import { rewritePage } from '../../src/publishing/pages.ts';

const scratch = mkdtempSync(join(tmpdir(), 'file-revisions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('a rebuild takes the last build’s MD5 of a file it has not written since, reads one it has, and keeps only its own', () => {
  const kept = join(scratch, 'revisions.json');
  const page = join(scratch, 'page.html');
  const gone = join(scratch, 'gone.html');
  writeFileSync(page, '<p>One</p>');
  writeFileSync(gone, '<p>Gone</p>');

  const first = new FileRevisions(kept);
  expect(first.revision('page.html', page, statSync(page))).toBe(md5('<p>One</p>'));
  expect(first.revision('gone.html', gone, statSync(gone))).toBe(md5('<p>Gone</p>'));
  first.save();

  // The same file, unchanged: taken from the cache without reading it (no file by that path now).
  const second = new FileRevisions(kept);
  expect(second.revision('page.html', join(scratch, 'not-there.html'), statSync(page))).toBe(md5('<p>One</p>'));
  second.save();
  expect(Object.keys(JSON.parse(readFileSync(kept, 'utf8')) as object)).toEqual(['page.html']);

  // Written in place since, to the same length (the same inode and size): its modification time says so.
  rewritePage(page, '<p>Two</p>');
  const third = new FileRevisions(kept);
  expect(third.revision('page.html', page, statSync(page))).toBe(md5('<p>Two</p>'));
  // Replaced by another file of the same size.
  rmSync(page);
  writeFileSync(page, '<p>Six</p>');
  expect(third.revision('page.html', page, statSync(page))).toBe(md5('<p>Six</p>'));
});

test('without a file to keep them in, or with one that cannot be read, every file is read', () => {
  const page = join(scratch, 'alone.html');
  writeFileSync(page, 'alone');
  expect(new FileRevisions().revision('alone.html', page, statSync(page))).toBe(md5('alone'));
  const broken = join(scratch, 'broken.json');
  writeFileSync(broken, '{ not json');
  expect(new FileRevisions(broken).revision('alone.html', page, statSync(page))).toBe(md5('alone'));
});
