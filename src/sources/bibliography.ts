/**
 * Bibliography files, as reference managers export them, read into CSL-JSON by Citation.js:
 * BibTeX and BibLaTeX (`.bib`), CSL-JSON (`.json`, Zotero's and Better BibTeX's exports) and
 * RIS (`.ris`). The keys are the ones Pandoc and Quarto use, so an author's files move over
 * unchanged. What is wrong in a file is reported at its line, with what to do.
 */
import { extname } from 'node:path';
import type { Problem } from '../authoring/problems.ts';
import type { CslItem } from './csl-item.ts';
import { citationJs } from './load-citation-js.ts';

/** The extensions read, and the Citation.js input type each is read as. */
const BIBLIOGRAPHY_FORMATS: Readonly<Record<string, string>> = {
  '.bib': '@biblatex/text',
  '.json': '@csl/list+object',
  '.ris': '@ris/file',
};

export interface BibliographyFile {
  /** Relative to the project, as messages name it. */
  file: string;
  items: CslItem[];
  problems: Problem[];
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

/** Where an entry's key is written in its file, to point a message at it. */
function keyLine(text: string, extension: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = {
    '.bib': new RegExp(`@\\w+\\s*\\{\\s*${escaped}\\s*,`),
    '.json': new RegExp(`"id"\\s*:\\s*"${escaped}"`),
    '.ris': new RegExp(`^ID  - ${escaped}\\s*$`, 'm'),
  }[extension];
  const match = pattern?.exec(text);
  return match ? lineAt(text, match.index) : undefined;
}

/** The CSL-JSON of a parsed file's text, or the problem that stopped it, at its line where known. */
function parse(file: string, text: string, extension: string): { items: CslItem[] } | { problem: Problem } {
  const type = BIBLIOGRAPHY_FORMATS[extension];
  if (!type) {
    return {
      problem: {
        file,
        message: `a bibliography must be a .bib, .json (CSL-JSON) or .ris file, not ${extension || 'a file without an extension'}.`,
        fix: 'export the library from your reference manager as BibTeX, CSL-JSON or RIS, and name that file.',
      },
    };
  }
  let data: unknown = text;
  if (extension === '.json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      return {
        problem: {
          file,
          ...(position ? { line: lineAt(text, Number(position)) } : {}),
          message: `the file is not JSON: ${String((error as Error).message)}.`,
          fix: 'export it again as CSL JSON from your reference manager (Zotero: File → Export Library → CSL JSON).',
        },
      };
    }
    if (!Array.isArray(data)) {
      return { problem: { file, message: 'a CSL-JSON bibliography is a list of entries ([ … ]).', fix: 'export it as CSL JSON, a list.' } };
    }
  }
  try {
    const items = new (citationJs().Cite)(data, { forceType: type }).data.map(({ _graph, ...item }) => item as CslItem);
    return { items };
  } catch (error) {
    const message = String((error as Error).message);
    // The BibTeX parser says "… at line 19 col 1:" and shows the lines around it.
    const at = /at line (\d+) col (\d+)/.exec(message);
    return {
      problem: {
        file,
        ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
        message: `the ${extension.slice(1).toUpperCase()} does not parse: ${message
          .split('\n')[0]
          ?.replace(/ at line \d+ col \d+/, '')
          .replace(/:$/, '')}.`,
        fix:
          extension === '.bib'
            ? 'close every { with a } and end each field with a comma; your reference manager writes valid files if you export again.'
            : 'export the file again from your reference manager.',
      },
    };
  }
}

/**
 * Reads one bibliography file's text. Entries without a title, or with neither an author, an
 * editor nor a publisher, are warnings: a note citing one would not say what the source is.
 * An entry's URL or DOI link is dropped, with an error, unless it is a web address.
 */
export function readBibliography(file: string, text: string): BibliographyFile {
  const extension = extname(file).toLowerCase();
  const parsed = parse(file, text, extension);
  if ('problem' in parsed) return { file, items: [], problems: [parsed.problem] };
  const problems: Problem[] = [];
  const at = (item: CslItem) => {
    const line = keyLine(text, extension, item.id);
    return { file, ...(line ? { line } : {}) };
  };
  for (const item of parsed.items) {
    if (!item.title?.trim()) {
      problems.push({
        ...at(item),
        severity: 'warning',
        message: `the entry "${item.id}" has no title.`,
        fix: 'give it a title in your reference manager and export again.',
      });
    }
    if (!item.author?.length && !item.editor?.length && !item.publisher) {
      problems.push({
        ...at(item),
        severity: 'warning',
        message: `the entry "${item.id}" names no author, editor or publisher.`,
        fix: 'add who wrote or published it (an organisation can be the author).',
      });
    }
    if (typeof item.URL === 'string' && !/^https?:\/\//i.test(item.URL)) {
      problems.push({
        ...at(item),
        message: `the entry "${item.id}" has the URL "${item.URL}", which is not a web address.`,
        fix: 'give a URL starting with https:// or http://, or none.',
      });
      delete item.URL;
    }
  }
  return { file, items: parsed.items, problems };
}
