import { isUtf8 } from 'node:buffer';
import { slug as githubSlug } from 'github-slugger';
import { essaySlug } from '../../essay/slug.ts';

/** Where a file stops being UTF-8: the first byte that is not, with its 1-based line and column. */
export interface InvalidByte {
  byte: number;
  line: number;
  column: number;
}

/** The length of the UTF-8 sequence starting at `bytes[index]`, or 0 when it is not one (overlong, surrogate, past U+10FFFF, cut short). */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/**
 * The first byte of a file that is not UTF-8 (a Latin-1 "é" saved by an old editor, say),
 * or undefined when all of it is. Read as UTF-8 anyway, it would become "�" in the page.
 */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidByte | undefined {
  // Node's own check (native) answers for the whole file at once; the walk below, byte by
  // byte, was a sixth of the checks' time, and is only needed to say where a bad byte is.
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  let column = 1;
  for (let index = 0; index < bytes.length;) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return { byte: bytes[index] ?? 0, line, column };
    if (bytes[index] === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    index += length;
  }
  return undefined;
}

/**
 * What is wrong with an essay's file name, when it makes no URL: `index.mdx` (the essays
 * list is there already) or a name with no letter or digit (`!!!.mdx`). A frontmatter
 * `slug` gives the URL instead. The fix names a file after the title.
 */
export function fileNameProblem(
  relativePath: string,
  frontmatterSlug: unknown,
  title: unknown,
): { message: string; fix: string } | undefined {
  const slug = essaySlug(relativePath, frontmatterSlug);
  if (slug !== '' && !slug.split('/').includes('')) return undefined;
  const name = relativePath.split(/[\\/]/).at(-1) ?? relativePath;
  const suggestion = (typeof title === 'string' ? githubSlug(title) : '') || 'on-time';
  const folder = relativePath.slice(0, relativePath.length - name.length);
  return {
    message: `the file name "${name}" makes no URL: an essay is published at /essays/<its file name>/, and ${/^index\.mdx$/i.test(name) ? '"index" is the folder itself' : 'this name has no letter or digit'}.`,
    fix: `rename it after the essay, such as ${folder}${suggestion}.mdx, or give it a "slug: ${suggestion}" line in its frontmatter.`,
  };
}
