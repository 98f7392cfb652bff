/**
 * The sources one essay may cite, from everywhere they are written: its frontmatter
 * `sources`, its `bibliography:` files (beside it), and the site's `bibliography` option;
 * and the citation style its notes follow. The essay checks and the essay plugin both ask
 * here, so a key the checks accept is a key the build finds.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { sourceSchema } from '../authoring/essay-schema.ts';
import type { Problem } from '../authoring/problems.ts';
import { readBibliography, type BibliographyFile } from './bibliography.ts';
import { frontmatterSourceItem, type CitedSource } from './csl-item.ts';
import { formatCitations, type CitationStyle } from './format-citations.ts';
import { builtInStyle, defaultStyle, styleFromFile } from './styles.ts';

export interface SiteSources {
  /** The site's bibliography files, relative to the project. */
  bibliography: readonly string[];
  /** The site's citation style: a `.csl` file relative to the project, or a built-in name. */
  csl?: string | undefined;
}

export interface EssaySourcesInput {
  /** The project's folder. */
  root: string;
  /** The essay's file, relative to the project. */
  file: string;
  frontmatter: Readonly<Record<string, unknown>>;
  /** The essay file's text, to point a message at the frontmatter line it is about. */
  source?: string | undefined;
  site: SiteSources;
}

export interface EssaySources {
  sources: CitedSource[];
  style: CitationStyle;
  problems: Problem[];
}

/** Each bibliography file read once per build (a site-wide one is cited by every essay). */
const readFiles = new Map<string, { stamp: string; read: BibliographyFile }>();

