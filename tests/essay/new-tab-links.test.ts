import { expect, test } from 'vitest';
import { opensNewTab, withNewTabLinksMarked } from '../../src/essay/new-tab-links.ts';

const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });
const hint = { type: 'text', value: ' (opens in a new tab)' };
const link = (...attributes: ReturnType<typeof attribute>[]) => ({
  type: 'mdxJsxTextElement',
  name: 'a',
  attributes: [attribute('href', 'https://example.org/'), ...attributes],
  children: [{ type: 'text', value: 'the archive' }],
});

test('only target="_blank" asks for a new tab', () => {
  expect(opensNewTab(link(attribute('target', '_blank')).attributes)).toBe(true);
  expect(opensNewTab(link().attributes)).toBe(false);
  expect(opensNewTab(link(attribute('target', '_self')).attributes)).toBe(false);
});

test('a new-tab link, however deep, gets noopener noreferrer (the author’s rel kept, no token twice) and the hint last', () => {
  const paragraph = {
    type: 'paragraph',
    children: [link(attribute('target', '_blank'), attribute('rel', 'author noopener')), link()],
  };
  const marked = withNewTabLinksMarked(paragraph, hint);
  const [newTab, sameTab] = marked.children;
  expect(newTab?.attributes).toContainEqual(attribute('rel', 'author noopener noreferrer'));
  expect(newTab?.attributes.filter((candidate) => candidate.name === 'rel')).toHaveLength(1);
  expect(newTab?.children.at(-1)).toBe(hint);
  // A link in the same tab, and the tree given, are left as they were.
  expect(sameTab).toEqual(link());
  expect(paragraph.children[0]?.children).toHaveLength(1);
});

test('a tree without a new-tab link comes back as the same nodes, not copies', () => {
  const paragraph = { type: 'paragraph', children: [link(), { type: 'text', value: '.' }] };
  expect(withNewTabLinksMarked(paragraph, hint)).toBe(paragraph);
  const mixed = { type: 'root', children: [paragraph, { type: 'paragraph', children: [link(attribute('target', '_blank'))] }] };
  expect(withNewTabLinksMarked(mixed, hint).children[0]).toBe(paragraph);
});
