import type { Nodes } from 'mdast';
import { isJsxElement, staticValue } from './jsx.ts';
import { walk, type Findings } from './rule.ts';
import { isOtherOrigin } from './urls.ts';

/** The title that marks a Markdown image as decorative, so that its empty alt text is meant: `![](./rule.png "decorative")`. */
const DECORATIVE = 'decorative';

const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|tiff?|bmp|heic)$/i;

/** Whether alt text is a file name rather than words: `chart.png`, `IMG_2041.JPG`, or the image's own name. */
export function isFileName(alt: string, url: string): boolean {
  const name = url.split(/[?#]/)[0]?.split('/').at(-1) ?? '';
  return IMAGE_FILE.test(alt.trim()) || (name !== '' && alt.trim() === name.replace(IMAGE_FILE, ''));
}

/**
 * Images outside figures (the figure kind checks its own): alt text is required, and is
 * words, not a file name; an empty alt only with the decorative marker (`"decorative"` as
 * a Markdown image's title, `role="presentation"` on an `<img>`); a file next to the essay
 * must be there, reported at the essay's line rather than at the compiled code's.
 */
export function checkImages(tree: Readonly<Nodes>, findings: Findings, fileExists?: (url: string) => boolean): void {
  for (const { node, ancestors } of walk(tree)) {
    const inFigure = ancestors.some((ancestor) => isJsxElement(ancestor) && ancestor.name === 'Figure');
    let url: string | undefined;
    let alt: string | undefined;
    let decorative: boolean;
    let written: string;
    if (node.type === 'image') {
      url = node.url;
      alt = node.alt ?? '';
      decorative = node.title === DECORATIVE;
      written = `![${alt}](${url})`;
    } else if (isJsxElement(node) && node.name === 'img') {
      const value = (name: string) => {
        const attribute = node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
        return attribute?.type === 'mdxJsxAttribute' ? staticValue(attribute) : undefined;
      };
      const src = value('src');
      url = typeof src === 'string' ? src : undefined;
      const altValue = value('alt');
      alt = typeof altValue === 'string' ? altValue : altValue === null ? '(computed)' : undefined;
      decorative = value('role') === 'presentation';
      written = `<img src="${url ?? '…'}">`;
    } else {
      continue;
    }
    if (!inFigure) {
      if (alt === undefined) {
        findings.error(
          node,
          `${written} has no alt attribute, so a screen reader announces the file name.`,
          'add alt="…" saying what the image shows that a reader who cannot see it would miss.',
        );
      } else if (alt.trim() === '' && !decorative) {
        findings.error(
          node,
          `${written} has no alt text.`,
          node.type === 'image'
            ? `say in the brackets what the image shows; if it is only decoration, mark it: ![](${url ?? ''} "${DECORATIVE}").`
            : 'write in alt="…" what the image shows; if it is only decoration, add role="presentation".',
        );
      } else if (url !== undefined && isFileName(alt, url)) {
        findings.error(
          node,
          `the alt text "${alt}" is a file name, which tells a reader nothing.`,
          'write instead what the image shows, such as "Bar chart: launches rose each month".',
        );
      }
    }
    if (
      url !== undefined &&
      fileExists &&
      !isOtherOrigin(url) &&
      !url.startsWith('/') &&
      !fileExists(decodeURI(url.split(/[?#]/)[0] ?? url))
    ) {
      findings.error(
        node,
        `the image ${url} is not there: no such file next to the essay.`,
        'put the image in the essays folder beside the essay, or correct the path (it is relative to the essay, like ./chart.png).',
      );
    }
  }
}
