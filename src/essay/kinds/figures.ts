import { figureId, keyFromTitle } from '../ids.ts';
import type { ComponentKind } from './kind.ts';
import { attribute, descendants, isElement, type ComponentElement } from './tree.ts';

export interface Figure {
  node: ComponentElement;
  number: number;
  caption: string;
  id: string;
  /** The key `<FigureRef to="…">` uses: the `id` attribute, or the caption as a slug. */
  key: string;
}

export interface FigureReference {
  node: ComponentElement;
  target: Figure;
}

export interface Figures {
  figures: Figure[];
  references: FigureReference[];
}

const FIGURE = 'Figure';
const REFERENCE = 'FigureRef';

/**
 * `<Figure caption="…">` around an image or a table, numbered "Figure 1", "Figure 2" in
 * reading order, and `<FigureRef to="…">` (or `n={2}`) links to it, before or after.
 * Every image in a figure needs its alt text: the caption says what the figure shows in
 * the essay's argument, the alt text what a reader who cannot see it would miss.
 */
export const figures: ComponentKind<Figures> = {
  elements: [FIGURE, REFERENCE],

  analyze(occurrences, { idPrefix: prefix, problem }) {
    const found: Figure[] = [];
    const referenceNodes: ComponentElement[] = [];
    for (const { node } of occurrences) {
      if (isElement(node, REFERENCE)) {
        referenceNodes.push(node);
        continue;
      }
      if (!isElement(node, FIGURE)) continue;
      const caption = attribute(node, 'caption');
      if (typeof caption !== 'string' || caption.trim() === '') {
        problem(
          node,
          '<Figure> has no caption.',
          'give it one that says what it shows: <Figure caption="Launches by month, 2025">…</Figure>.',
        );
        continue;
      }
      const images = descendants(node, (child) => child.type === 'image' || isElement(child, 'img'));
      const tables = descendants(node, (child) => child.type === 'table' || isElement(child, 'table'));
      if (images.length + tables.length === 0) {
        problem(
          node,
          '<Figure> holds no image and no table.',
          'put an image (![what it shows](./file.png)) or a Markdown table inside it.',
        );
        continue;
      }
      for (const image of images) {
        const alt =
          image.type === 'image'
            ? image.alt
            : typeof attribute(image as ComponentElement, 'alt') === 'string'
              ? (attribute(image as ComponentElement, 'alt') as string)
              : '';
        if (!alt?.trim()) {
          problem(
            node,
            `an image in <Figure caption="${caption.trim()}"> has no alt text.`,
            'say in the brackets what the image shows to a reader who cannot see it: ![Bar chart: launches rose each month](./launches.png).',
          );
        }
      }
      const number = found.length + 1;
      const explicitKey = attribute(node, 'id');
      const key = typeof explicitKey === 'string' && explicitKey !== '' ? explicitKey : keyFromTitle(caption, String(number));
      if (found.some((figure) => figure.key === key)) {
        problem(node, `two figures share the id "${key}".`, 'give one of them a different caption, or an id="…" of its own.');
        continue;
      }
      found.push({ node, number, caption: caption.trim(), key, id: figureId(prefix, key) });
    }

    const references: FigureReference[] = [];
    for (const node of referenceNodes) {
      const to = attribute(node, 'to');
      const n = attribute(node, 'n');
      const target =
        typeof to === 'string' && to !== ''
          ? found.find((figure) => figure.key === to)
          : typeof n === 'string'
            ? found.find((figure) => String(figure.number) === n)
            : undefined;
      if (target) {
        references.push({ node, target });
      } else {
        const which = typeof to === 'string' ? `to="${to}"` : typeof n === 'string' ? `n={${n}}` : '';
        problem(
          node,
          which
            ? `<FigureRef ${which}> points at a figure that does not exist (there are: ${found.map((figure) => figure.key).join(', ') || 'none'}).`
            : '<FigureRef> says neither which figure (to="…") nor which number (n={…}).',
          'point it at a figure that exists: <FigureRef to="launches-by-month" /> or <FigureRef n={1} />.',
        );
      }
    }
    return { figures: found, references };
  },

  render({ figures: all, references }, { lang }) {
    return {
      replacements: [
        ...all.map(({ node, id, caption, number }) => ({ node, props: { id, caption, number, lang } })),
        ...references.map(({ node, target }) => ({ node, props: { href: `#${target.id}`, number: target.number, lang } })),
      ],
      appended: [],
      frontmatter: {},
    };
  },
};
