import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { contrast } from '../support/contrast.ts';

/** The colour tokens of each scheme, read from tokens.css (dark overrides light). */
function schemes(): Record<'light' | 'dark', Record<string, string>> {
  const css = readFileSync(join(ROOT, 'src/styles/tokens.css'), 'utf8');
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (text: string) =>
    Object.fromEntries([...text.matchAll(/--(color-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const light = read(css.slice(0, darkStart));
  return { light, dark: { ...light, ...read(css.slice(darkStart)) } };
}

test.each(['light', 'dark'] as const)('every text colour meets WCAG AA on every background in the %s scheme', (scheme) => {
  const colours = schemes()[scheme];
  for (const background of ['color-bg', 'color-surface']) {
    for (const text of ['color-text', 'color-muted', 'color-link', 'color-link-visited']) {
      const ratio = contrast(colours[text] ?? '', colours[background] ?? '');
      expect(ratio, `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    // Focus rings are non-text contrast: 3:1 (WCAG 1.4.11).
    expect(contrast(colours['color-focus'] ?? '', colours[background] ?? '')).toBeGreaterThanOrEqual(3);
  }
});

test('marked search words stay readable in both schemes', () => {
  for (const colours of Object.values(schemes())) {
    expect(contrast(colours['color-text'] ?? '', colours['color-mark'] ?? '')).toBeGreaterThanOrEqual(4.5);
  }
});
