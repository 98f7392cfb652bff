import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { readEssays } from '../../scripts/lib/essay-words.ts';
import { sourceSchema } from '../../src/authoring/essay-schema.ts';
import { readFrontmatter } from '../../src/authoring/problems.ts';
import { frontmatterSourceItem } from '../../src/sources/csl-item.ts';
import { defaultStyle } from '../../src/sources/styles.ts';
import { citeprocBibliography, citeprocCitation } from '../support/citeproc.ts';
import { normalisedText, readPage } from '../support/html.ts';

const dir = inject('componentsSiteDir');
const notesPage = () => readPage(dir, 'essays/notes/');
const structurePage = () => readPage(dir, 'essays/structure/');

/** The notes fixture's frontmatter sources, as CSL-JSON. */
const notesSources = () =>
  sourceSchema
    .array()
    .parse(readFrontmatter(readFileSync(new URL('../fixtures/components/notes.mdx', import.meta.url), 'utf8'))['sources'])
    .map(frontmatterSourceItem);

test('every reference is a bare superscript numeral, a link named "Note n" pointing at its note', () => {
  const document = notesPage();
  const references = [...document.querySelectorAll('sup.note-ref > a')];
  expect(references).toHaveLength(30);
  for (const reference of references) {
    expect(reference.getAttribute('role')).toBe('doc-noteref');
    expect(reference.parentElement?.getAttribute('role')).toBeNull();
    // What the eye sees is the numeral alone (and "[source needed]" after it, for a claim that
    // awaits one); the name says what it is.
    const needed = reference.closest('.note-ref-needed') !== null;
    const [, numeral] = /^(\d+[a-z]?)( \[source needed\])?$/.exec(normalisedText(reference)) ?? [];
    expect(normalisedText(reference)).toBe(needed ? `${numeral} [source needed]` : numeral);
    expect(reference.getAttribute('aria-label')).toBe(`Note ${numeral}${needed ? ', source needed' : ''}`);
    const note = document.getElementById((reference.getAttribute('href') ?? '').slice(1));
    expect(note?.tagName).toBe('LI');
    expect(note?.closest('section')?.getAttribute('role')).toBe('doc-endnotes');
  }
});

test('notes are numbered 1 to 28 in reading order, whatever order they render in', () => {
  const document = notesPage();
  const order = [...document.querySelectorAll('sup.note-ref > a')].map((reference) => normalisedText(reference).split(' ')[0]);
  expect(order.slice(0, 5)).toEqual(['1a', '2', '3', '4', '5']);
  expect(order).toContain('1b');
  expect(order.at(-4)).toBe('1c');
  const notes = [...document.querySelectorAll('section.notes > ol > li')];
  expect(notes.map((note) => note.getAttribute('value'))).toEqual(Array.from({ length: 28 }, (_, index) => String(index + 1)));
  expect(normalisedText(notes[2])).toContain('Remark 1 about claim 1.');
});

test('a source cited three times is one note with three back-links, each named uniquely', () => {
  const document = notesPage();
  const note = document.getElementById('notes.note-1');
  // In the default style, as citeproc-js words it, with the web address a link.
  expect(normalisedText(note?.querySelector('.citation'))).toBe(citeprocCitation(notesSources(), 'almanac', defaultStyle(), 'en-US'));
  expect(note?.querySelector('.citation a')?.getAttribute('href')).toBe('https://example.org/almanac');
  const backlinks = [...(note?.querySelectorAll('a[role="doc-backlink"]') ?? [])];
  expect(backlinks.map((link) => normalisedText(link.querySelector('.visually-hidden')))).toEqual([
    'Back to reference 1a',
    'Back to reference 1b',
    'Back to reference 1c',
  ]);
  // What a sighted reader sees: the arrow and the letter of each citation.
  expect(backlinks.map((link) => normalisedText(link.querySelector('[aria-hidden="true"]')))).toEqual(['↩a', '↩b', '↩c']);
  expect(normalisedText(document.querySelector('[id="notes.note-2"] a[role="doc-backlink"] [aria-hidden="true"]'))).toBe('↩');
  // A back-link lands on the superscript that holds the reference (its link or, on a phone, its button).
  for (const link of backlinks)
    expect(
      document
        .getElementById((link.getAttribute('href') ?? '').slice(1))
        ?.querySelector('a')
        ?.getAttribute('role'),
    ).toBe('doc-noteref');
});

test('every back-link on the page has a unique name, and no note uses the deprecated doc-endnote role', () => {
  const document = notesPage();
  const names = [...document.querySelectorAll('a[role="doc-backlink"]')].map(normalisedText);
  expect(new Set(names).size).toBe(names.length);
  expect(document.querySelector('[role="doc-endnote"]')).toBeNull();
});

