import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';

test('the published site is readable by any web server user: folders 0755, files 0644', () => {
  const siteDir = inject('siteDir');
  const modes = new Map<string, number>([['.', statSync(siteDir).mode & 0o777]]);
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    modes.set(join(entry.parentPath, entry.name).slice(siteDir.length + 1), statSync(join(entry.parentPath, entry.name)).mode & 0o777);
  }
  const wrong = [...modes].filter(([path, mode]) => mode !== (path === '.' || statSync(join(siteDir, path)).isDirectory() ? 0o755 : 0o644));
  expect(wrong.map(([path, mode]) => `${path}: ${mode.toString(8)}`)).toEqual([]);
  expect(modes.size).toBeGreaterThan(10);
});
