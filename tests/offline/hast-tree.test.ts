import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import {
  copyTree,
  elements,
  findElement,
  findElements,
  hasProperty,
  hasToken,
  isTag,
  type ElementTest,
} from '../../src/offline/hast-tree.ts';

const PAGE = `<article class="essay wide" lang="en"><h1 id="t">Title</h1><!-- a comment -->
<p>Text with <a href="#n1" aria-describedby="a b" data-x="1">a link</a> and <img src="/a.png" alt="A" width="10">.</p>
<template><p>Inside a template</p></template></article>`;

test('a copy of a tree serialises as the tree does, and changing the copy leaves the tree as it was', () => {
  const tree = fromHtml(PAGE, { fragment: true });
  const before = toHtml(tree);
  const copy = copyTree(tree);
  expect(toHtml(copy)).toBe(before);
  expect(copy).toEqual(tree);

  const copied = elements(copy);
  const link = copied.find((node) => node.tagName === 'a') as Element;
  (link.properties['ariaDescribedBy'] as string[]).push('c');
  link.properties['href'] = '#elsewhere';
  const article = copied.find((node) => node.tagName === 'article') as Element;
  (article.properties['className'] as string[]).pop();
  article.children.pop();
  const template = copied.find((node) => node.tagName === 'template') as Element & { content: Root };
  template.content.children = [];
  copy.position = undefined;

  expect(toHtml(tree)).toBe(before);
  expect(toHtml(copy)).not.toBe(before);
});

test('the element tests find what the CSS selectors they replace select, the tree itself included', () => {
  const tree = fromHtml(
    `<section role="doc-endnotes note" lang=""><h3 id="n">Notes <bdi lang="en">x</bdi></h3><svg><title>t</title></svg>
    <ol><li role="doc-endnotes">One</li></ol><link rel="canonical stylesheet" href="/a.css"><meta name="author" content="A"></section>`,
    { fragment: true },
  );
  const section = elements(tree)[0] as Element;
  const pairs: Array<[string, ElementTest]> = [
    ['[role~="doc-endnotes"]', (node) => hasToken(node, 'role', 'doc-endnotes')],
    ['[role~="note"]', (node) => hasToken(node, 'role', 'note')],
    ['[lang]', (node) => hasProperty(node, 'lang')],
    ['[id]', (node) => hasProperty(node, 'id')],
    ['h2, h3', isTag('h2', 'h3')],
    ['svg', isTag('svg')],
    ['math', isTag('math')],
    ['link[rel~="stylesheet"]', (node) => node.tagName === 'link' && hasToken(node, 'rel', 'stylesheet')],
  ];
  for (const [selector, elementTest] of pairs) {
    for (const root of [tree, section]) {
      expect(findElement(root, elementTest), selector).toBe(select(selector, root));
      expect(findElements(root, elementTest), selector).toEqual(selectAll(selector, root));
    }
  }
});
