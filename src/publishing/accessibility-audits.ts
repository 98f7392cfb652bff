/**
 * What the test suite audits on every built page beyond pa11y-ci (whose runs are in
 * `.pa11yci.json`). tests/a11y/axe.test.ts runs exactly these, and the accessibility
 * statement says exactly these: one list for both, so the statement cannot claim a check
 * the tests stopped making.
 */

/**
 * The axe-core rule sets asked for. pa11y's axe runner leaves out WCAG 2.2 and hides
 * moderate rules such as heading order: these runs ask axe for all of them.
 */
export const AXE_RULE_TAGS = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

export type ColourScheme = 'light' | 'dark';

/** Each page is audited with axe at each of these window widths, in each colour scheme. */
export const AXE_VIEWPORTS: ReadonlyArray<{ width: number; scheme: ColourScheme }> = [
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
  { width: 1280, scheme: 'light' },
  { width: 1280, scheme: 'dark' },
];

/**
 * Widths at which no page may scroll sideways: 320 CSS px is WCAG 1.4.10's reflow width
 * (1280 px at 400% zoom); 640 px is 1280 px at 200%.
 */
export const REFLOW_WIDTHS: readonly number[] = [320, 640];