function readFile(root: string, path: string): BibliographyFile | { missing: true } {
  const absolute = resolve(root, path);
  let stamp: string;
  try {
    const stats = statSync(absolute);
    stamp = `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return { missing: true };
  }
  const known = readFiles.get(absolute);
  if (known?.stamp === stamp) return known.read;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    // There, but not a file that can be read (a folder, a file without permission).
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      file: path,
      items: [],
      problems: [
        { file: path, message: `the bibliography file cannot be read (${reason}).`, fix: 'export it again as a file the build can read.' },
      ],
    };
  }
  const read = readBibliography(path, text);
  readFiles.set(absolute, { stamp, read });
  return read;
}

/** The 1-based line of a frontmatter key in an essay's text. */
function keyLine(source: string | undefined, key: string): number | undefined {
  if (source === undefined) return undefined;
  const index = source.search(new RegExp(`^${key}\\s*:`, 'm'));
  return index < 0 ? undefined : source.slice(0, index).split('\n').length;
}

/** A path as messages name it: relative to the project, with forward slashes. */
const shown = (root: string, absolute: string) => relative(root, absolute).split(sep).join('/');

/** The frontmatter's sources; a source with a mistake (reported by the frontmatter checks) still counts by its id. */
function frontmatterSources(raw: unknown): CitedSource[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    const parsed = sourceSchema.safeParse(entry);
    if (parsed.success) return [{ id: parsed.data.id, item: frontmatterSourceItem(parsed.data), from: 'frontmatter' }];
    const id = (entry as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [{ id, item: { id, type: 'document', title: id }, from: 'frontmatter' }] : [];
  });
}

/** A list of paths from a frontmatter value: one path or several. */
const pathsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((path): path is string => typeof path === 'string');

/**
 * The essay's sources, every key once (a key written twice is an error at the second), its
 * style, and every problem found on the way, each at its file and line.
 */
export function essaySources({ root, file, frontmatter, source, site }: EssaySourcesInput): EssaySources {
  const problems: Problem[] = [];
  const essayDir = dirname(resolve(root, file));
  const sources = frontmatterSources(frontmatter['sources']);
  const seen = new Map(sources.map((cited) => [cited.id, cited.from]));
  const files = [
    ...pathsOf(frontmatter['bibliography']).map((path) => ({
      path: shown(root, join(essayDir, path)),
      written: path,
      key: 'bibliography',
    })),
    ...site.bibliography.map((path) => ({ path: shown(root, resolve(root, path)), written: path, key: undefined })),
  ];
  for (const { path, written, key } of files) {
    // A bibliography is the project's own file: an essay does not read the machine's others.
    if (path.startsWith('../') || path === '..') {
      const line = keyLine(source, 'bibliography');
      problems.push({
        file: key ? file : 'astro.config.mjs',
        ...(key && line ? { line } : {}),
        message: `the bibliography file ${written} is outside the project.`,
        fix: 'put the file in the project, beside the essay or in a folder the site shares.',
      });
      continue;
    }
    const read = readFile(root, path);
    if ('missing' in read) {
      const line = keyLine(source, 'bibliography');
      problems.push({
        file: key ? file : 'astro.config.mjs',
        ...(key && line ? { line } : {}),
        message: `the bibliography file ${written} (${path}) is not there.`,
        fix: key
          ? 'put the exported file beside the essay, or correct its name in `bibliography:`.'
          : "put the exported file there, or correct essayPress()'s `bibliography` option.",
      });
      continue;
    }
    problems.push(...read.problems);
    for (const item of read.items) {
      const earlier = seen.get(item.id);
      if (earlier !== undefined) {
        problems.push({
          file: path,
          message: `the key "${item.id}" is also in ${earlier === 'frontmatter' ? `the frontmatter sources of ${file}` : earlier}, so a note citing it could mean either.`,
          fix: 'give one of them another key (in your reference manager, or in the frontmatter) and cite the one you mean.',
        });
        continue;
      }
      seen.set(item.id, path);
      sources.push({ id: item.id, item, from: path });
    }
  }
  return { sources, style: essayStyle(root, file, frontmatter['csl'], site.csl, source, problems), problems };
}

/** The essay's style: its own, the site's, or the default; a problem, and the default, when it cannot be read. */
function essayStyle(
  root: string,
  file: string,
  own: unknown,
  siteCsl: string | undefined,
  source: string | undefined,
  problems: Problem[],
): CitationStyle {
  const written = typeof own === 'string' ? own : siteCsl;
  if (written === undefined) return defaultStyle();
  const builtIn = builtInStyle(written);
  if (builtIn) return builtIn;
  const fromEssay = typeof own === 'string';
  const path = fromEssay ? join(dirname(resolve(root, file)), written) : resolve(root, written);
  const line = fromEssay ? keyLine(source, 'csl') : undefined;
  const at = { file: fromEssay ? file : 'astro.config.mjs', ...(line ? { line } : {}) };
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch {
    problems.push({
      ...at,
      message: `the citation style ${written} (${shown(root, path)}) is not there.`,
      fix: 'download the .csl file (https://www.zotero.org/styles) and put it there, or name a built-in style: apa.',
    });
    return defaultStyle();
  }
  const style = styleFromFile(path, xml);
  if ('problem' in style) {
    problems.push({
      ...at,
      message: `${shown(root, path)} ${style.problem}.`,
      fix: 'name a CSL style file, as https://www.zotero.org/styles gives them.',
    });
    return defaultStyle();
  }
  // citeproc-js reads the style when it first formats with it: tried here, so a broken file is
  // reported at the essay's line instead of stopping the build with citeproc's own words.
  try {
    // It words what it cannot follow in the output ("[CSL STYLE ERROR: …]") rather than throwing.
    const [probe = ''] = formatCitations([{ id: 'probe', type: 'book', title: 'Probe' }], [{ id: 'probe' }], 'en', style).notes;
    if (!probe.includes('Probe')) throw new Error(`a citation of a book titled "Probe" comes out as "${probe}"`);
  } catch (error) {
    problems.push({
      ...at,
      message: `citeproc-js cannot read the style ${shown(root, path)}: ${String((error as Error).message).split('\n')[0]}.`,
      fix: 'download the style again from https://www.zotero.org/styles; a style edited by hand must be valid CSL 1.0.',
    });
    return defaultStyle();
  }
  return style;
}
