import { expect, test } from 'vitest';
import { findingsOf } from './check.ts';

/** Each finding as `line:column message`; the frontmatter takes lines 1–4, so the body starts on line 5. */
const report = (body: string, context: Parameters<typeof findingsOf>[1] = {}) =>
  findingsOf(body, context).map(({ line, column, message }) => `${line}:${column} ${message}`);

test('plain values pass: literals, arrays, objects, arithmetic, comments, and the names the essay imports or exports', () => {
  expect(
    report(
      [
        '',
        "import chart from './chart.png';",
        "import Box from '../../src/components/Box.astro';",
        'export const year = 2025;',
        "export const places = ['Lisbon', { name: 'Porto', km: -313 }];",
        '',
        '{/* a note to self */} {1 < 2} {year} {places[0] ?? `none`} {chart.src} {true ? "a" : "b"}',
        '',
        '<Figure src={chart} alt="A chart" data={{ a: [1, "x"] }} n={-2} />',
        '',
        '<Box />',
        '',
      ].join('\n'),
    ),
  ).toEqual([]);
});

test('the build machine is out of reach: process, globalThis, a Node built-in, a package', () => {
  expect(
    report(
      "\nimport fs from 'node:fs';\nimport os from 'os';\n\n{process.env.HOME} {globalThis.process} {fs.readFileSync('/etc/hostname', 'utf8')}\n",
    ),
  ).toEqual([
    '6:16 the import of "node:fs" would run code when the site is built, which an essay may not do.',
    '7:16 the import of "os" would run code when the site is built, which an essay may not do.',
    '9:2 {process.env.HOME} is code that would run when the site is built (process.env.HOME, read from the machine that builds the site), which an essay may not do.',
    '9:21 {globalThis.process} is code that would run when the site is built (globalThis.process, read from the machine that builds the site), which an essay may not do.',
    "9:42 {fs.readFileSync('/etc/hostname', 'utf8')} is code that would run when the site is built (a call of fs.readFileSync), which an essay may not do.",
  ]);
});

test('nothing is called: fetch, eval, Function, require, import(), a tagged template, a template with ${…}', () => {
  const findings = report(
    "\n{fetch('https://x.example/')} {eval('1')} {new Function('return 1')} {require('fs')} {import('./x.js')} {String.raw`a`} {`${1}`}\n",
  );
  expect(findings.map((finding) => finding.replace(/^\S+ \{.*?\} is code that would run when the site is built /, ''))).toEqual([
    '(a call of fetch), which an essay may not do.',
    '(a call of eval), which an essay may not do.',
    '(a call of Function), which an essay may not do.',
    '(a call of require), which an essay may not do.',
    '(an import()), which an essay may not do.',
    '(a call of String.raw), which an essay may not do.',
    '(a template with ${…} in it), which an essay may not do.',
  ]);
});

test('the same rules hold in an attribute’s value and a spread of attributes', () => {
  expect(report('\n<Figure src={fetch("x")} {...process.env} />\n')).toEqual([
    '6:1 {fetch("x")} is code that would run when the site is built (a call of fetch), which an essay may not do.',
    '6:1 {{...process.env}} is code that would run when the site is built (an object part that is not a plain value), which an essay may not do.',
  ]);
});

test('only plain values may be exported, and nothing else may stand among the imports', () => {
  expect(
    report("\nexport const home = process.env.HOME;\nexport default function Page() {}\nconst secret = 1;\nexport * from './x.js';\n"),
  ).toEqual([
    '6:21 export const home is not a plain value: process.env.HOME, read from the machine that builds the site.',
    '7:1 export default is code that would run when the site is built, which an essay may not do.',
    '8:1 a variable declaration is code that would run when the site is built, which an essay may not do.',
    '9:1 a re-export is code that would run when the site is built, which an essay may not do.',
  ]);
});

test('set:html, set:text and dangerouslySetInnerHTML are errors on any element, with or without braces', () => {
  const findings = report(
    '\n<div set:html="<b>x</b>" />\n\n<Fragment set:html={"<i>y</i>"} />\n\n<p dangerouslySetInnerHTML={{ __html: "z" }} />\n',
  );
  expect(findings.filter((finding) => finding.includes('writes what it is given'))).toEqual([
    '6:1 <div set:html> writes what it is given into the page as it is, where no check reads it.',
    '8:1 <Fragment set:html> writes what it is given into the page as it is, where no check reads it.',
    '10:1 <p dangerouslySetInnerHTML> writes what it is given into the page as it is, where no check reads it.',
  ]);
});

test('a name the essay neither imports nor exports is code, even a harmless-looking one', () => {
  expect(report('\n{unescapeHTML} {Math.PI} {window}\n')).toEqual([
    '6:2 {unescapeHTML} is code that would run when the site is built (the name unescapeHTML, which the essay does not import or define), which an essay may not do.',
    '6:17 {Math.PI} is code that would run when the site is built (Math.PI, read from the machine that builds the site), which an essay may not do.',
    '6:27 {window} is code that would run when the site is built (the name window, which the essay does not import or define), which an essay may not do.',
  ]);
});

test('with runEssayCode, a site whose authors are all trusted lets its essays run code', () => {
  expect(report("\nimport fs from 'node:fs';\n\n{process.env.HOME}\n", { code: false })).toEqual([]);
});

test('only images and the site’s own components may be imported, as the build resolves them', () => {
  const importKind = (specifier: string) => (specifier === '../../src/components/Box.astro' ? ('component' as const) : undefined);
  expect(
    report("\nimport Box from '../../src/components/Box.astro';\nimport Other from './other.astro';\nimport data from './data.json';\n", {
      code: { importKind },
    }),
  ).toEqual([
    '7:19 the import of "./other.astro" would run code when the site is built, which an essay may not do.',
    '8:18 the import of "./data.json" would run code when the site is built, which an essay may not do.',
  ]);
});
