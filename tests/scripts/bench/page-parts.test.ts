import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { measurePageParts } from '../../../scripts/bench/page-parts.ts';

const site = mkdtempSync(join(tmpdir(), 'page-parts-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function page(path: string, body: string): void {
  mkdirSync(join(site, path), { recursive: true });
  const html = `<!doctype html><html lang="en"><head><title>T</title><link rel="stylesheet" href="/base/_astro/site.css"></head><body>${body}</body></html>`;
  writeFileSync(join(site, path, 'index.html'), html);
}

mkdirSync(join(site, '_astro'));
const words = Array.from({ length: 200 }, (_, index) => `word${index * 7}`).join(' ');
writeFileSync(
  join(site, '_astro', 'site.css'),
  `p{margin:0 0 1em;hyphens:auto}.toc{font-family:system-ui;padding:.25rem 1.25rem;background:#eee}.toc ol{margin:0}@media print{.toc{display:none}p{orphans:3;widows:3}}`,
);
page(
  'essays/a',
  `<main><article class="essay"><nav class="toc" aria-label="Contents"><ol><li><a href="#one">One, a section with a long name</a></li><li><a href="#two">Two, another section</a></li></ol></nav><p>${words}</p></article></main>`,
);
page('about', `<main><p>${words}</p></main>`);

test("an essay page's parts are weighed by what leaving each out saves, in its HTML and in its CSS", () => {
  const parts = measurePageParts(site, 'essays/a/', '/base/');
  expect(parts?.html).toBeGreaterThan(0);
  expect(parts?.css).toBeGreaterThan(0);
  const byName = new Map(parts?.parts.map((part) => [part.name, part]));
  expect(byName.get('contents')?.html).toBeGreaterThan(20);
  expect(byName.get('contents')?.css).toBeGreaterThan(10);
  expect(byName.get('print styles')).toMatchObject({ html: 0 });
  expect(byName.get('print styles')?.css).toBeGreaterThan(5);
  // Parts the page does not have cost nothing.
  expect(byName.get('phone previews of notes')).toEqual({ name: 'phone previews of notes', html: 0, css: 0 });
  expect(byName.get('JSON-LD')).toEqual({ name: 'JSON-LD', html: 0, css: 0 });
  // Largest saving first.
  const totals = parts?.parts.map((part) => part.html + part.css) ?? [];
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
});

test('a page that is not an essay of this site is not weighed by part', () => {
  expect(measurePageParts(site, 'about/', '/base/')).toBeUndefined();
});
