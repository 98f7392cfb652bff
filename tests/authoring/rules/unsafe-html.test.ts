import { expect, test } from 'vitest';
import { isOtherOrigin, unsafeScheme } from '../../../src/authoring/rules/urls.ts';
import { findingsOf, messages } from './check.ts';

test('a script, an iframe, an object, an embed and a form are errors that say what to do instead', () => {
  const findings = findingsOf(
    '\n<script>alert(1)</script>\n\n<iframe src="page.html" />\n\n<object data="x.swf" />\n\n<embed src="x.swf" />\n\n<form action="/x"><input /></form>\n',
  );
  expect(findings.map(({ line, column, severity }) => [line, column, severity])).toEqual([
    [6, 1, 'error'],
    [8, 1, 'error'],
    [10, 1, 'error'],
    [12, 1, 'error'],
    [14, 1, 'error'],
  ]);
  expect(findings[0]).toMatchObject({
    message:
      '<script> is not allowed in an essay: the site publishes no script written in an essay (its Content-Security-Policy allows none).',
    fix: "remove it; if the essay needs something interactive, ask for a component of the site's (docs/authoring.md lists those there are).",
  });
  expect(findings[1]?.message).toBe(
    '<iframe> is not allowed in an essay: an embedded page makes a request to another site, which the site promises never to do.',
  );
  expect(findings[1]?.fix).toBe('link to the page instead: [what it shows](https://…).');
  expect(findings[4]?.message).toMatch(/^<form> is not allowed/);
});

test('event handlers and style attributes are errors, JSX style objects too', () => {
  const findings = findingsOf(
    '\n<img src="./a.png" alt="A" onError="steal()" />\n\n<p style={{ color: "red" }}>Red.</p>\n\nText <span style="color: red">red</span>.\n',
  );
  expect(findings.map(({ line, message, fix }) => [line, message, fix])).toEqual([
    [
      6,
      "<img onError> is an event handler: a script in the page, which the site's Content-Security-Policy forbids.",
      'remove onError; the page works without scripts written in the essay.',
    ],
    [
      8,
      "<p style> is an inline style, which the site's Content-Security-Policy (style-src 'self') blocks.",
      "remove the style attribute; styles belong in the site's stylesheets, not in an essay.",
    ],
    [
      10,
      "<span style> is an inline style, which the site's Content-Security-Policy (style-src 'self') blocks.",
      "remove the style attribute; styles belong in the site's stylesheets, not in an essay.",
    ],
  ]);
});

test('javascript:, data: and vbscript: URLs are errors in any case, spacing or encoding', () => {
  const body = [
    '',
    '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1))',
    '',
    '<a href=" java\tscript:alert(1)">d</a> <a href="&#x6A;avascript&colon;x">e</a> <a href={"vbscript:msgbox"}>f</a>',
    '',
    '![g](data:image/png;base64,AAAA)',
    '',
    '[h]: data:text/html,<b>x</b>',
  ].join('\n');
  expect(findingsOf(body).map(({ line, message }) => [line, /\ba (\w+): URL/.exec(message)?.[1]])).toEqual([
    [6, 'javascript'],
    [6, 'javascript'],
    [6, 'javascript'],
    [8, 'javascript'],
    [8, 'javascript'],
    [8, 'vbscript'],
    [10, 'data'],
    [12, 'data'],
  ]);
  expect(messages('<a href="&#x6A;avascript&colon;x">e</a>')).toEqual([
    '<a href="javascript:x"> is a javascript: URL, which would put code or a hidden document in the page.',
  ]);
  expect(messages('[a](javascript:alert(1))')).toEqual([
    'a javascript: URL in a Markdown link would put code or a hidden document in the page.',
  ]);
  expect(findingsOf('[a](javascript:alert(1))')[0]?.fix).toBe(
    'link to a web page (https://…) or to a file next to the essay (./file.png) instead.',
  );
});

test('an image, media or stylesheet from another origin is an error; a link to another site is fine', () => {
  const body = [
    '',
    '![Tracker](https://tracker.example/p.png)',
    '',
    '<img src="//cdn.example/a.png" alt="A" />',
    '',
    '<video poster="https://x.example/p.jpg" src="./v.mp4" />',
    '',
    '<picture><source srcset="./a.webp 1x, https://x.example/b.webp 2x" /></picture>',
    '',
    '[A site](https://example.org) and <a href="https://example.org">another</a>.',
  ].join('\n');
  expect(findingsOf(body).map(({ line, message }) => [line, message])).toEqual([
    [6, 'the image https://tracker.example/p.png would be loaded from another site, a request the site promises never to make.'],
    [8, '<img src="//cdn.example/a.png"> would load from another site, a request the site promises never to make.'],
    [10, '<video poster="https://x.example/p.jpg"> would load from another site, a request the site promises never to make.'],
    [
      12,
      '<source srcset="./a.webp 1x, https://x.example/b.webp 2x"> would load from another site, a request the site promises never to make.',
    ],
  ]);
  expect(findingsOf('![T](https://t.example/p.png)')[0]?.fix).toBe(
    'download the image into the essays folder, next to the essay, and write ![alt text](./file-name.png).',
  );
});

test('the components of ours and local images pass', () => {
  expect(
    findingsOf(
      '\nA claim.<Footnote source="s" />\n\n<Figure caption="C">\n  ![Alt](./a.png)\n</Figure>\n\n<img src="./a.png" alt="A" />\n',
    ),
  ).toEqual([]);
});

test('URL helpers: schemes as browsers read them, and what counts as another origin', () => {
  expect(unsafeScheme('\u0001 JAVAscript:x')).toBe('javascript');
  expect(unsafeScheme('java\nscript:x')).toBe('javascript');
  expect(unsafeScheme('https://example.org/javascript:')).toBeUndefined();
  expect(unsafeScheme('./data:x')).toBeUndefined();
  expect([isOtherOrigin('https://a.example/x'), isOtherOrigin('//a.example'), isOtherOrigin('./a.png'), isOtherOrigin('/a.png')]).toEqual([
    true,
    true,
    false,
    false,
  ]);
});

test('a reference-style image loads what its definition names: another site is refused there too, a file beside the essay is not', () => {
  expect(messages('\n![A chart][img] and ![Local][here]\n\n[img]: https://example.com/tracker.png\n[here]: ./chart.png\n')).toEqual([
    'the image [img] would be loaded from another site (https://example.com/tracker.png), a request the site promises never to make.',
  ]);
});

test('ping tells another site whenever a link is followed, on <a> too; a link to another site alone is fine', () => {
  expect(
    messages('\n<a href="https://example.org/" ping="https://tracker.example/">the report</a> <a href="https://example.org/">ok</a>\n'),
  ).toEqual([
    '<a ping="https://tracker.example/"> would tell another site each time the link is followed, a request the site promises never to make.',
  ]);
});
