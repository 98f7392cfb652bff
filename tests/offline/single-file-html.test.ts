import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { offlineArticle, readEssayPage, type EssayMetadata } from '../../src/offline/offline-article.ts';
import {
  contentSecurityPolicy,
  dataUrl,
  inlineCssUrls,
  oneLineCss,
  singleFileHtml,
  styleHash,
} from '../../src/offline/single-file-html.ts';

test('the style hash is the base64 SHA-256 of the exact text, as CSP wants it', () => {
  // printf 'body{color:red}' | openssl dgst -sha256 -binary | base64
  expect(styleHash('body{color:red}')).toBe("'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='");
  expect(styleHash('body{color:red} ')).not.toBe(styleHash('body{color:red}'));
});

test('the policy allows that one style and data: images, and no request of any kind', () => {
  expect(contentSecurityPolicy('body{color:red}')).toBe(
    "default-src 'none'; style-src 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; img-src data:; base-uri 'none'; form-action 'none'",
  );
  expect(contentSecurityPolicy('a{}')).not.toContain('unsafe-inline');
});

test('the stylesheets become one line of CSS, without comments, and otherwise as written', () => {
  const site = '.a{color:red}@media (width>=76rem){.b{margin:0}}\n';
  const footer =
    '/* The footer. */\n.site-footer p {\n  max-inline-size: var(--width-measure);\n}\n\n@media print {\n  .c {\n    content: "a  b";\n  }\n}\n';
  expect(oneLineCss([site, footer])).toBe(
    '.a{color:red}@media (width>=76rem){.b{margin:0}}.site-footer p{max-inline-size:var(--width-measure)}@media print{.c{content:"a  b"}}',
  );
});

test('url()s in CSS become data: URLs for images, and none for anything else', () => {
  const toData = (url: string) => (url.endsWith('.png') ? 'data:image/png;base64,AA==' : undefined);
  const css = `a{background:url(/_astro/a.png)}b{background:url( "b.png" )}@font-face{src:url('f.woff2') format('woff2')}c{background:url(data:image/gif;base64,R0)}`;
  expect(inlineCssUrls(css, toData)).toBe(
    `a{background:url("data:image/png;base64,AA==")}b{background:url("data:image/png;base64,AA==")}@font-face{src:none format('woff2')}c{background:url(data:image/gif;base64,R0)}`,
  );
});

test('a data: URL carries the media type and the bytes in base64', () => {
  expect(dataUrl(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toBe('data:image/png;base64,iVBORw==');
});

const PAGE = `<!DOCTYPE html><html lang="he" dir="rtl"><head><meta name="description" content="תיאור"></head><body><main>
<article class="essay" data-pagefind-body><header><h1>מסה</h1><p class="downloads" data-reading-aid>Read offline</p></header>
<nav class="toc"><details open><summary>תוכן</summary><ol><li><a href="#a">א</a></li></ol></details></nav><script src="/_astro/toc.js"></script>
<div class="essay-body"><h2 id="a" tabindex="-1">א</h2><p><img src="/_astro/a.webp" alt="דגל"></p></div></article></main></body></html>`;

function build(overrides: Partial<EssayMetadata> = {}, css = 'body{margin:0}', siteLang = 'en') {
  const page = readEssayPage(PAGE, 'masa');
  const { article } = offlineArticle(page.article, { pageUrl: new URL('https://site.invalid/essays/masa/'), siteKnown: false });
  const html = singleFileHtml({
    metadata: { ...page.metadata, ...overrides },
    article,
    css,
    images: new Map([['/_astro/a.webp', 'data:image/webp;base64,UklGRg==']]),
    siteTitle: 'The Reading Room',
    siteLang,
  });
  return { html, document: parseHTML(html).document as unknown as Document };
}

test('a whole document: doctype, language and direction, charset, viewport, colour schemes, title', () => {
  const { html, document } = build();
  expect(html.startsWith('<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8">')).toBe(true);
  expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
  expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
  expect(document.title).toBe('מסה');
  expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('תיאור');
});

test('the policy in the page hashes the style that is in the page, byte for byte', () => {
  const { document } = build({}, 'body{margin:0}\n.a::after{content:"\\201C"}');
  const css = document.querySelector('style')?.textContent ?? '';
  expect(css).toBe('body{margin:0}\n.a::after{content:"\\201C"}');
  const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  expect(policy).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  expect(document.querySelectorAll('style')).toHaveLength(1);
});

test('no script, the contents folded as on the page (a wide screen shows them by CSS), images as data: URLs, the article inside main', () => {
  const { html, document } = build();
  expect(html).not.toMatch(/<script|data-reading-aid|data-pagefind/);
  expect(document.querySelector('main > article nav.toc details')?.hasAttribute('open')).toBe(false);
  expect(document.querySelector('img')?.getAttribute('src')).toBe('data:image/webp;base64,UklGRg==');
  expect(document.querySelectorAll('link')).toHaveLength(0);
});

test('the footer names the site, and links to the essay’s address only when it is known', () => {
  const footer = (document: Document) => document.querySelector('body > footer p');
  const unknown = footer(build().document);
  expect(unknown?.textContent).toBe('From The Reading Room.');
  expect(unknown?.getAttribute('lang')).toBe('en');
  const german = footer(build({}, 'body{margin:0}', 'de').document);
  expect([german?.textContent, german?.getAttribute('lang')]).toEqual(['Aus The Reading Room.', 'de']);
  expect(unknown?.getAttribute('lang')).toBe('en');
  expect(unknown?.querySelector('a')).toBeNull();
  const known = build({ canonical: 'https://essays.example/essays/masa/' }).document;
  expect(footer(known)?.querySelector('a')?.getAttribute('href')).toBe('https://essays.example/essays/masa/');
  expect(known.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://essays.example/essays/masa/');
});

test('CSS that would close the style element early is refused', () => {
  expect(() => build({}, 'a{content:"</style><script>x</script>"}')).toThrow('</style');
});

test('an image without its data: URL is an error, never a request', () => {
  const page = readEssayPage(PAGE, 'masa');
  const { article } = offlineArticle(page.article, { pageUrl: new URL('https://site.invalid/essays/masa/'), siteKnown: false });
  expect(() =>
    singleFileHtml({ metadata: page.metadata, article, css: '', images: new Map(), siteTitle: 'Essays', siteLang: 'en' }),
  ).toThrow('/_astro/a.webp');
});

test('a copy’s CSS leaves out the rules of the web page’s reading aids, and keeps every other', () => {
  const css = [
    '.note-popover{position-area:block-end}',
    '.note-ref:is(:hover,:focus-within)+.sidenote{color:red}',
    '@media (width>=62rem){.note-toggle,.note-popover{display:none}.note-link{visibility:visible}}',
    '.note-link,.note-toggle{color:blue}',
    'p{margin:0}',
  ].join('\n');
  const kept = oneLineCss([css]);
  expect(kept).not.toMatch(/position-area|\.sidenote\{|display:none/);
  // A rule that also styles something the copy has is kept whole.
  expect(kept).toContain('.note-link,.note-toggle{color:');
  expect(kept).toContain('.note-link{visibility:visible}');
  expect(kept).toContain('p{margin:0}');
});
