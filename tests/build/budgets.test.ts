import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, test } from 'vitest';
import { listEssaySlugs, listPages } from '../../scripts/lib/pages.ts';
import { essayPath } from '../../src/lib/urls.ts';
import { readPage } from '../support/html.ts';

/**
 * Size budgets, in bytes, compressed as a host sends them (gzip -9). Speed is measured by
 * `npm run bench`, not here; these are the sizes that make it.
 */
/*
 * 9 KB until the colour scheme choice, which every page carries: its footer control, the
 * script's tag, its CSS rules and the light fallback for browsers without light-dark() add
 * 316 B (9,064 B → 9,380 B for the first essay).
 */
const ESSAY_HTML_AND_CSS = 9.25 * 1024;

const siteDir = inject('siteDir');
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

test.each(listEssaySlugs(siteDir))('the essay page of %s, with the CSS it loads, is at most 9.25 KB compressed', (slug) => {
  const page = essayPath(slug);
  const html = readFileSync(join(siteDir, page, 'index.html'));
  const css = [...readPage(siteDir, page).querySelectorAll('link[rel="stylesheet"]')].map((link) =>
    readFileSync(join(siteDir, link.getAttribute('href') ?? '')),
  );
  const total = gzip(html) + css.reduce((sum, sheet) => sum + gzip(sheet), 0);
  expect(total).toBeLessThanOrEqual(ESSAY_HTML_AND_CSS);
});

test('no page names a file on another site in anything it loads (scripts, styles, images, icons, frames)', () => {
  for (const page of listPages(siteDir)) {
    const document = readPage(siteDir, page);
    const loaded = [
      ...document.querySelectorAll(
        'script[src], link[href]:not([rel~="canonical"], [rel~="alternate"]), img[src], source[srcset], iframe[src], video[src], audio[src]',
      ),
    ]
      .map((element) => element.getAttribute('src') ?? element.getAttribute('href') ?? element.getAttribute('srcset') ?? '')
      .filter((url) => /^(https?:)?\/\//.test(url));
    expect(loaded, page).toEqual([]);
  }
});
