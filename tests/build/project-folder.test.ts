import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../support/build-site.ts';

/** What a project needs to build: everything but its installed packages, which are linked. */
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  // The accessibility statement reads the audits and their versions from these.
  'package-lock.json',
  '.pa11yci.json',
  'tsconfig.json',
  'src',
  'content',
  'public',
  'scripts',
];

const scratch = mkdtempSync(join(ROOT, '.tmp', 'folder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('a project in a folder whose name has a space builds', () => {
  const project = join(scratch, 'My Essays');
  for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(project, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', OUT_DIR: 'dist' },
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(readdirSync(join(project, 'dist', 'essays')).length).toBeGreaterThan(0);
});
