import { readFileSync } from 'node:fs';
import { Fragment, jsx } from 'astro/jsx-runtime';
import * as astroServer from 'astro/runtime/server/index.js';
import type { EssayData, RecordedElement, RecordedValue } from './essay-data.ts';

/*
 * An essay's content component made from its recorded tree (src/site/essay-data.ts): the page
 * renders it as it renders an MDX module's `Content`, through Astro's JSX renderer, with the
 * same calls of the runtime in the same order.
 */

type Components = Record<string, unknown>;

/** A recorded value as the runtime's: each element made again, its children first, as the compiled essay made them. */
function revived(value: RecordedValue, components: Components): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => revived(item, components));
  if (isElement(value)) {
    const [type, recordedProps, key] = value.$jsx;
    const props: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(recordedProps)) props[name] = revived(prop, components);
    return jsx(elementType(type, components), props, key);
  }
  const object: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(value as Record<string, RecordedValue>)) object[name] = revived(prop, components);
  return object;
}

function isElement(value: object): value is RecordedElement {
  return '$jsx' in value && Array.isArray(value.$jsx);
}

function elementType(type: string | 0 | { c: string }, components: Components): unknown {
  if (type === 0) return Fragment;
  if (typeof type === 'string') return type;
  const component = type.c === 'Fragment' ? (components['Fragment'] ?? Fragment) : components[type.c];
  // The words of MDX's own error for a component the page does not pass.
  if (!component) throw new Error(`Expected component \`${type.c}\` to be defined: you likely forgot to import, pass, or provide it.`);
  return component;
}

/** What an essay's module gives its page (`default`, `frontmatter`, `getHeadings`), from its recorded data in `file`. */
export function essayFromData(file: string): {
  default: (props: Record<string, unknown>) => unknown;
  frontmatter: Record<string, unknown>;
  getHeadings: () => EssayData['headings'];
} {
  const text = readFileSync(file, 'utf8');
  // The cache file's first line is its key (src/site/compiled-essays.ts).
  const data = JSON.parse(text.slice(text.indexOf('\n') + 1)) as EssayData;
  const Content = (props: { components?: Components } = {}) => revived(data.content, props.components ?? {});
  const marks = Content as unknown as Record<string | symbol, unknown>;
  marks[Symbol.for('mdx-component')] = true;
  marks[Symbol.for('astro.needsHeadRendering')] = !data.frontmatter['layout'];
  // As @astrojs/mdx tags an essay module's `Content`: rendered by Astro's JSX renderer.
  (astroServer as unknown as { __astro_tag_component__: (component: unknown, renderer: string) => void }).__astro_tag_component__(
    Content,
    'astro:jsx',
  );
  return { default: Content, frontmatter: data.frontmatter, getHeadings: () => data.headings };
}
