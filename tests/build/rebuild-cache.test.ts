import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

const scratch = mkdtempSync(join(ROOT, '.tmp', 'rebuild-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const essay = (title: string, text: string) =>
  `---\ntitle: ${title}\ndescription: An essay about ${title}.\n---\n\n## Part one\n\n${text}\n`;

test('a rebuild on the same cache copies the downloads of the unchanged essay, and makes those of the edited one again', () => {
  const essays = join(scratch, 'essays');
  const env = { ESSAYS_DIR: relative(ROOT, essays), CACHE_DIR: join(scratch, 'cache') };
  mkdirSync(essays, { recursive: true });
  writeFileSync(join(essays, 'kept.mdx'), essay('Kept', 'This essay does not change between the builds.'));
  writeFileSync(join(essays, 'edited.mdx'), essay('Edited', 'This essay is edited before the second build.'));
  const first = buildSite(env);
  expect(first.status, first.output).toBe(0);
  expect(first.output).not.toContain('copied from the cache');
  const file = (dir: string, slug: string, extension: string) => readFileSync(join(dir, 'essays', slug, `${slug}.${extension}`));

  writeFileSync(join(essays, 'edited.mdx'), essay('Edited', 'This essay was edited before the second build.'));
  const second = buildSite(env);
  expect(second.status, second.output).toBe(0);
  expect(second.output).toContain('for each of 2 essay(s)');
  expect(second.output).toContain('(1 unchanged since the last build, copied from the cache)');
  // The unchanged essay's EPUB is the first build's, byte for byte (one made again would carry
  // this build's time); the edited essay's downloads have its new words.
  expect(file(second.outDir, 'kept', 'epub')).toEqual(file(first.outDir, 'kept', 'epub'));
  expect(file(second.outDir, 'edited', 'epub')).not.toEqual(file(first.outDir, 'edited', 'epub'));
  expect(file(second.outDir, 'edited', 'html').toString()).toContain('This essay was edited');
  // Both pages give their downloads' sizes.
  for (const slug of ['kept', 'edited']) {
    expect(readFileSync(join(second.outDir, 'essays', slug, 'index.html'), 'utf8')).toMatch(/data-download-size="epub"[^>]*>, \d+ KB</);
  }
  for (const build of [first, second]) rmSync(dirname(build.outDir), { recursive: true, force: true });
});
