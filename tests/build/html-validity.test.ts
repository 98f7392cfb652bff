import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { formatHtmlMessages, validateBuiltSites, type SiteHtmlMessage } from '../../scripts/lib/html-validator.ts';
import { listEssaySlugs, listHtmlFiles } from '../../src/publishing/pages.ts';
import { SUB_PATH_BASE } from '../support/global-setup.ts';

/**
 * Warnings the Nu Html Checker gives about markup that is right, each matched by its exact
 * message and the markup it points at, with why it stays. The README lists them too
 * ("What the tests check").
 */
const ACCEPTED_WARNINGS: ReadonlyArray<{ message: string; markup: string }> = [
  {
    // The JSON-LD for search engines is a data block, which a browser never runs: HTML stops
    // preparing a <script> whose type is not JavaScript before it asks the CSP, so the page's
    // policy (no inline script but the build's, by hash) does not apply to it, and Chromium reports no violation
    // (tests/browser/host-headers.test.ts). The checker holds every inline <script> to script-src.
    message:
      'Inline script violates Content Security Policy (meta tag): blocked by “script-src” directive (missing “‘unsafe-inline’” or nonce/hash).',
    markup: '<script type="application/ld+json">',
  },
  {
    // A list of scenarios shows no markers (the number is in each title), and WebKit takes a
    // list with list-style: none for a layout list: VoiceOver in Safari then says nothing of
    // a list. role="list" keeps it one there; the checker counts the role as redundant.
    message: 'The “list” role is unnecessary for element “ol”.',
    markup: '<ol class="scenarios" role="list">',
  },
];

/**
 * Errors of the checker's CSS validator about CSS that is right, each by its exact message. An
 * essay page carries its CSS in a <style> (src/publishing/inline-assets.ts), which the
 * checker validates, unlike a linked stylesheet; its validator predates CSS Anchor Positioning
 * (Chromium 125, Safari 26), which places a note's preview beside its reference, and which a
 * browser without it ignores (the preview is then centred, as any popover).
 */
const ACCEPTED_CSS_ERRORS: readonly string[] = [
  "CSS: “position-area”: Property “position-area” doesn't exist.",
  "CSS: “position-try-fallbacks”: Property “position-try-fallbacks” doesn't exist.",
];

const isAccepted = (message: SiteHtmlMessage) =>
  (message.severity === 'warning' &&
    ACCEPTED_WARNINGS.some((accepted) => accepted.message === message.message && accepted.markup === message.markup)) ||
  (message.severity === 'error' && ACCEPTED_CSS_ERRORS.includes(message.message));

test('every page and single-file copy of the three builds is valid HTML: no error but the CSS validator’s two, and no warning but the accepted ones', async () => {
  const sites = [
    { name: 'site at the root', dir: inject('siteDir') },
    { name: `site under ${SUB_PATH_BASE}`, dir: inject('subPathSiteDir'), base: SUB_PATH_BASE },
    { name: 'components fixture site', dir: inject('componentsSiteDir') },
  ];
  const { files, messages } = await validateBuiltSites(sites);
  expect(files).toBe(sites.reduce((sum, site) => sum + listHtmlFiles(site.dir).length, 0));
  // The single-file copies are among them.
  for (const site of sites) {
    for (const slug of listEssaySlugs(site.dir)) expect(listHtmlFiles(site.dir)).toContain(`essays/${slug}/${slug}.html`);
  }
  const problems = messages.filter((message) => message.severity !== 'info' && !isAccepted(message));
  expect(formatHtmlMessages(problems), 'The Nu Html Checker’s errors and warnings').toBe('');
});

test('the checker reports each error and warning with its file, line and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'html-validity-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><title>ok</title></head><body><p>Fine.</p></body></html>');
    writeFileSync(
      join(dir, 'bad.html'),
      [
        '<!doctype html>',
        '<html lang="en"><head><title>bad</title></head><body>',
        '<p id="a">One</p><p id="a">Two</p>',
        '<img src="x.png">',
        '<script type="text/javascript" src="x.js"></script>',
        '</body></html>',
      ].join('\n'),
    );
    const { files, messages } = await validateBuiltSites([{ name: 'fixture', dir, base: '/sub/' }]);
    expect(files).toBe(2);
    expect(formatHtmlMessages(messages.filter((message) => message.severity !== 'info')).split('\n')).toEqual([
      'fixture: bad.html:3:18: error: Duplicate ID “a”.',
      '    a">One</p><p id="a">Two</p',
      'fixture: bad.html:3:1: warning: The first occurrence of ID “a” was here.',
      '    ad><body> <p id="a">One</p',
      'fixture: bad.html:4:1: error: An “img” element must have an “alt” attribute, except under certain conditions. For details, consult guidance on providing text alternatives for images.',
      '    ">Two</p> <img src="x.png"> <scri',
      'fixture: bad.html:5:1: warning: The “type” attribute is unnecessary for JavaScript resources.',
      '    ="x.png"> <script type="text/javascript" src="x.js"></scri',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
