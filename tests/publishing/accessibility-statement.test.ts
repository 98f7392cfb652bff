import { expect, test } from 'vitest';
import { AXE_VIEWPORTS } from '../../src/publishing/accessibility-audits.ts';
import { lockedVersion, statementFacts, viewportsByWidth } from '../../src/publishing/accessibility-statement.ts';

const lock = {
  packages: {
    '': { version: '0.1.0' },
    'node_modules/pa11y-ci': { version: '4.1.1' },
    'node_modules/pa11y': { version: '10.0.0' },
    'node_modules/pa11y/node_modules/axe-core': { version: '4.13.0' },
    'node_modules/@pa11y/html_codesniffer': { version: '2.6.0' },
    'node_modules/axe-core': { version: '4.14.1' },
    'node_modules/puppeteer-core': { version: '25.16.0' },
  },
};
const now = new Date('2026-11-30T23:59:00Z');

test('a version is the one Node would load: the nearest node_modules from the package that asks', () => {
  expect(lockedVersion(lock, 'axe-core', 'node_modules/pa11y')).toBe('4.13.0');
  expect(lockedVersion(lock, 'axe-core')).toBe('4.14.1');
  // Not nested under pa11y: found at the top, as Node would.
  expect(lockedVersion(lock, '@pa11y/html_codesniffer', 'node_modules/pa11y')).toBe('2.6.0');
  expect(() => lockedVersion(lock, 'left-pad')).toThrow(/package-lock\.json has no left-pad: run npm install/);
});

test('the facts are what .pa11yci.json runs, at the versions the lock file installs', () => {
  const facts = statementFacts({
    pa11yConfig: {
      defaults: { standard: 'WCAG2AA', runners: ['htmlcs', 'axe'] },
      urls: [{ url: 'search/?q={word}', actions: ['set field #q to {word}', 42] }, 'extra/'],
    },
    lock,
    version: '0.1.0',
    commit: 'abc1234',
    now,
  });
  expect(facts.pa11y).toEqual({
    tool: { name: 'pa11y-ci', version: '4.1.1' },
    standard: 'WCAG2AA',
    runners: [
      { name: 'HTML_CodeSniffer', version: '2.6.0' },
      { name: 'axe-core', version: '4.13.0' },
    ],
    states: [
      { url: 'search/?q={word}', actions: ['set field #q to {word}'] },
      { url: 'extra/', actions: [] },
    ],
  });
  expect(facts.axe.tool).toEqual({ name: 'axe-core', version: '4.14.1' });
  expect(facts.axe.viewports).toBe(AXE_VIEWPORTS);
  // No Nu Html Checker in this lock file, so the statement does not claim it.
  expect(facts.htmlChecker).toBeUndefined();
  expect(facts.builtOn).toBe('2026-11-30');
});

test('a runner the statement cannot name stops the build instead of being left out', () => {
  expect(() =>
    statementFacts({ pa11yConfig: { defaults: { runners: ['lighthouse'] } }, lock, version: '1', commit: undefined, now }),
  ).toThrow(/\.pa11yci\.json runs "lighthouse"/);
});

test('viewports are grouped by width, schemes in the order audited', () => {
  expect(
    viewportsByWidth([
      { width: 375, scheme: 'light' },
      { width: 1280, scheme: 'dark' },
      { width: 375, scheme: 'dark' },
    ]),
  ).toEqual([
    { width: 375, schemes: ['light', 'dark'] },
    { width: 1280, schemes: ['dark'] },
  ]);
});
