import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { codeFingerprint, folderFingerprint } from '../../src/publishing/code-fingerprint.ts';

const scratch = mkdtempSync(join(tmpdir(), 'code-fingerprint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the code fingerprint is stable within a process', () => {
  expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  expect(codeFingerprint()).toBe(codeFingerprint());
});

test("a folder's fingerprint changes with a file's bytes, name or manifest, and not with a file left out", () => {
  const src = join(scratch, 'src');
  const manifest = join(scratch, 'package.json');
  const facts = join(src, 'publishing', 'audit-facts.json');
  mkdirSync(join(src, 'publishing'), { recursive: true });
  writeFileSync(manifest, '{"version":"1.0.0"}');
  writeFileSync(join(src, 'index.ts'), 'export {};');
  const before = folderFingerprint(src, manifest, [facts]);
  // The facts `npm pack` writes, written after a first build.
  writeFileSync(facts, '{"builtOn":"2026-12-07"}');
  expect(folderFingerprint(src, manifest, [facts])).toBe(before);
  expect(folderFingerprint(src, manifest)).not.toBe(before);
  writeFileSync(join(src, 'index.ts'), 'export const changed = true;');
  const edited = folderFingerprint(src, manifest, [facts]);
  expect(edited).not.toBe(before);
  writeFileSync(manifest, '{"version":"1.0.1"}');
  expect(folderFingerprint(src, manifest, [facts])).not.toBe(edited);
});
