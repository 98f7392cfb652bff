import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

const scratch = mkdtempSync(join(ROOT, '.tmp', 'rebuild-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const essay = (title: string, text: string) =>
  `---\ntitle: ${title}\ndescription: An essay about ${title}.\n---\n\n## Part one\n\n${text}\n`;

/** The essay pages a build rendered, and those it copied from the last build (Astro's log: `/essays/kept/index.html (restored)`). */
function essayPages(output: string): { rendered: string[]; copied: string[] } {
  const pages = [...output.matchAll(/\/essays\/([^/\s]+)\/index\.html( \(restored\)| \(cached\))?/g)];
  return {
    rendered: pages.filter((match) => !match[2]).map((match) => match[1] as string),
    copied: pages.filter((match) => match[2]).map((match) => match[1] as string),
  };
}

test('a rebuild on the same cache copies the pages and downloads of the unchanged essay, and makes those of the edited ones again', () => {
  const essays = join(scratch, 'essays');
  const env = { ESSAYS_DIR: relative(ROOT, essays), CACHE_DIR: join(scratch, 'cache') };
  mkdirSync(essays, { recursive: true });
  mkdirSync(join(scratch, 'refs'), { recursive: true });
  writeFileSync(join(essays, 'kept.mdx'), essay('Kept', 'This essay does not change between the builds.'));
  writeFileSync(join(essays, 'edited.mdx'), essay('Edited', 'This essay is edited before the second build.'));
  // An essay whose words are unchanged, citing a bibliography outside the essays folder that is.
  const bibliography = (title: string) => `@book{hale2019,\n  author = {Hale, Miriam},\n  title = {${title}},\n  year = {2019}\n}\n`;
  writeFileSync(join(scratch, 'refs', 'own.bib'), bibliography('The Long Essay'));
  writeFileSync(
    join(essays, 'cites.mdx'),
    essay('Cites', 'This essay cites a book.<Footnote source="hale2019" />').replace('---\n\n', 'bibliography: ../refs/own.bib\n---\n\n'),
  );
  const first = buildSite(env);
  expect(first.status, first.output).toBe(0);
  expect(first.output).not.toContain('copied from the cache');
  const file = (dir: string, slug: string, extension: string) => readFileSync(join(dir, 'essays', slug, `${slug}.${extension}`));

  expect(essayPages(first.output).rendered.sort()).toEqual(['cites', 'edited', 'kept']);

  writeFileSync(join(essays, 'edited.mdx'), essay('Edited', 'This essay was edited before the second build.'));
  writeFileSync(join(scratch, 'refs', 'own.bib'), bibliography('The Long Essay, Revised'));
  const second = buildSite(env);
  expect(second.status, second.output).toBe(0);
  // Only the pages whose essay or named file changed are rendered again (src/site/page-reuse.ts).
  expect(essayPages(second.output), second.output).toEqual({ rendered: expect.arrayContaining(['cites', 'edited']), copied: ['kept'] });
  // The unchanged page was linked from Astro's copy before Astro rendered, so Astro found it written
  // ("cached") rather than copying it ("restored"); the build steps then gave it a file that is not
  // Astro's copy (the page the first build published, as it came out the same: src/publishing/essay-pages.ts),
  // and Astro's copy is still the page as Astro wrote it, with no download sizes or styles in it.
  expect(second.output).toMatch(/\/essays\/kept\/index\.html \(cached\)/);
  const inode = (dir: string, slug: string) => statSync(join(dir, 'essays', slug, 'index.html')).ino;
  for (const slug of ['kept', 'edited', 'cites'])
    expect(inode(second.outDir, slug), slug).not.toBe(inode(join(scratch, 'cache', 'dist'), slug));
  expect(second.output).toContain('(1 unchanged since the last build, linked from the cache)');
  expect(inode(second.outDir, 'kept')).toBe(inode(first.outDir, 'kept'));
  const astroCopy = readFileSync(join(scratch, 'cache', 'dist', 'essays', 'kept', 'index.html'), 'utf8');
  expect(astroCopy).toMatch(/<span[^>]*data-download-size="epub"[^>]*><\/span>/);
  expect(astroCopy).not.toContain('<style');
  expect(readFileSync(join(second.outDir, 'essays', 'cites', 'index.html'), 'utf8')).toContain('The Long Essay, Revised');
  // And only those essays are compiled again; the other is given to the bundle as compiled before (src/site/compiled-essays.ts).
  expect(second.output).toContain('Essays compiled: 2 of 3 (1 unchanged since the last build, compiled then).');
  // The web app's icons, drawn from an unchanged SVG by unchanged code, are copied too.
  expect(second.output).toMatch(/\/icons\/icon-512\.png \(restored\)/);
  // And checked (src/authoring/checks-cache.ts).
  expect(second.output).toContain('Essays checked: 2 of 3 (1 unchanged since the last build, checked then).');
  expect(second.output).toContain('for each of 3 essay(s)');
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
  // Every page is the one a build from nothing makes.
  const full = buildSite({ ...env, CACHE_DIR: join(scratch, 'fresh-cache') });
  expect(full.status, full.output).toBe(0);
  expect(essayPages(full.output).copied).toEqual([]);
  for (const path of ['essays/kept', 'essays/edited', 'essays/cites', '', 'search']) {
    const page = (dir: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
    expect(page(second.outDir), path).toBe(page(full.outDir));
  }
  // A third build, with nothing changed, links every essay page and still publishes the same pages.
  const third = buildSite(env);
  expect(third.status, third.output).toBe(0);
  expect(essayPages(third.output), third.output).toEqual({ rendered: [], copied: expect.arrayContaining(['cites', 'edited', 'kept']) });
  for (const slug of ['kept', 'edited', 'cites']) {
    const page = (dir: string) => readFileSync(join(dir, 'essays', slug, 'index.html'), 'utf8');
    expect(page(third.outDir), slug).toBe(page(full.outDir));
    // Each is the second build's published page, linked, not a file written again.
    expect(inode(third.outDir, slug), slug).toBe(inode(second.outDir, slug));
  }
  // So is the search index, page for page (each fragment is named by what was indexed of its page), whether
  // the rebuild began it from the last build's copies (src/search/early-search-index.ts) or not.
  const fragments = (dir: string) => readdirSync(join(dir, 'pagefind', 'en', 'fragment')).sort();
  expect(fragments(second.outDir)).toEqual(fragments(full.outDir));
  expect(fragments(second.outDir)).toHaveLength(3);
  // The citation files are the same as well, and an unchanged one is the first build's file, linked from the cache, not written again.
  for (const slug of ['kept', 'edited', 'cites']) {
    for (const name of ['cite.bib', 'cite.ris', 'cite.json']) {
      const citation = (dir: string) => join(dir, 'essays', slug, name);
      expect(readFileSync(citation(second.outDir), 'utf8'), `${slug}/${name}`).toBe(readFileSync(citation(full.outDir), 'utf8'));
      expect(statSync(citation(second.outDir)).ino, `${slug}/${name}`).toBe(statSync(citation(first.outDir)).ino);
    }
  }
  for (const build of [first, second, full, third]) rmSync(dirname(build.outDir), { recursive: true, force: true });
});
