import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { essaySchema } from './essay-schema.ts';
import { languageTagProblem } from './language-tag.ts';
import { essaySlug } from '../essay/slug.ts';
import { NOT_A_REAL_DATE } from '../strings/dates.ts';
import { fileNameProblem, firstInvalidUtf8 } from './rules/files.ts';
import { unknownKeys } from './rules/frontmatter-keys.ts';
import { hiddenCharacter, hiddenCharacterName } from './rules/hidden-characters.ts';

/** One author mistake, located as precisely as the source allows. */
export interface Problem {
  /** Path of the essay file, as the author would type it (relative to the project). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column on that line, when known. */
  column?: number;
  /** A warning is printed and counted, and fails the build only with STRICT=1; anything else is an error. */
  severity?: 'warning';
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export interface EssaySource {
  /** Path relative to the project root, used in messages. */
  file: string;
  /** Path relative to the essays folder, which gives the slug. */
  relativePath: string;
  source: string;
}

export interface Frontmatter {
  /** The YAML text between the fences. */
  text: string;
  /** 1-based line of the first YAML line (the line after the opening `---`). */
  firstLine: number;
}

function extractFrontmatter(source: string): Frontmatter | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? { text: match[1] ?? '', firstLine: 2 } : undefined;
}

/** The frontmatter parsed with positions, so any value can be traced to its line. */
interface ParsedFrontmatter {
  document: Document;
  lines: LineCounter;
}

/**
 * YAML 1.2's core schema, as the essay schema expects: dates stay the strings the author
 * wrote (YAML 1.1 would turn `2025-02-30` into March 2), and so they can be checked strictly.
 */
function parseFrontmatter(frontmatter: Frontmatter): ParsedFrontmatter {
  const lines = new LineCounter();
  const document = parseDocument(frontmatter.text, { lineCounter: lines, schema: 'core', uniqueKeys: true });
  return { document, lines };
}

/**
 * The file line of the value at `path` (`['sources', 1, 'date']`). A missing value is
 * placed at the nearest thing that is there: the key of its parent, or the item it belongs to.
 */
function lineOfPath(frontmatter: Frontmatter, { document, lines }: ParsedFrontmatter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const keys = path.slice(0, depth) as Array<string | number>;
    const node: unknown = document.getIn(keys, true);
    if (isNode(node) && node.range) return frontmatter.firstLine - 1 + lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The line of the key `key` inside the map at `parentPath` (for a value that is there but wrong, the key is where the eye goes). */
function lineOfKey(frontmatter: Frontmatter, { document, lines }: ParsedFrontmatter, path: readonly PropertyKey[]): number | undefined {
  const parent: unknown = path.length > 1 ? document.getIn(path.slice(0, -1) as Array<string | number>, true) : document.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path.at(-1));
  const key: unknown = pair?.key;
  return isScalar(key) && key.range ? frontmatter.firstLine - 1 + lines.linePos(key.range[0]).line : undefined;
}