test('the cited sources are listed after the notes, once each', () => {
  const document = notesPage();
  const section = document.querySelector('section.notes');
  expect(normalisedText(section?.querySelector('h2'))).toBe('Notes');
  expect(normalisedText(section?.querySelector('h3'))).toBe('Sources');
  expect([...(section?.querySelectorAll('.sources li') ?? [])].map(normalisedText)).toEqual(
    citeprocBibliography(notesSources(), defaultStyle(), 'en-US'),
  );
});

test('a note awaiting a source says so visibly, at the claim and in the notes', () => {
  const document = notesPage();
  expect(normalisedText(document.getElementById('notes.note-26'))).toMatch(/^Source needed: The figure's origin\./);
  expect(normalisedText(document.getElementById('notes.note-27'))).toMatch(/^Source needed\./);
  const reference = document.getElementById('notes.ref-26');
  expect(reference?.classList.contains('note-ref-needed')).toBe(true);
  expect(reference?.querySelector('a')?.getAttribute('aria-label')).toBe('Note 26, source needed');
  // Seen at the claim as Wikipedia's "[citation needed]" is (issue 21), in the link and the
  // button alike, whose name holds those words: heard once there (tests/browser/read-closely.test.ts).
  expect(normalisedText(reference?.querySelector('a'))).toBe('26 [source needed]');
  expect(normalisedText(reference?.querySelector('button'))).toBe('26 [source needed]');
});

test('a note’s words are on the page twice: once at its reference, a popover that is also the sidenote, and once in the notes list', () => {
  const document = notesPage();
  const atReferences = [...document.querySelectorAll('sup.note-ref + .sidenote')];
  expect(atReferences).toHaveLength(30);
  expect(document.querySelectorAll('.sidenote')).toHaveLength(30);
  for (const copy of atReferences) {
    expect(copy.hasAttribute('popover')).toBe(true);
    // The preview a screen reader opens on a phone: in the accessibility tree, its links in the
    // tab order; in the margin the page's script takes both out (tests/browser/notes-and-contents).
    expect(copy.hasAttribute('aria-hidden')).toBe(false);
    expect(copy.querySelectorAll('[tabindex]')).toHaveLength(0);
  }
  const html = document.documentElement.outerHTML;
  for (const words of ['Remark 1 about claim 1.', 'Who said it, and when.']) expect(html.split(words)).toHaveLength(3);
});

test('each reference has one button, its numeral, that opens its own preview without JavaScript, with a link to the note', () => {
  const document = notesPage();
  const buttons = [...document.querySelectorAll('sup.note-ref > button.note-toggle')];
  expect(buttons).toHaveLength(30);
  for (const button of buttons) {
    const link = button.parentElement?.querySelector('a');
    expect(normalisedText(button)).toBe(normalisedText(link));
    expect(button.getAttribute('aria-label')).toBe(link?.getAttribute('aria-label'));
    const popover = document.getElementById(button.getAttribute('popovertarget') ?? '');
    expect(popover?.hasAttribute('popover')).toBe(true);
    expect(popover?.querySelector('a.sidenote-label')?.getAttribute('href')).toBe(link?.getAttribute('href'));
  }
});

test('note ids are prefixed so they cannot collide with heading ids', () => {
  const document = notesPage();
  const headingIds = [...document.querySelectorAll('h2[id], h3[id]')].map((heading) => heading.id);
  for (const element of document.querySelectorAll('[id*="note-"], [id*="ref-"]')) {
    expect(element.id.startsWith('notes.')).toBe(true);
    expect(headingIds).not.toContain(element.id);
  }
});

test('headings get unique, readable ids, including repeats, punctuation and other scripts', () => {
  const document = structurePage();
  expect(
    [...document.querySelectorAll('.essay-body h2[id], .essay-body h3[id]')].map((heading) => heading.id).filter((id) => !id.includes('.')),
  ).toEqual([
    'background',
    'details',
    'background-1',
    'details-1',
    'whats-next-part-1-plans--c',
    'мир-и-война',
    '平和への道',
    'section',
    'first-list',
    'second-list',
    'within-a-subsection',
  ]);
});

test('headings are not links (no tab stop each), and keep their ids for the contents and search', () => {
  const document = structurePage();
  const headings = [...document.querySelectorAll('.essay-body :is(h2, h3)[id]')];
  expect(headings.length).toBeGreaterThan(3);
  for (const heading of headings) {
    expect(heading.querySelectorAll('a'), heading.id).toHaveLength(0);
    expect(document.querySelector(`nav.toc a[href="#${heading.id}"]`) ?? heading.id.endsWith('notes-heading'), heading.id).toBeTruthy();
  }
});

test('the contents nest h3 under h2, link to every section and to the notes', () => {
  const document = structurePage();
  const nav = document.querySelector('nav.toc');
  expect(nav?.getAttribute('aria-labelledby')).toBe('toc-label');
  // One line on a phone: collapsed in the HTML, opened by the contents script on wide screens.
  // The sections a reader counts: the top-level entries, not the notes (nor the subsections and scenarios within).
  expect(normalisedText(document.getElementById('toc-label'))).toBe('Sommaire, 8 sections');
  expect(nav?.querySelector('details')?.hasAttribute('open')).toBe(false);
  const top = [...(nav?.querySelectorAll(':scope details > ol > li') ?? [])];
  expect(top.map((item) => normalisedText(item.querySelector('a')))).toEqual([
    'Background',
    'Background',
    'What’s next? (Part 1: “Plans” & C++)',
    'Мир и война',
    '平和への道',
    '?!',
    'First list',
    'Second list',
    'Notes',
  ]);
  expect(top[0]?.querySelector('li li a')?.getAttribute('href')).toBe('#details');
  expect(top[1]?.querySelector('li li a')?.getAttribute('href')).toBe('#details-1');
  for (const link of nav?.querySelectorAll('a') ?? []) {
    expect(document.getElementById(decodeURIComponent(link.getAttribute('href') ?? '').slice(1))).not.toBeNull();
  }
});

test('scenarios are numbered across the three lists, each title a heading one level below its section, shown and announced as "Scenario n: Title"', () => {
  const document = structurePage();
  const lists = [...document.querySelectorAll('ol.scenarios')];
  expect(lists.map((list) => list.getAttribute('role'))).toEqual(['list', 'list', 'list']);
  expect(
    lists.map((list) =>
      [...list.querySelectorAll(':scope > li')].map((item) => {
        const title = item.firstElementChild;
        return [item.getAttribute('value'), title?.tagName, title?.id, normalisedText(title)];
      }),
    ),
  ).toEqual([
    [
      ['1', 'H3', 'structure.scenario-calm-seas', 'Scénario 1: Calm seas'],
      ['2', 'H3', 'structure.scenario-storm', 'Scénario 2: Storm'],
    ],
    [
      ['3', 'H3', 'structure.scenario-dry', 'Scénario 3: Drought'],
      ['4', 'H3', 'structure.scenario-flood', 'Scénario 4: Flood'],
      ['5', 'H3', 'structure.scenario-balance', 'Scénario 5: Balance'],
    ],
    // In the section of an h3 ("Within a subsection"), the titles are h4.
    [['6', 'H4', 'structure.scenario-drizzle', 'Scénario 6: Drizzle']],
  ]);
  // The number is seen above the title; the colon between them is heard, not seen.
  const title = document.getElementById('structure.scenario-dry');
  expect(normalisedText(title?.querySelector('.scenario-number'))).toBe('Scénario 3:');
  expect(title?.querySelector('.scenario-number > span')?.textContent).toBe(':');
  expect(title?.getAttribute('tabindex')).toBe('-1');
});

test('the contents list each scenario with an h3 title under the section its list is in', () => {
  const document = structurePage();
  const sections = [...document.querySelectorAll('nav.toc details > ol > li')];
  const under = (id: string) =>
    [
      ...(sections
        .find((item) => item.querySelector(':scope > a')?.getAttribute('href') === `#${id}`)
        ?.querySelectorAll(':scope > ol > li > a') ?? []),
    ].map((link) => [link.getAttribute('href'), normalisedText(link)]);
  expect(under('first-list')).toEqual([
    ['#structure.scenario-calm-seas', 'Scénario 1: Calm seas'],
    ['#structure.scenario-storm', 'Scénario 2: Storm'],
  ]);
  // The contents go down to h3: the h4 title of the list in a subsection is reached by heading navigation instead.
  expect(under('second-list').map(([href]) => href)).toEqual([
    '#structure.scenario-dry',
    '#structure.scenario-flood',
    '#structure.scenario-balance',
    '#within-a-subsection',
  ]);
  expect(document.querySelector('nav.toc a[href="#structure.scenario-drizzle"]')).toBeNull();
});

test('scenario references before and after their scenarios link to them, with their own words or the number, which names one scenario', () => {
  const document = structurePage();
  expect([...document.querySelectorAll('a.scenario-ref')].map((link) => [link.getAttribute('href'), normalisedText(link)])).toEqual([
    ['#structure.scenario-calm-seas', 'Scénario 1'],
    ['#structure.scenario-storm', 'the storm'],
    ['#structure.scenario-dry', 'Scénario 3'],
    ['#structure.scenario-balance', 'Scénario 5'],
  ]);
});

// Whatever essays the site has (and the fixtures too): what the tests above pin on fixtures, as far
// as it can be known without knowing the essay.
test.each([
  { name: 'the site', dir: () => inject('siteDir') },
  { name: 'the component fixtures', dir: () => inject('componentsSiteDir') },
])('on every essay of $name, note and scenario references lead to their notes and scenarios, "source needed" at both ends', ({ dir }) => {
  for (const { page } of readEssays(dir())) {
    const document = readPage(dir(), page);
    for (const reference of document.querySelectorAll('sup.note-ref > a')) {
      const note = document.getElementById((reference.getAttribute('href') ?? '').slice(1));
      expect(note?.matches('section.notes li.note'), `${page}: ${reference.outerHTML}`).toBe(true);
      const neededAtClaim = reference.parentElement?.classList.contains('note-ref-needed');
      expect(neededAtClaim, `${page}: ${reference.outerHTML}`).toBe(note?.classList.contains('note-needed'));
    }
    for (const reference of document.querySelectorAll('a.scenario-ref')) {
      const scenario = document.getElementById((reference.getAttribute('href') ?? '').slice(1));
      expect(scenario?.matches('ol.scenarios > li > .scenario-title:is(h2, h3, h4, h5, h6)'), `${page}: ${reference.outerHTML}`).toBe(true);
      // "Scenario 2: Title": a reference without words of its own reads "Scenario 2".
      const numbered = /^(\S+ \d+):/.exec(normalisedText(scenario))?.[1];
      expect(numbered, `${page}: ${reference.outerHTML}`).toBeDefined();
      if (/^\S+ \d+$/.test(normalisedText(reference))) expect(normalisedText(reference), page).toBe(numbered);
    }
  }
});

// The sample essay in content/essays/ (skipped once a site has replaced it).
const SAMPLE = 'essays/trumps-envoy-third-meeting-with-putin/';
const samplePublished = existsSync(join(inject('siteDir'), SAMPLE, 'index.html'));

test.skipIf(!samplePublished)(
  `the sample essay links "the first scenario" to Scenario 1 and marks its claims as awaiting sources${samplePublished ? '' : ' (skipped: the sample essay is not in this site, replaced or removed)'}`,
  () => {
    const document = readPage(inject('siteDir'), SAMPLE);
    const reference = [...document.querySelectorAll('a.scenario-ref')].find((link) => normalisedText(link) === 'the first scenario');
    const target = document.getElementById((reference?.getAttribute('href') ?? '').slice(1));
    expect(normalisedText(target)).toBe('Scenario 1: Status Quo');
    const needed = [...document.querySelectorAll('section.notes li.note-needed')].map(normalisedText);
    expect(needed.length).toBeGreaterThanOrEqual(5);
    const claims = [...document.querySelectorAll('sup.note-ref')].map((sup) => normalisedText(sup.parentElement).slice(0, 400));
    for (const claim of [
      'third high-level contact this year',
      '“ownership” of four eastern Ukrainian regions',
      'no breakthrough anticipated',
      '70 missiles and 2,200 drones',
      '“make a move”',
    ]) {
      expect(
        claims.some((text) => text.includes(claim)),
        claim,
      ).toBe(true);
    }
  },
);

test('a link the author opens in a new tab says so to everyone and opens safely; a Markdown link stays in the tab', () => {
  const links = [...structurePage().querySelectorAll('article a[href^="https://example.org/"]')];
  const newTab = links.filter((link) => link.getAttribute('target') === '_blank');
  expect(newTab).toHaveLength(1);
  expect(newTab[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  // In the essay's language (the fixture is in French).
  expect(normalisedText(newTab[0])).toBe('ses relevés (s’ouvre dans un nouvel onglet)');
  expect(newTab[0]?.querySelector('.visually-hidden')?.textContent).toBe(' (s’ouvre dans un nouvel onglet)');
  const sameTab = links.find((link) => link.textContent === 'ses prévisions');
  expect(sameTab?.hasAttribute('target')).toBe(false);
});

test('a Markdown table scrolls inside a named region that the keyboard can reach', () => {
  const regions = [...structurePage().querySelectorAll('article .table-scroll')];
  expect(regions).toHaveLength(1);
  expect(regions[0]?.getAttribute('role')).toBe('region');
  expect(regions[0]?.getAttribute('tabindex')).toBe('0');
  expect(regions[0]?.getAttribute('aria-label')).toBe('Tableau 1');
  expect(regions[0]?.querySelector(':scope > table')).not.toBeNull();
});

test('a code block is plain markup, with no style attribute (the pages’ policy refuses them), and only its page carries the rule for it', () => {
  const document = structurePage();
  const code = document.querySelector('.essay-body pre > code.code-block.language-js');
  expect(code?.textContent).toContain('ligneDeCodeTropLongue');
  expect(document.querySelectorAll('[style]')).toHaveLength(0);
  expect(document.querySelector('style')?.textContent).toMatch(/\.code-block\{[^}]*white-space:pre-wrap/);
  // A page without a code block carries no rule for one.
  expect(notesPage().querySelector('style')?.textContent).not.toContain('.code-block');
});
