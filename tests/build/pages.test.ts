import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { inlineHash, metaContentSecurityPolicy, withInlineHashes } from '../../src/publishing/content-security-policy.ts';
import { listEssaySlugs, listPages } from '../../src/publishing/pages.ts';
import { readFrontmatter, slugOf } from '../../src/authoring/problems.ts';
import { labelsFor } from '../../src/strings/labels.ts';
import { projectConfig } from '../support/site-config.ts';
import { ROOT } from '../support/build-site.ts';
import { inlineCode, normalisedText, readPage } from '../support/html.ts';

const siteDir = inject('siteDir');
const pages = listPages(siteDir);

/** The essays the site's own folder holds and publishes (not drafts), by slug: whatever the author put there. */
function publishedSlugs(): string[] {
  const dir = join(ROOT, projectConfig().essaysDir);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => ({ file: join(dir, file), relativePath: file, source: readFileSync(join(dir, file), 'utf8') }))
    .filter((essay) => readFrontmatter(essay.source)['draft'] !== true)
    .map(slugOf)
    .sort();
}

test('the site has a home page, a search page, a 404 page and a page for each essay', () => {
  expect(pages).toContain('');
  expect(pages).toContain('search/');
  expect(pages).toContain('404.html');
  const essayPages = pages.filter((page) => page.startsWith('essays/')).map((page) => page.slice('essays/'.length, -1));
  expect(essayPages.sort()).toEqual(publishedSlugs());
});

