import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

test('the real site builds in strict mode with no warning: no essay-check warning, no MODULE_LEVEL_DIRECTIVE', () => {
  const result = buildSite({ STRICT: '1' });
  expect(result.status, result.output).toBe(0);
  expect(result.output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|use astro:head-inject/);
  expect(result.output).not.toMatch(/\[WARN\]|warning:/);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});

test('a site of 200 essays, each with a claim awaiting a source, builds with a short log', () => {
  const dir = mkdtempSync(join(ROOT, '.tmp', 'essays-200-'));
  mkdirSync(dir, { recursive: true });
  for (let index = 1; index <= 200; index += 1) {
    writeFileSync(
      join(dir, `essay-${index}.mdx`),
      `---\ntitle: Essay ${index}\ndescription: Generated essay ${index}.\n---\n\n## Part one\n\nA claim.<Footnote needed="A source for claim ${index}." />\n`,
    );
  }
  try {
    const result = buildSite({ ESSAYS_DIR: relative(ROOT, dir) });
    expect(result.status, result.output).toBe(0);
    const lines = result.output.split('\n').filter((line) => line.trim() !== '');
    expect(result.output).not.toMatch(/MODULE_LEVEL_DIRECTIVE/);
    // The sourcing report: ten essays, the rest counted, the total and the report file.
    const report = result.output.slice(result.output.indexOf('Sourcing report')).split('\n');
    expect(report.slice(0, 14).filter((line) => line.startsWith('  ')).length).toBe(13);
    expect(result.output).toMatch(/…and 190 more essays with claims awaiting a source\./);
    expect(result.output).toMatch(/200 claims await a source in 200 of 200 essays\./);
    expect(result.output).not.toMatch(/note 1 \(/);
    // The byline report (none of them names an author or gives a date): a notice of ten
    // essays and a count, printed by the build, and no warning.
    const bylines = result.output.slice(result.output.indexOf('Byline report')).split('\n');
    expect(
      bylines.slice(1, 11).every((line) => / {2}\S+essay-\d+\.mdx: no author, no date$/.test(line)),
      bylines.join('\n'),
    ).toBe(true);
    expect(bylines[11]).toBe('  …and 190 more essays without an author or a date.');
    expect(bylines[12]).toMatch(/^ {2}200 of 200 essays show no author or no date\./);
    // The whole log fits in 60 lines, but for Astro's own list of the pages it generated
    // (one line a page: \`astro build\` is Astro's command, and its log is Astro's).
    expect(lines.filter((line) => !/^\S+ +[├└]─ \//.test(line)).length, result.output).toBeLessThan(60);
    rmSync(dirname(result.outDir), { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);

test('a build log written to a pipe (a file, or a CI console with NO_COLOR) carries no colour codes, even for errors and warnings', () => {
  // Astro colours a CI console (CI=true), whose viewer shows colours; NO_COLOR turns them off there.
  for (const [fixture, env] of [
    ['tests/fixtures/bad/five-mistakes', { CI: undefined }],
    ['tests/fixtures/components', { CI: 'true', NO_COLOR: '1' }],
  ] as const) {
    const result = buildSite({ ESSAYS_DIR: fixture, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env });
    expect(result.output, fixture).toMatch(/warning|Fix:/);
    // eslint-disable-next-line no-control-regex
    expect(result.rawOutput, fixture).not.toMatch(/\u001b\[/);
    rmSync(dirname(result.outDir), { recursive: true, force: true });
  }
});