/** Checks one essay's frontmatter: present, valid YAML, real dates, and the schema. */
export function checkFrontmatter(essay: EssaySource): Problem[] {
  const { file } = essay;
  const { frontmatter, parsed } = essayParse(essay);
  if (!frontmatter || !parsed) {
    return [
      {
        file,
        line: 1,
        message: 'the essay has no frontmatter.',
        fix: 'start the file with a block between two "---" lines that gives at least title and description.',
      },
    ];
  }
  const [error] = parsed.document.errors;
  if (error) {
    const line = error.linePos?.[0].line;
    return [
      {
        file,
        ...(line !== undefined ? { line: frontmatter.firstLine - 1 + line } : {}),
        message: `the frontmatter is not valid YAML (${error.message.split('\n')[0]}).`,
        fix: 'quote values that contain a colon, and indent list items under their key.',
      },
    ];
  }
  const data: unknown = parsed.document.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [
      {
        file,
        line: frontmatter.firstLine,
        message: 'the frontmatter is not a set of "key: value" lines.',
        fix: 'write one "key: value" per line.',
      },
    ];
  }
  const record = data as Record<string, unknown>;
  // A typo'd key is dropped by the schema without a word: say so, with the key it looks like.
  const keys = unknownKeys(parsed.document, parsed.lines);
  const unknown = keys.map(({ key, path, line, column, known, guess }): Problem & { line: number } => ({
    file,
    line: frontmatter.firstLine - 1 + line,
    column,
    message: `${path} is not a key ${path.startsWith('sources.') ? 'of a source' : 'of the frontmatter'}${guess ? `: did you mean \`${guess}\`?` : '.'}`,
    fix: guess ? `rename ${key} to ${guess}.` : `remove it, or use one of: ${known.join(', ')}.`,
  }));
  // "title is missing" says nothing more when `titel` is reported as the key it looks like.
  const guessed = new Set(keys.flatMap(({ path, guess }) => (guess ? [`${path.replace(/[^.]+$/, guess)} is missing.`] : [])));
  const result = essaySchema.safeParse(record);
  const invalid = result.success
    ? []
    : result.error.issues.map((issue): Problem & { line: number } => {
        const field = String(issue.path.at(-1) ?? '');
        const path = issue.path.join('.');
        const value = valueAt(record, issue.path);
        if (value === undefined) {
          // A missing top-level key belongs to the frontmatter as a whole (its opening line);
          // a missing key of a source, to that source's first line.
          const parentPath = issue.path.slice(0, -1);
          const line = parentPath.length > 0 ? (lineOfPath(frontmatter, parsed, parentPath) ?? 1) : 1;
          const where = parentPath.length > 0 ? `to ${parentPath.join('.')} (line ${line})` : 'to the frontmatter';
          return { file, line, message: `${path} is missing.`, fix: `add a line "${field}: …" ${where}.` };
        }
        const line = lineOfKey(frontmatter, parsed, issue.path) ?? lineOfPath(frontmatter, parsed, issue.path) ?? 1;
        if (issue.message === NOT_A_REAL_DATE) {
          return {
            file,
            line,
            message: `${path}: "${String(value)}" ${NOT_A_REAL_DATE}.`,
            fix: `write ${path} as YYYY-MM-DD with a day that exists in that month, such as 2025-02-28.`,
          };
        }
        if (issue.message.endsWith('is the id of an earlier source too')) {
          return { file, line, message: `${path}: ${issue.message}.`, fix: 'give this source an id of its own, and cite it by that id.' };
        }
        return { file, line, message: `${path}: ${issue.message}.`, fix: `correct ${path} in the frontmatter.` };
      });
  // A well-formed tag may still name no language (`zz`): the registry says.
  const lang = result.success ? result.data.lang : undefined;
  const unregistered = lang && languageTagProblem(lang);
  const language: Problem[] = unregistered
    ? [
        {
          file,
          line: lineOfKey(frontmatter, parsed, ['lang']) ?? 1,
          message: `lang: ${unregistered}.`,
          fix: 'write the tag of the language the essay is written in, such as en, de, fr-CA or zh-Hant.',
        },
      ]
    : [];
  const problems = [
    ...unknown,
    ...invalid.filter((problem) => !guessed.has(problem.message)),
    ...language,
    ...hiddenInTitle(essay, parsed, frontmatter),
  ];
  // In the order the author reads the file.
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A character in the title that reorders its letters (an error) or cannot be seen (a warning), at its line and column. */
function hiddenInTitle({ file, source }: EssaySource, parsed: ParsedFrontmatter, frontmatter: Frontmatter): Problem[] {
  const title: unknown = parsed.document.get('title');
  const found = typeof title === 'string' ? hiddenCharacter(title) : undefined;
  if (!found) return [];
  const line = lineOfKey(frontmatter, parsed, ['title']) ?? frontmatter.firstLine;
  const column = (source.split('\n')[line - 1] ?? '').indexOf(found.character) + 1;
  const what = `the title contains ${hiddenCharacterName(found.character)}`;
  return [
    found.reorders
      ? {
          file,
          line,
          ...(column > 0 ? { column } : {}),
          message: `${what}, which changes the order its letters are shown in.`,
          fix: 'retype it without that character (most editors show it with "show invisibles").',
        }
      : {
          file,
          line,
          ...(column > 0 ? { column } : {}),
          message: `${what}, which a reader cannot see.`,
          fix: 'retype it without that character, unless the language needs it (a ZWNJ in Persian, say).',
          severity: 'warning',
        },
  ];
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    record,
  );
}

/** The frontmatter as data, dates kept as written; empty when missing or broken (reported elsewhere). */
export function readFrontmatter(source: string): Record<string, unknown> {
  return frontmatterData(extractFrontmatter(source));
}

function frontmatterData(
  frontmatter: Frontmatter | undefined,
  parsed = frontmatter && parseFrontmatter(frontmatter),
): Record<string, unknown> {
  if (!parsed || parsed.document.errors.length > 0) return {};
  const data: unknown = parsed.document.toJS();
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** An essay's frontmatter, parsed once: with its positions for the checks, and as data. */
interface EssayFrontmatter {
  frontmatter: Frontmatter | undefined;
  parsed: ParsedFrontmatter | undefined;
  data: Record<string, unknown>;
}

/**
 * Each essay's frontmatter, parsed the first time a check asks for it: the checks, the slug,
 * the drafts, the bylines and the links all read it, and parsing the YAML again for each was
 * a quarter of the checks' time (500 essays: 8 parses each).
 */
const parsedEssays = new WeakMap<EssaySource, EssayFrontmatter>();

function essayParse(essay: EssaySource): EssayFrontmatter {
  let found = parsedEssays.get(essay);
  if (!found) {
    const frontmatter = extractFrontmatter(essay.source);
    const parsed = frontmatter && parseFrontmatter(frontmatter);
    found = { frontmatter, parsed, data: frontmatterData(frontmatter, parsed) };
    parsedEssays.set(essay, found);
  }
  return found;
}

/** Each essay's frontmatter as data, as the last build read it from the same text (src/authoring/checks-cache.ts). */
const rememberedData = new WeakMap<EssaySource, Readonly<Record<string, unknown>>>();

/** Gives the essay the data its frontmatter was read as from the same text before, so that it is not parsed again. */
export function rememberFrontmatter(essay: EssaySource, data: Readonly<Record<string, unknown>>): void {
  rememberedData.set(essay, data);
}

/** An essay's frontmatter as data (`readFrontmatter`), parsed once per essay: do not change it. */
export function essayFrontmatter(essay: EssaySource): Readonly<Record<string, unknown>> {
  return rememberedData.get(essay) ?? essayParse(essay).data;
}

/** The slug an essay will get, read from its frontmatter `slug` when present. */
export function slugOf(essay: EssaySource): string {
  return essaySlug(essay.relativePath, essayFrontmatter(essay)['slug']);
}

/**
 * Two essays with one slug would publish to one URL; Astro's loader keeps the last
 * and only warns, so a whole essay would silently vanish.
 */
export function checkUniqueSlugs(essays: readonly EssaySource[]): Problem[] {
  const bySlug = new Map<string, EssaySource[]>();
  for (const essay of essays) {
    const slug = slugOf(essay);
    const sharing = bySlug.get(slug);
    if (sharing) sharing.push(essay);
    else bySlug.set(slug, [essay]);
  }
  const problems: Problem[] = [];
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    // The essay that asked for the slug with `slug:` took another's; otherwise, the later file.
    const chose = sharing.filter((essay) => slugLine(essay) !== undefined);
    const kept = chose.length > 0 && chose.length < sharing.length ? sharing.find((essay) => !chose.includes(essay)) : sharing[0];
    for (const essay of sharing) {
      if (essay === kept) continue;
      const line = slugLine(essay);
      problems.push({
        file: essay.file,
        line: line ?? 1,
        ...(line ? { column: 1 } : {}),
        message: `its URL slug "${slug}" is already taken by ${kept?.file ?? ''}.`,
        fix: line
          ? 'give it a "slug:" of its own, or leave the line out for one made from the file name.'
          : 'rename one of the files, or give one a different "slug:" in its frontmatter.',
      });
    }
  }
  return problems;
}

/** The line of an essay's `slug:` in its frontmatter, when it sets one. */
function slugLine({ source }: EssaySource): number | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  const index = lines.slice(0, end).findIndex((line) => /^slug\s*:\s*\S/.test(line));
  return index > 0 ? index + 1 : undefined;
}

/**
 * Essays are MDX. A Markdown file in the essays folder would be skipped without a word,
 * so the author is told to rename it.
 */
export function checkFileTypes(files: readonly string[]): Problem[] {
  return files
    .filter((file) => /\.(md|markdown)$/i.test(file))
    .map((file) => ({
      file,
      message: 'essays are written in MDX, so this Markdown file would not be published.',
      fix: `rename it to ${file.replace(/\.(md|markdown)$/i, '.mdx')}.`,
    }));
}

/** A file name that makes no URL (`index.mdx`, `!!!.mdx`) with no `slug` to give one. */
export function checkFileNames(essays: readonly EssaySource[]): Problem[] {
  return essays.flatMap((essay) => {
    const frontmatter = essayFrontmatter(essay);
    const problem = fileNameProblem(essay.relativePath, frontmatter['slug'], frontmatter['title']);
    return problem ? [{ file: essay.file, line: 1, ...problem }] : [];
  });
}

/**
 * A file that is not UTF-8 is reported at its first bad byte, rather than read with "�" in
 * place of each letter, or failing later with a message about something else.
 */
export function checkEncoding(file: string, bytes: Uint8Array): Problem | undefined {
  const invalid = firstInvalidUtf8(bytes);
  if (!invalid) return undefined;
  const byte = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    file,
    line: invalid.line,
    column: invalid.column,
    message: `the file is not UTF-8: byte ${byte} here cannot be read as text${invalid.byte >= 0xa0 ? ` (in Latin-1 it is "${String.fromCharCode(invalid.byte)}")` : ''}.`,
    fix: 'save the file as UTF-8 (in most editors: "Save with Encoding", then UTF-8), and check the letters around this one.',
  };
}

/** Every check that needs only the essay files themselves, in file order. */
export function checkEssays(essays: readonly EssaySource[], otherFiles: readonly string[] = []): Problem[] {
  return [...checkFileTypes(otherFiles), ...checkFileNames(essays), ...essays.flatMap(checkFrontmatter), ...checkUniqueSlugs(essays)];
}

/**
 * One problem a paragraph, for the terminal and for editors that follow `file:line:column`:
 *
 *   content/essays/on-time.mdx:12:5  <script> is not allowed in an essay: …
 *     Fix: remove it; …
 *
 * A position the source does not give is the file's (or the line's) start.
 */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map(
      (problem) =>
        `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}  ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}\n  Fix: ${problem.fix}`,
    )
    .join('\n');
}