describe.each(pages)('page "/%s"', (page) => {
  const document = readPage(siteDir, page);

  test('has a language, a title and a description', () => {
    expect(document.documentElement.getAttribute('lang')).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
    expect(normalisedText(document.querySelector('title'))).not.toBe('');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()).toBeTruthy();
  });

  test('has one banner, named navigation, one main and one contentinfo landmark', () => {
    // header/footer are banner/contentinfo only when not inside article, aside, main, nav or section.
    const topLevel = (selector: string) =>
      [...document.querySelectorAll(selector)].filter((element) => !element.parentElement?.closest('article, aside, main, nav, section'));
    expect(topLevel('header')).toHaveLength(1);
    expect(topLevel('footer')).toHaveLength(1);
    expect(document.querySelectorAll('main')).toHaveLength(1);
    const navs = [...document.querySelectorAll('nav')];
    expect(navs.length).toBeGreaterThan(0);
    for (const nav of navs) expect(nav.getAttribute('aria-label') ?? nav.getAttribute('aria-labelledby')).toBeTruthy();
  });

  test('starts with a skip link to the main content', () => {
    const first = document.querySelector('body a[href]');
    expect(first?.getAttribute('href')).toBe('#main-content');
    expect(document.querySelector('main')?.id).toBe('main-content');
    expect(normalisedText(first)).not.toBe('');
  });

  test('has one h1 and headings that never skip a level', () => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - (levels[index - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
  });

  test('every link has a name and every id is unique', () => {
    for (const link of document.querySelectorAll('a[href]')) {
      expect(normalisedText(link) || link.getAttribute('aria-label'), link.outerHTML).toBeTruthy();
    }
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('runs no inline script but the colour scheme’s on an essay page, and loads nothing from another origin', () => {
    // schema.org data (JSON-LD) is a data block that never runs. An essay page carries the
    // colour scheme's classic script in itself (src/publishing/inline-assets.ts): the same
    // code as the file every other page loads.
    for (const script of document.querySelectorAll('script[src]')) {
      expect(script.getAttribute('src'), 'scripts are files of the site').toMatch(/^\/[^/]/);
      expect(script.textContent?.trim()).toBe('');
    }
    expect(inlineCode(document).scripts).toEqual(page.startsWith('essays/') ? [colourSchemeCode()] : []);
    expect(document.querySelectorAll('script[type="application/ld+json"]').length).toBeLessThanOrEqual(1);
    for (const element of document.querySelectorAll('[src], link[href]')) {
      const url = element.getAttribute('src') ?? element.getAttribute('href') ?? '';
      expect(url, element.outerHTML).not.toMatch(/^(https?:)?\/\//);
    }
  });

  test('has no canonical URL when SITE_URL is not set', () => {
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
  });
});

/** The colour scheme's classic script, as the pages that are not essays load it. */
function colourSchemeCode(): string {
  const src = readPage(siteDir, '404.html').querySelector('script[src*="/colour-scheme."]')?.getAttribute('src') ?? '';
  return readFileSync(join(siteDir, src), 'utf8').trim();
}

/** The scripts a page loads: their paths in the site, and their gzip sizes. */
function pageScripts(page: string): Array<{ src: string; gzip: number }> {
  return [...readPage(siteDir, page).querySelectorAll('script[src]')].map((script) => {
    const src = script.getAttribute('src') ?? '';
    return { src, gzip: gzipSync(readFileSync(join(siteDir, src))).length };
  });
}

test('every page loads the service worker registration and the colour scheme script (an essay page carries the latter), the 404 page nothing else, the home page its "Reading offline" script', () => {
  const everyPage = pageScripts('404.html');
  expect(everyPage).toHaveLength(2);
  const code = everyPage.map((script) => readFileSync(join(siteDir, script.src), 'utf8'));
  expect(code.filter((text) => text.includes('sw.js'))).toHaveLength(1);
  expect(code.filter((text) => text.includes('colour-scheme'))).toHaveLength(1);
  const sources = everyPage.map((script) => script.src);
  const colourScheme = sources.filter((src) => src.includes('/colour-scheme.'));
  for (const page of pages) {
    const expected = page.startsWith('essays/') ? sources.filter((src) => !colourScheme.includes(src)) : sources;
    expect(pageScripts(page).map((script) => script.src)).toEqual(expect.arrayContaining(expected));
  }
  const home = pageScripts('');
  expect(home).toEqual(expect.arrayContaining(everyPage));
  // The control is on the home page of a site with essays (an empty site has nothing to save).
  expect(home).toHaveLength(listEssaySlugs(siteDir).length > 0 ? 3 : 2);
  // The control's own code is loaded when it is used: what the home page loads stays under 1 KB.
  expect(home.reduce((sum, script) => sum + script.gzip, 0)).toBeLessThanOrEqual(1024);
});

test('the colour scheme script is the one classic script, in <head> with neither async nor defer, so it runs before the body is parsed; an essay page carries it', () => {
  for (const page of pages) {
    const classic = [...readPage(siteDir, page).querySelectorAll('script:not([type])')];
    expect(classic, page).toHaveLength(1);
    if (page.startsWith('essays/')) expect(classic[0]?.textContent, page).toBe(colourSchemeCode());
    else expect(classic[0]?.getAttribute('src'), page).toMatch(/^\/_astro\/colour-scheme\.[\w-]+\.js$/);
    expect(classic[0]?.parentElement?.tagName, page).toBe('HEAD');
    expect(classic[0]?.hasAttribute('async') || classic[0]?.hasAttribute('defer'), page).toBe(false);
  }
});

// 1 KB, held in issue 20 when the margin notes' script came (src/essay/browser/margin-notes.ts,
// which hides a note's margin copy from assistive technology now that it is also the phone's
// preview): it shares one file with the contents' script (src/site/browser/essay-page.ts).
test("an essay page's JavaScript at load, its reading aids (contents and margin notes), the registration and the colour scheme's, is under 1 KB compressed in all", () => {
  for (const page of pages.filter((path) => path.startsWith('essays/'))) {
    const scripts = pageScripts(page);
    expect(scripts.length).toBeLessThanOrEqual(2);
    // The colour scheme's is in the page itself, and counted here too.
    const inline = inlineCode(readPage(siteDir, page)).scripts.map((code) => gzipSync(code).length);
    expect(inline).toHaveLength(1);
    expect([...scripts.map((script) => script.gzip), ...inline].reduce((sum, gzip) => sum + gzip, 0)).toBeLessThanOrEqual(1024);
  }
});

test('the home page lists each essay with its title, standfirst and reading time', () => {
  const home = readPage(siteDir, '');
  const cards = [...home.querySelectorAll('main article')];
  expect(cards).toHaveLength(publishedSlugs().length);
  for (const card of cards) {
    const link = card.querySelector('h2 a');
    expect(link?.getAttribute('href')).toMatch(/^\/essays\/[a-z0-9-]+\/$/);
    // "3 min read", in the essay's language.
    const minutesRead = labelsFor(card.getAttribute('lang') ?? 'en')
      .minutesRead(0)
      .replace('0', '\\d+');
    expect(normalisedText(card)).toMatch(new RegExp(minutesRead));
    const essay = readPage(siteDir, (link?.getAttribute('href') ?? '').slice(1));
    expect(normalisedText(card)).toContain(essay.querySelector('meta[name="description"]')?.getAttribute('content'));
  }
});

test('no page has a style attribute, and only an essay page a <style> and a <script>: the shared stylesheet and the colour scheme’s script, which its policy allows by hash', () => {
  for (const page of pages) {
    const html = readFileSync(join(siteDir, page === '' || page.endsWith('/') ? `${page}index.html` : page), 'utf8');
    expect(html).not.toMatch(/\sstyle="/);
    const { styles, scripts } = inlineCode(readPage(siteDir, page));
    expect(styles, page).toHaveLength(page.startsWith('essays/') ? 1 : 0);
    expect(scripts, page).toHaveLength(page.startsWith('essays/') ? 1 : 0);
    const policy = readPage(siteDir, page).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy, page).toBe(
      metaContentSecurityPolicy(withInlineHashes({ styles: styles.map(inlineHash), scripts: scripts.map(inlineHash) })),
    );
  }
});

test('every page but an essay loads the site’s one shared stylesheet first; an essay page carries its rules instead, and loads none', () => {
  const sheets = (page: string) =>
    [...readPage(siteDir, page).querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href') ?? '');
  const shared = sheets('404.html');
  expect(shared).toHaveLength(1);
  const css = readFileSync(join(siteDir, shared[0] ?? ''), 'utf8');
  for (const page of pages) {
    if (!page.startsWith('essays/')) {
      expect(sheets(page)[0], page).toBe(shared[0]);
      continue;
    }
    expect(sheets(page), page).toEqual([]);
    // The shared stylesheet's rules, but for those of classes the page has no element of.
    const style = readPage(siteDir, page).querySelector('style')?.textContent ?? '';
    expect(style.length, page).toBeGreaterThan(css.length / 2);
    expect(style.length, page).toBeLessThanOrEqual(css.length);
    expect(style, page).toContain('.essay{');
  }
});
