import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

/**
 * Each fixture folder under tests/fixtures/bad/ holds one author mistake. The build must
 * stop with a non-zero exit, say which file and what is wrong, and write no site.
 */
test.each([
  { fixture: 'missing-title', expected: [/missing-title\/untitled\.mdx:1:1 {2}title is missing/, /Fix: add a line "title: …"/] },
  { fixture: 'impossible-date', expected: [/impossible-date\/leap\.mdx:4:1 {2}published: "2025-02-30" is not a real date/] },
  {
    fixture: 'broken-mdx',
    expected: [
      /^tests\/fixtures\/bad\/broken-mdx\/unclosed\.mdx:8:1 {2}the MDX does not parse: Expected a closing tag for `<div>`\.$/m,
      /Fix: close every element you open/,
    ],
  },
  {
    fixture: 'duplicate-slug',
    expected: [/duplicate-slug\/second\.mdx:4:1 {2}its URL slug "same" is already taken by .*duplicate-slug\/first\.mdx/],
  },
  { fixture: 'markdown-file', expected: [/markdown-file\/plain\.md:1:1 {2}essays are written in MDX/, /rename it to .*plain\.mdx/] },
  {
    fixture: 'unknown-source',
    expected: [
      /unknown-source\/cites\.mdx:9:9 {2}<Footnote source="unknwon"> cites a source that is not in this essay's sources or bibliography \(known: known\)/,
    ],
  },
  {
    fixture: 'bibtex-syntax',
    expected: [
      /^tests\/fixtures\/bad\/bibtex-syntax\/refs\.bib:7:1 {2}the BIB does not parse: expected "rbrace", got EOF\.$/m,
      /Fix: close every \{ with a \}/,
    ],
  },
  {
    fixture: 'missing-scenario',
    expected: [/missing-scenario\/refers\.mdx:10:5 {2}<ScenarioRef n=\{4\}> points at scenario 4, which does not exist/],
  },
  {
    fixture: 'empty-scenario-title',
    expected: [/empty-scenario-title\/untitled\.mdx:7:3 {2}<Scenario> has no title/, /Fix: give it a title/],
  },
  {
    fixture: 'figure-without-alt',
    expected: [
      /figure-without-alt\/unlabelled\.mdx:8:1 {2}an image in <Figure caption="Launches by month"> has no alt text/,
      /Fix: say in the brackets what the image shows/,
    ],
  },
  {
    fixture: 'markup-in-braces',
    expected: [
      /markup-in-braces\/hidden\.mdx:8:1 {2}\{<script>document\.title = "changed"<\/scr…\} writes markup inside braces/,
      /Fix: write the element in the essay itself/,
    ],
  },
  {
    fixture: 'markdown-footnote',
    expected: [/markdown-footnote\/gfm\.mdx:6:9 {2}a Markdown footnote/, /Fix: write the note in place instead/],
  },
  {
    fixture: 'raw-script',
    expected: [
      /raw-script\/scripted\.mdx:8:1 {2}<script> is not allowed in an essay: the site publishes no script written in an essay/,
      /Fix: remove it; if the essay needs something interactive/,
    ],
  },
  {
    fixture: 'event-handler',
    expected: [
      /event-handler\/handler\.mdx:8:1 {2}<img onerror> is an event handler: a script in the page/,
      /Fix: remove onerror; the page works without scripts written in the essay\./,
    ],
  },
  {
    fixture: 'inline-style',
    expected: [
      /inline-style\/styled\.mdx:6:1 {2}<p style> is an inline style, which the site's Content-Security-Policy \(style-src 'self'\) blocks\./,
      /Fix: remove the style attribute; styles belong in the site's stylesheets, not in an essay\./,
    ],
  },
  {
    fixture: 'javascript-url',
    expected: [
      /javascript-url\/scheme\.mdx:6:6 {2}a javascript: URL in a Markdown link would put code or a hidden document in the page\./,
      /Fix: link to a web page \(https:\/\/…\) or to a file next to the essay/,
    ],
  },
  {
    fixture: 'other-origin-image',
    expected: [
      /other-origin-image\/tracker\.mdx:8:1 {2}<img src="https:\/\/tracker\.example\/p\.png"> would load from another site, a request the site promises never to make\./,
      /Fix: download the file into the essays folder, next to the essay/,
    ],
  },
  {
    fixture: 'second-h1',
    expected: [
      /second-h1\/twice\.mdx:6:1 {2}"# Second title" is a second h1: the title in the frontmatter is the page's only h1\./,
      /Fix: make it a section heading \("## Second title"\)/,
    ],
  },
  {
    fixture: 'skipped-level',
    expected: [
      /skipped-level\/outline\.mdx:10:1 {2}"#### Four" skips a level: it is level 4 right after a level-2 heading \(line 6\)\./,
      /Fix: make it "### Four"/,
    ],
  },
  {
    fixture: 'empty-heading',
    expected: [
      /empty-heading\/blank\.mdx:6:1 {2}an empty heading \("##" with no words\)/,
      /Fix: write the section's title after "## ", or remove the line\./,
    ],
  },
  {
    fixture: 'note-in-heading',
    expected: [
      /note-in-heading\/leaky\.mdx:6:13 {2}a <Footnote> inside a heading would put the note's text into the heading's id and the contents\./,
      /Fix: move the <Footnote> into the text below the heading/,
    ],
  },
  {
    fixture: 'link-in-heading',
    expected: [
      /link-in-heading\/nested\.mdx:6:8 {2}a link inside a heading would be a link inside the heading's own link/,
      /Fix: put the link in the text below the heading\./,
    ],
  },
  {
    fixture: 'dead-fragment',
    expected: [
      /dead-fragment\/fragment\.mdx:8:4 {2}\[said above\]\(#the-frist-clock\) points to #the-frist-clock, which is not an id on this page\./,
      /Fix: link to a heading's id \(#the-first-clock\)/,
    ],
  },
  {
    fixture: 'missing-page',
    expected: [
      /missing-page\/elsewhere\.mdx:6:5 {2}\[the essay on tides\]\(\/essays\/on-tides\/\) leads to \/essays\/on-tides\/, which is not a page of this site\./,
      /Fix: link to a page that exists: \/ \(home\), \/search\/, or an essay at \/essays\/<slug>\/\./,
    ],
  },
  {
    fixture: 'empty-link-text',
    expected: [
      /empty-link-text\/silent\.mdx:6:15 {2}\[\]\(https:\/\/example\.org\/report\) has no text, so a screen reader has nothing to announce\./,
      /Fix: write what the link leads to between the brackets/,
    ],
  },
  {
    fixture: 'misspelled-component',
    expected: [
      /misspelled-component\/typo\.mdx:6:9 {2}<Fotnote> is not a component this site knows: did you mean <Footnote>\?/,
      /Fix: write <Footnote>\./,
    ],
  },
  {
    fixture: 'lowercase-component',
    expected: [
      /lowercase-component\/lower\.mdx:6:9 {2}<footnote> is not an HTML element: did you mean <Footnote>\? Components start with a capital letter\./,
      /Fix: write <Footnote>\./,
    ],
  },
  {
    fixture: 'unknown-frontmatter-key',
    expected: [
      /unknown-frontmatter-key\/typo\.mdx:4:1 {2}publishd is not a key of the frontmatter: did you mean `published`\?/,
      /Fix: rename publishd to published\./,
    ],
  },
  {
    fixture: 'unknown-source-key',
    expected: [
      /unknown-source-key\/source\.mdx:8:5 {2}sources\.0\.acessed is not a key of a source: did you mean `accessed`\?/,
      /Fix: rename acessed to accessed\./,
    ],
  },
  {
    fixture: 'index-file',
    expected: [
      /index-file\/index\.mdx:1:1 {2}the file name "index\.mdx" makes no URL: an essay is published at \/essays\/<its file name>\/, and "index" is the folder itself\./,
      /Fix: rename it after the essay, such as on-time\.mdx, or give it a "slug: on-time" line in its frontmatter\./,
    ],
  },
  {
    fixture: 'nameless-file',
    expected: [
      /nameless-file\/!!!\.mdx:1:1 {2}the file name "!!!\.mdx" makes no URL/,
      /Fix: rename it after the essay, such as why-clocks-disagree\.mdx/,
    ],
  },
  {
    fixture: 'not-utf8',
    expected: [
      /not-utf8\/latin1\.mdx:6:8 {2}the file is not UTF-8: byte 0xE9 here cannot be read as text \(in Latin-1 it is "é"\)\./,
      /Fix: save the file as UTF-8/,
    ],
  },
  {
    fixture: 'nested-note',
    expected: [
      /nested-note\/inner\.mdx:6:36 {2}a <Footnote> inside another <Footnote> \(line 6\) would put a note inside a note/,
      /Fix: write it as part of the outer note's text, or move it out/,
    ],
  },
  {
    fixture: 'hidden-character',
    expected: [
      /hidden-character\/reordered\.mdx:6:1 {2}the heading "Access klat" contains U\+202E \(bidirectional override\), which changes the order its letters are shown in\./,
      /Fix: retype it without that character/,
    ],
  },
  {
    fixture: 'image-without-alt',
    expected: [
      /image-without-alt\/bare\.mdx:8:1 {2}!\[\]\(\.\/launches\.png\) has no alt text\./,
      /Fix: say in the brackets what the image shows; if it is only decoration, mark it: !\[\]\(\.\/launches\.png "decorative"\)\./,
    ],
  },
  {
    fixture: 'alt-file-name',
    expected: [
      /alt-file-name\/named\.mdx:8:1 {2}the alt text "launches\.png" is a file name, which tells a reader nothing\./,
      /Fix: write instead what the image shows/,
    ],
  },
  {
    fixture: 'missing-image',
    expected: [
      /missing-image\/gone\.mdx:12:7 {2}the image \.\/launches\.png is not there: no such file next to the essay\./,
      /Fix: put the image in the essays folder beside the essay/,
    ],
  },
  {
    fixture: 'missing-import',
    expected: [
      /missing-import\/imports\.mdx:6:19 {2}the import of \.\/chart\.astro names a file that is not there\./,
      /Fix: correct the path \(it is relative to the essay, like \.\/chart\.astro\), or add the file\./,
    ],
  },
  // An essay is content, not code (issue 19): each case as it was seen, at its line and column.
  {
    fixture: 'set-html',
    expected: [/set-html\/raw\.mdx:8:1 {2}<div set:html> writes what it is given into the page as it is, where no check reads it\./],
  },
  {
    fixture: 'essay-code',
    expected: [
      /essay-code\/runs\.mdx:6:16 {2}the import of "node:fs" would run code when the site is built/,
      /essay-code\/runs\.mdx:7:30 {2}the import of "astro\/runtime\/server\/index\.js" would run code/,
      /essay-code\/runs\.mdx:9:21 {2}\{process\.env\.HOME\} is code that would run when the site is built \(process\.env\.HOME, read from the machine that builds the site\)/,
      /essay-code\/runs\.mdx:9:56 {2}\{fs\.readFileSync\('\/etc\/hostname', 'utf8'\)\} is code .* \(a call of fs\.readFileSync\)/,
      /essay-code\/runs\.mdx:11:2 {2}\{unescapeHTML\(.*\(a call of unescapeHTML\)/,
      /Fix: import only files beside the essay \(\.\/chart\.png\) and components from the site's components folder/,
    ],
  },
  // Checked before anything runs: no request is made, and no raw stack trace.
  { fixture: 'fetch-elsewhere', expected: [/fetches\.mdx:6:10 {2}\{fetch\('https:\/\/x\.example\/'\)\} is code .* \(a call of fetch\)/] },
  {
    fixture: 'reference-image',
    expected: [
      /reference-image\/chart\.mdx:6:1 {2}the image \[img\] would be loaded from another site \(https:\/\/example\.com\/tracker\.png\)/,
    ],
  },
  {
    fixture: 'ping',
    expected: [
      /ping\/pinged\.mdx:6:6 {2}<a ping="https:\/\/tracker\.example\/"> would tell another site/,
      /Fix: remove the ping attribute/,
    ],
  },
  {
    fixture: 'unknown-language',
    expected: [/unknown-language\/zz\.mdx:4:1 {2}lang: "zz-qq" is not a language in the IANA registry of language tags\./],
  },
  // Its code is refused before anything runs; with runEssayCode it runs, and fails (below).
  {
    fixture: 'render-error',
    expected: [/throws\.mdx:8:2 {2}\{\(\(\) => \{ throw new Error\('this essay fa…\} is code that would run when the site is built/],
  },
])('a build with $fixture fails, naming the file and the problem', ({ fixture, expected }) => {
  const result = buildSite({ ESSAYS_DIR: `tests/fixtures/bad/${fixture}` });
  expect(result.status, result.output).not.toBe(0);
  for (const pattern of expected) expect(result.output).toMatch(pattern);
  expect(result.output).toMatch(/Build failed/);
  expect(existsSync(result.outDir)).toBe(false);
  // Nor any half-written staging folder beside it.
  expect(readdirSync(dirname(result.outDir)).filter((name) => name.includes('staging'))).toEqual([]);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});

test('with runEssayCode, an essay’s code runs; one that throws while its page renders fails the build all the same', () => {
  // Astro 7 can log a rendering error and still exit 0 (withastro/astro#18054); ours must not.
  const result = buildSite({ ESSAYS_DIR: 'tests/fixtures/bad/render-error', RUN_ESSAY_CODE: '1' });
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toMatch(/this essay failed to render/);
  expect(result.output).toMatch(/\/essays\/throws\//);
  expect(result.output).toMatch(/Build failed/);
  expect(existsSync(result.outDir)).toBe(false);
  expect(readdirSync(dirname(result.outDir)).filter((name) => name.includes('staging'))).toEqual([]);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});

test('five mistakes in two files are all reported in one run, each with its line, column and fix', () => {
  const result = buildSite({ ESSAYS_DIR: 'tests/fixtures/bad/five-mistakes' });
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toMatch(/The essays have 5 problems to fix before the site can be built:/);
  const reported = result.output.match(/^\S+\.mdx:\d+:\d+ {2}.*$/gm) ?? [];
  expect(reported.map((line) => line.replace(/^.*five-mistakes\//, '').replace(/ {2}(.{0,40}).*$/, '  $1'))).toEqual([
    'first.mdx:4:1  publishd is not a key of the frontmatter',
    'first.mdx:9:33  [the reply](#the-reply) points to #the-r',
    'first.mdx:11:1  <script> is not allowed in an essay: the',
    'second.mdx:8:1  "#### Four" skips a level: it is level 4',
    'second.mdx:10:9  <Fotnote> is not a component this site k',
  ]);
  expect(result.output.match(/^ {2}Fix: /gm)).toHaveLength(5);
  expect(existsSync(result.outDir)).toBe(false);
  rmSync(dirname(result.outDir), { recursive: true, force: true });
});

test('claims awaiting a source are reported, and fail the build only with REQUIRE_SOURCES=1', () => {
  const lenient = buildSite({ ESSAYS_DIR: 'tests/fixtures/components' });
  expect(lenient.status, lenient.output).toBe(0);
  expect(lenient.output).toMatch(
    /tests\/fixtures\/components\/notes\.mdx: 28 notes, 2 cite a source \(0 from a bibliography, 2 from the frontmatter\), 23 remarks, 3 await a source/,
  );
  // The log names the essay and the report; the report, beside the site, each note.
  expect(lenient.output).not.toMatch(/note 26 \(/);
  expect(lenient.output).toMatch(/Note by note: .*reports\/sourcing\.md/);
  const report = readFileSync(join(dirname(lenient.outDir), 'reports', 'sourcing.md'), 'utf8');
  expect(report).toMatch(/note 26 \(tests\/fixtures\/components\/notes\.mdx:\d+\): The figure's origin\./);
  const data = JSON.parse(readFileSync(join(dirname(lenient.outDir), 'reports', 'sourcing.json'), 'utf8')) as { awaiting: number };
  expect(data.awaiting).toBe(3);

  const strict = buildSite({ ESSAYS_DIR: 'tests/fixtures/components', REQUIRE_SOURCES: '1' });
  expect(strict.status).not.toBe(0);
  expect(strict.output).toMatch(/notes\.mdx:\d+:\d+ {2}note 26 awaits a source: The figure's origin\./);
  expect(strict.output).toContain(
    'Fix: add the source to the frontmatter `sources:` or to a `bibliography:` file, and cite it with <Footnote source="key" />.',
  );
  expect(existsSync(strict.outDir)).toBe(false);
  for (const build of [lenient, strict]) rmSync(dirname(build.outDir), { recursive: true, force: true });
});

test('a warning is printed and counted, and fails the build only with STRICT=1', () => {
  const lenient = buildSite({ ESSAYS_DIR: 'tests/fixtures/bad/vague-link-text' });
  expect(lenient.status, lenient.output).toBe(0);
  expect(lenient.output).toMatch(/A warning \(STRICT=1 makes them fail the build\):/);
  expect(lenient.output).toMatch(
    /vague-link-text\/vague\.mdx:6:35 {2}warning: the link text "click here" does not say where the link goes \(to https:\/\/example\.org\/report\)\./,
  );
  expect(lenient.output).toMatch(/Fix: make the words of the link name its destination/);
  expect(existsSync(lenient.outDir)).toBe(true);

  const strict = buildSite({ ESSAYS_DIR: 'tests/fixtures/bad/vague-link-text', STRICT: '1' });
  expect(strict.status).not.toBe(0);
  expect(strict.output).toMatch(/The essays have a problem \(1 warning\) to fix before the site can be built:/);
  expect(strict.output).toMatch(/vague\.mdx:6:35 {2}warning: the link text "click here"/);
  expect(existsSync(strict.outDir)).toBe(false);
  for (const build of [lenient, strict]) rmSync(dirname(build.outDir), { recursive: true, force: true });
});
