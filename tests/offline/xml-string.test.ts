import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { expect, test } from 'vitest';
import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { xmlString } from '../../src/offline/xml-string.ts';

test('an xast tree is written as xast-util-to-xml writes it, byte for byte', () => {
  const page = fromHtml(
    `<!doctype html><html lang="en"><head><title>A &amp; B &lt;C&gt; "D" 'E'</title></head><body>
    <p class="a b" title='say "hi" & <go>' data-x="" hidden>Text\u0001 with &amp; and &lt; and > and ]]&gt; and ?&gt;<br><img alt="" src="x.png"></p>
    <!-- a -- comment -->
    <svg viewBox="0 0 10 10"><path d="M0 0h10"/><foreignObject><p>In</p></foreignObject></svg><math><mi>x</mi></math>
    <template><p>Inside</p></template><a href="#x?y=1&amp;z=2">Link</a><p a"b="1">Odd name</p></body></html>`,
  );
  const tree = toXast(page) as Root;
  const instruction = { type: 'instruction', name: 'xml', value: 'version="1.0" ?> encoding="UTF-8"' } as const;
  const extra: Root = {
    type: 'root',
    children: [
      instruction,
      { type: 'cdata', value: 'a ]]> b > c' },
      { type: 'doctype', name: 'html', public: '-//W3C//DTD "X"', system: 'http://x/y.dtd' },
      { type: 'doctype', name: 'ncx', system: 'z.dtd' },
      { type: 'element', name: 'empty', attributes: { a: 'x', b: undefined as unknown as string }, children: [] },
    ],
  };
  for (const root of [tree, extra]) expect(xmlString(root)).toBe(toXml(root, { closeEmptyElements: true }));
});
