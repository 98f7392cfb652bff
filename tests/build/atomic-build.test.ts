import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

test('a failed build leaves the site that was there before untouched', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp', 'atomic-'));
  const outDir = join(scratch, 'site');
  const builds: Array<{ outDir: string }> = [];
  try {
    const first = buildSite({ ESSAYS_DIR: 'tests/fixtures/components', OUT_DIR: outDir });
    builds.push(first);
    expect(first.status, first.output).toBe(0);
    const before = readFileSync(join(outDir, 'index.html'), 'utf8');
    writeFileSync(join(outDir, 'marker.txt'), 'from the previous build');

    const broken = join(scratch, 'essays');
    cpSync(join(ROOT, 'tests/fixtures/bad/broken-mdx'), broken, { recursive: true });
    const failed = buildSite({ ESSAYS_DIR: broken.slice(ROOT.length + 1), OUT_DIR: outDir });
    builds.push(failed);
    expect(failed.status).not.toBe(0);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe(before);
    expect(readFileSync(join(outDir, 'marker.txt'), 'utf8')).toBe('from the previous build');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    // buildSite's own scratch folders, left empty: the site went to OUT_DIR.
    for (const build of builds) rmSync(dirname(build.outDir), { recursive: true, force: true });
  }
});

test('a build of a site that another running build is writing stops at once, naming that build, and leaves both alone', () => {
  const scratch = mkdtempSync(join(ROOT, '.tmp', 'atomic-'));
  const outDir = join(scratch, 'site');
  const lock = join(scratch, '.site-staging.lock');
  let build: { outDir: string } | undefined;
  try {
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'the site as it was');
    // The lock of a build that runs: the test runner's own parent process stands for it.
    writeFileSync(lock, String(process.ppid));
    const refused = buildSite({ ESSAYS_DIR: 'tests/fixtures/components', OUT_DIR: outDir });
    build = refused;
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(`Another build (process ${process.ppid}) is writing this site in ${join(scratch, '.site-staging')}`);
    expect(refused.output).toContain(`delete ${lock}`);
    expect(refused.output).toContain(`Nothing was written to ${outDir}`);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the site as it was');
    expect(readFileSync(lock, 'utf8')).toBe(String(process.ppid));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (build) rmSync(dirname(build.outDir), { recursive: true, force: true });
  }
});
