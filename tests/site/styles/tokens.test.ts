import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../support/build-site.ts';
import { contrast } from '../../../scripts/lib/contrast.ts';
import { parseSchemeTokens } from '../../../src/offline/web-manifest.ts';

/** The colour tokens of each scheme, read from tokens.css as the manifest and social cards read it. */
function schemes(): Record<'light' | 'dark', Record<string, string>> {
  const tokens = parseSchemeTokens(readFileSync(join(ROOT, 'src/site/styles/tokens.css'), 'utf8'));
  const colours = (scheme: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      Object.entries(scheme)
        .filter(([name, value]) => name.startsWith('--color-') && /^#[0-9a-f]{6}$/i.test(value))
        .map(([name, value]) => [name.slice(2), value]),
    );
  return { light: colours(tokens.light), dark: colours(tokens.dark) };
}

test('every colour token has a six-digit hex value in each scheme', () => {
  const { light, dark } = schemes();
  expect(Object.keys(light).length).toBeGreaterThanOrEqual(9);
  expect(Object.keys(dark)).toEqual(Object.keys(light));
});

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

test('browsers without light-dark() get the light scheme: the fallback repeats its colours exactly', () => {
  const css = readFileSync(join(ROOT, 'src/site/styles/tokens.css'), 'utf8');
  const fallback = /@supports not \(color: light-dark\([^)]*\)\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const colours = Object.fromEntries([...fallback.matchAll(/--(color-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  expect(colours).toEqual(schemes().light);
});
