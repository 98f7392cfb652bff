import { expect, test } from 'vitest';
import { namesClass, withoutRules } from '../../src/offline/css-rules.ts';

const CSS = `.toc { color: red }
.toc a, .essay a { color: blue }
.essay .toc-count { display: none }
p { margin: 0 }
@media print { .toc { display: none } p { orphans: 3 } }
@media (min-width: 40em) { .toc { float: left } }
@page { margin: 2cm }`;

test('a rule goes only when every selector of its list names the class; media rules keep what is left', () => {
  const css = withoutRules(CSS, { selector: namesClass(/^toc/) });
  expect(css).not.toMatch(/\.toc\s*\{/);
  expect(css).not.toContain('toc-count');
  expect(css).toMatch(/\.toc a, \.essay a/);
  expect(css).toMatch(/p\s*\{\s*margin: 0/);
  expect(css).toMatch(/orphans: 3/);
  expect(css).toMatch(/@media \(width >= 40em\)/);
});

test('print rules go whole: @media print and @page, and nothing else', () => {
  const css = withoutRules(CSS, { print: true });
  expect(css).not.toMatch(/@media print|@page|orphans/);
  expect(css).toMatch(/@media \(width >= 40em\)/);
  expect(css.match(/\.toc\s*\{/g)).toHaveLength(2);
});

test('with nothing to take out, every rule stays', () => {
  const css = withoutRules(CSS, {});
  for (const text of ['.toc-count', 'orphans', '@page', 'float: left']) expect(css).toContain(text);
});
