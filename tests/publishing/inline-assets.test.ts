import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  contentSecurityPolicy,
  inlineHash,
  metaContentSecurityPolicy,
  withInlineHashes,
} from '../../src/publishing/content-security-policy.ts';
import { forMarkup, inlineAssets, markupIn } from '../../src/publishing/inline-assets.ts';

const CSS = '.note{color:red}\n.figure{margin:0}\np .figure,.scenario{padding:0}\n:is(.figure,.table) td{border:0}\np{margin:0}\n';
const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}"><link rel="stylesheet" href="/base/_astro/site.css"></head><body>${body}</body></html>`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('a stylesheet link becomes a <style> of the rules the page uses, which its policy allows by hash and nothing else inline', () => {
  const read: string[] = [];
  const { html, hashes } = inlineAssets(page('<p class="note">A note.</p>'), (href) => (read.push(href), CSS));
  expect(read).toEqual(['/base/_astro/site.css']);
  expect(html).not.toContain('<link rel="stylesheet"');
  const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
  // No figure and no scenario on the page: their rules go, one whose :is() names only classes the page lacks too.
  expect(style).toBe('.note{color:red}p{margin:0}');
  expect(hashes).toEqual({ styles: [sha256(style)], scripts: [] });
  const policy = /content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(policy).toBe(metaContentSecurityPolicy(withInlineHashes(hashes)));
  expect(policy).toContain(`style-src 'self' ${sha256(style)};`);
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(policy).not.toMatch(/unsafe-inline/);
});

const SCRIPT = 'document.documentElement.dataset.scheme="dark";';
const withScripts = (body: string) =>
  page(body).replace(
    '</head>',
    '<script type="module" src="/base/_astro/page.js"></script><script src="/base/_astro/colour-scheme.js"></script></head>',
  );

