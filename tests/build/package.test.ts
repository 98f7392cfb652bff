import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ASTRO, ROOT, shellEnv } from '../support/build-site.ts';
import { normalisedText, readPage } from '../support/html.ts';

/**
 * Essay Press as another Astro site meets it: `npm pack` makes the tarball, and a project with
 * nothing but a package.json, an astro.config.mjs with `essayPress({ title: 'Field Notes' })`,
 * one essay in content/essays/ that imports a component of the site's own, a page of its own and
 * its own words for two labels (a strings module that imports the package)
 * (tests/fixtures/adopter-site/) installs it
 * and runs `astro build`. The project sits under .tmp/, so the package's own dependencies
 * resolve from this project's node_modules, as they would from its own after `npm install`:
 * no network.
 */
const scratch = mkdtempSync(join(ROOT, '.tmp', 'package-'));
const site = join(scratch, 'field-notes');
const dist = join(site, 'dist');
let build: { status: number | null; output: string };
let rebuild: { status: number | null; output: string };
const COPIES = 60;

beforeAll(() => {
  const pack = spawnSync('npm', ['pack', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', env: shellEnv() });
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  cpSync(join(ROOT, 'tests/fixtures/adopter-site'), site, { recursive: true });
  // `npm install ./essay-press.tgz`, without the registry: the tarball unpacked where npm puts it.
  const installed = join(site, 'node_modules', 'essay-press');
  mkdirSync(installed, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', join(scratch, tarball ?? ''), '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  // The environment of a shell, without this project's build overrides (OUT_DIR, ESSAYS_DIR…).
  const env = Object.fromEntries(
    Object.entries(shellEnv()).filter(
      ([name]) => !/^(OUT_DIR|CACHE_DIR|ESSAYS_DIR|SITE_|BASE_PATH|ESSAYS_PER_PAGE|STRICT|REQUIRE_SOURCES)/.test(name),
    ),
  );
  // Enough essays that a build on a machine with several CPUs would share their downloads out
  // between worker threads (src/offline/worker-share.ts), which Node cannot start from here.
  for (let copy = 1; copy <= COPIES; copy++) {
    writeFileSync(
      join(site, 'content/essays', `copy-${copy}.mdx`),
      `---\ntitle: Copy ${copy}\ndescription: One of many short essays.\n---\n\n## Part one\n\nA short essay, number ${copy}.\n`,
    );
  }
  const astroBuild = () => {
    // With an address, so that the feed and the social cards are made too.
    const result = spawnSync(process.execPath, [ASTRO, 'build'], {
      cwd: site,
      encoding: 'utf8',
      env: { ...env, NO_COLOR: '1', SITE_URL: 'https://field-notes.example' },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  build = astroBuild();
  // Then one essay is edited, and the site built again on the same cache.
  appendFileSync(join(site, 'content/essays/copy-1.mdx'), '\nA sentence added.\n');
  rebuild = astroBuild();
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds the integration and its parts, not this project’s essays, tests or tools', () => {
  const files = readdirSync(join(site, 'node_modules', 'essay-press'), { recursive: true, encoding: 'utf8' });
  expect(files).toContain(join('src', 'index.ts'));
  expect(files).toContain(join('src', 'publishing', 'audit-facts.json'));
  expect(files.some((file) => file.startsWith('content') || file.startsWith('tests') || file.startsWith('scripts'))).toBe(false);
});

test('astro build in a new project with essayPress() makes the whole site', () => {
  expect(build.status, build.output).toBe(0);
  const essay = readPage(dist, 'essays/tides/');
  expect(normalisedText(essay.querySelector('h1'))).toBe('On Tides');
  expect(normalisedText(essay.querySelector('title'))).toContain('Field Notes');
  // Contents, numbered notes (one awaiting its source) and numbered scenarios.
  expect([...essay.querySelectorAll('nav.toc a')].map((link) => link.getAttribute('href'))).toEqual(
    expect.arrayContaining(['#two-bulges', '#the-moon', '#tides.scenario-spring-tide']),
  );
  expect(essay.querySelectorAll('[role="doc-noteref"]').length).toBe(2);
  expect(essay.querySelector('[role="doc-endnotes"]')).not.toBeNull();
  expect([...essay.querySelectorAll('ol.scenarios > li.scenario h3')].map(normalisedText)).toEqual([
    'Scenario 1: Spring tide',
    'Scenario 2: Neap tide',
  ]);
  // Search, the offline copies, the service worker and the accessibility statement.
  expect(existsSync(join(dist, 'pagefind', 'en', 'pagefind.js'))).toBe(true);
  expect(existsSync(join(dist, 'essays/tides/tides.epub'))).toBe(true);
  expect(existsSync(join(dist, 'essays/tides/tides.html'))).toBe(true);
  expect(existsSync(join(dist, 'sw.js'))).toBe(true);
  // The feed and the social cards.
  expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toMatch(/<title>Field Notes<\/title>[\s\S]*<item>/);
  expect(readPage(dist, 'essays/tides/').querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
    /^https:\/\/field-notes\.example\/.+\.png$/,
  );
  expect(normalisedText(readPage(dist, 'accessibility/').querySelector('h1'))).toBe('Accessibility statement');
  expect(existsSync(join(dist, 'favicon.svg'))).toBe(true);
  // A component of the site's own, imported by the essay from src/components/.
  expect(normalisedText(essay.querySelector('aside.callout[aria-label="Tide tables"]'))).toBe('Tables give the times for each port.');
  // The site's own words, from a strings module that imports the installed package.
  expect(normalisedText(essay.querySelector('nav.toc summary'))).toBe('In this essay, 2 parts');
  // The site's own page lives beside ours.
  expect(normalisedText(readPage(dist, 'about/').querySelector('h1'))).toBe('About');
  expect(readdirSync(site).filter((name) => name.includes('staging'))).toEqual([]);
});

test('its many essays all get their downloads, and a rebuild after one edit renders that essay’s page, and only the one that imports, again', () => {
  expect(build.status, build.output).toBe(0);
  expect(build.output).toContain(`for each of ${COPIES + 1} essay(s)`);
  for (const copy of [1, COPIES]) expect(existsSync(join(dist, `essays/copy-${copy}/copy-${copy}.epub`))).toBe(true);
  expect(rebuild.status, rebuild.output).toBe(0);
  const rendered = [...rebuild.output.matchAll(/\/essays\/([^/\s]+)\/index\.html(?! \((?:restored|cached)\))/g)].map((match) => match[1]);
  // And the essay that imports a component of the site's, whose code its page's key cannot follow.
  expect(rendered.sort()).toEqual(['copy-1', 'tides']);
  // Only the edited essay is compiled again, the one that imports included (src/site/compiled-essays.ts).
  expect(rebuild.output).toContain(`Essays compiled: 1 of ${COPIES + 1} (${COPIES} unchanged since the last build, compiled then).`);
  expect(rebuild.output).toContain(`Essays checked: 1 of ${COPIES + 1} (${COPIES} unchanged since the last build, checked then).`);
  expect(normalisedText(readPage(dist, 'essays/copy-1/').querySelector('.essay-body'))).toContain('A sentence added.');
});