test('a classic script becomes a <script> of its code, which the policy allows by hash; module scripts stay files', () => {
  const read: string[] = [];
  const { html, hashes } = inlineAssets(
    withScripts('<p class="note">A note.</p>'),
    (href) => (read.push(href), href.endsWith('.css') ? CSS : `${SCRIPT}\n`),
  );
  expect(read).toEqual(['/base/_astro/site.css', '/base/_astro/colour-scheme.js']);
  expect(html).toContain(`<script>${SCRIPT}</script></head>`);
  expect(html).toContain('<script type="module" src="/base/_astro/page.js"></script>');
  expect(html).not.toContain('colour-scheme.js');
  expect(hashes.scripts).toEqual([sha256(SCRIPT)]);
  const policy = /content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(policy).toBe(metaContentSecurityPolicy(withInlineHashes(hashes)));
  expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha256(SCRIPT)};`);
  expect(policy).not.toMatch(/unsafe-inline/);
});

test('a script that would end its element early is refused', () => {
  expect(() => inlineAssets(withScripts('<p></p>'), (href) => (href.endsWith('.css') ? CSS : 'let s = "</script>";'))).toThrow(
    /colour-scheme\.js contains "<\/script"/,
  );
});

const markup = (classes: string[], elements = ['html', 'body', 'p', 'td'], rightToLeft = false) => ({
  classes: new Set(classes),
  elements: new Set(elements),
  rightToLeft,
});

test('a rule with one selector the page can match is kept whole', () => {
  expect(forMarkup(CSS, markup(['scenario']))).toContain('p .figure,.scenario{padding:0}');
  // One class of an :is() on the page is enough; what :not() names is not looked into.
  expect(forMarkup(':is(.figure,.table) td{border:0}:where(.x) p{margin:0}p:not(.x){color:red}', markup(['table']))).toBe(
    ':is(.figure,.table) td{border:0}p:not(.x){color:red}',
  );
});

test('a rule for an element the page does not have goes; the universal selector and :root stay', () => {
  const css =
    'pre,code{font-family:monospace}svg,video{max-inline-size:100%}p{margin:0}*{box-sizing:border-box}:root{color:red}td pre{margin:0}';
  expect(forMarkup(css, markup([], ['html', 'body', 'p', 'img']))).toBe('p{margin:0}*{box-sizing:border-box}:root{color:red}');
  expect(forMarkup(css, markup([], ['html', 'body', 'p', 'pre', 'code']))).toContain('pre,code{font-family:monospace}');
});

test('the right-to-left rules go from a page where nothing can be right to left, and stay where anything can', () => {
  const css = '.note{margin:0}.note:dir(rtl){translate:50%}.note:dir(ltr){translate:-50%}';
  expect(forMarkup(css, markup(['note']))).toBe('.note{margin:0}.note:dir(ltr){translate:-50%}');
  expect(forMarkup(css, markup(['note'], undefined, true))).toBe(css);
  expect(markupIn('<html lang="en" dir="ltr"><p class="note">x</p>').rightToLeft).toBe(false);
  // An Arabic quotation in an English essay, or text whose direction follows its script.
  expect(markupIn('<html lang="en" dir="ltr"><blockquote dir="rtl">x</blockquote>').rightToLeft).toBe(true);
  expect(markupIn("<html dir='RTL'>").rightToLeft).toBe(true);
  expect(markupIn('<span dir=auto>x</span>').rightToLeft).toBe(true);
  expect(markupIn('<p>A name: <bdi>x</bdi></p>').rightToLeft).toBe(true);
});

test('the classes are read from every class attribute, however it is quoted, and the elements from every start tag', () => {
  const html = `<p class="note  lead">x</p><B CLASS='figure'>y</B><i class=table>z</i><span data-class="not-this">w</span>`;
  const { classes, elements } = markupIn(html);
  expect([...classes].sort()).toEqual(['figure', 'lead', 'note', 'table']);
  expect([...elements].sort()).toEqual(['b', 'i', 'p', 'span']);
});

test('pages with the same classes share one cut of the stylesheet, read once; other classes get their own', () => {
  const memo = new Map();
  let reads = 0;
  const read = () => (reads++, CSS);
  const first = inlineAssets(page('<p class="note">One.</p>'), read, memo);
  const second = inlineAssets(page('<p class="note">Two.</p>'), read, memo);
  expect(reads).toBe(1);
  expect(second.hashes).toEqual(first.hashes);
  const third = inlineAssets(page('<p class="note">Three.</p><div class="figure"></div>'), read, memo);
  expect(reads).toBe(2);
  expect(third.html).toContain('.figure{margin:0}');
  expect(third.hashes).not.toEqual(first.hashes);
});

test('a page with no stylesheet link is left as it was, and a policy that is not the site’s is refused', () => {
  const plain = '<!DOCTYPE html><html><head></head><body><p>Text.</p></body></html>';
  expect(inlineAssets(plain, () => CSS)).toEqual({ html: plain, hashes: { styles: [], scripts: [] } });
  const foreign = page('<p>Text.</p>').replace("default-src 'self'", "default-src 'none'");
  expect(() => inlineAssets(foreign, () => CSS)).toThrow("The page's Content-Security-Policy is not the site's.");
  expect(() => inlineAssets(page('<p></p>'), () => 'p{content:"</style>"}')).toThrow(/contains "<\/style"/);
});

test('the policy with inline hashes adds each once to style-src or script-src and changes nothing else', () => {
  const styles = ["'sha256-a'", "'sha256-b'", "'sha256-a'"];
  expect(contentSecurityPolicy(withInlineHashes({ styles, scripts: ["'sha256-c'"] }))).toBe(
    contentSecurityPolicy()
      .replace("style-src 'self'", "style-src 'self' 'sha256-a' 'sha256-b'")
      .replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-c'"),
  );
  expect(contentSecurityPolicy(withInlineHashes({ styles: [], scripts: [] }))).toBe(contentSecurityPolicy());
  expect(inlineHash('body{color:red}')).toBe(sha256('body{color:red}'));
});
