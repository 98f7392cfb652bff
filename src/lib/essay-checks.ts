import yaml from 'js-yaml';
import { essaySchema } from './essay-schema.ts';
import { essaySlug } from './slug.ts';
import { NOT_A_REAL_DATE } from './dates.ts';

/** One author mistake, located as precisely as the source allows. */
export interface Problem {
  /** Path of the essay file, as the author would type it (relative to the project). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
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

export function extractFrontmatter(source: string): Frontmatter | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? { text: match[1] ?? '', firstLine: 2 } : undefined;
}

/** 1-based file line where a top-level frontmatter key is written, if it is. */
function lineOfKey(frontmatter: Frontmatter, key: string): number | undefined {
  const index = frontmatter.text.split(/\r?\n/).findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index === -1 ? undefined : frontmatter.firstLine + index;
}

/** Checks one essay's frontmatter: present, valid YAML, real dates, and the schema. */
export function checkFrontmatter(essay: EssaySource): Problem[] {
  const { file } = essay;
  const frontmatter = extractFrontmatter(essay.source);
  if (!frontmatter) {
    return [
      {
        file,
        line: 1,
        message: 'the essay has no frontmatter.',
        fix: 'start the file with a block between two "---" lines that gives at least title and description.',
      },
    ];
  }
  let data: unknown;
  try {
    // CORE_SCHEMA keeps dates as the strings the author wrote, so they can be checked strictly.
    data = yaml.load(frontmatter.text, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    return [
      {
        file,
        ...(mark?.line !== undefined ? { line: frontmatter.firstLine + mark.line } : {}),
        message: `the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}).`,
        fix: 'quote values that contain a colon, and indent list items under their key.',
      },
    ];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ file, line: frontmatter.firstLine, message: 'the frontmatter is not a set of "key: value" lines.', fix: 'write one "key: value" per line.' }];
  }
  const record = data as Record<string, unknown>;
  const parsed = essaySchema.safeParse(record);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const path = issue.path.join('.');
    const value = valueAt(record, issue.path);
    const line = lineOfValue(frontmatter, issue.path, value) ?? lineOfKey(frontmatter, field) ?? frontmatter.firstLine - 1;
    if (value === undefined) {
      return { file, line, message: `${path} is missing.`, fix: `add a line "${field}: …" to the frontmatter.` };
    }
    if (issue.message === NOT_A_REAL_DATE) {
      return {
        file,
        line,
        message: `${path}: "${String(value)}" ${NOT_A_REAL_DATE}.`,
        fix: `write ${path} as YYYY-MM-DD with a day that exists in that month, such as 2025-02-28.`,
      };
    }
    return { file, line, message: `${path}: ${issue.message}.`, fix: `correct ${path} in the frontmatter.` };
  });
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), record);
}

/** The line of a nested value (`sources.1.date`): the first line after its parent key that sets it. */
function lineOfValue(frontmatter: Frontmatter, path: readonly PropertyKey[], value: unknown): number | undefined {
  const key = path.at(-1);
  if (path.length < 2 || typeof key !== 'string' || value === undefined) return undefined;
  const lines = frontmatter.text.split(/\r?\n/);
  const index = lines.findIndex((line) => new RegExp(`^\\s*(- )?${key}\\s*:\\s*["']?${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(line));
  return index === -1 ? undefined : frontmatter.firstLine + index;
}

/** The frontmatter as data, dates kept as written; empty when missing or broken (reported elsewhere). */
export function readFrontmatter(source: string): Record<string, unknown> {
  const frontmatter = extractFrontmatter(source);
  try {
    const data: unknown = frontmatter ? yaml.load(frontmatter.text, { schema: yaml.CORE_SCHEMA }) : undefined;
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The slug an essay will get, read from its frontmatter `slug` when present. */
export function slugOf(essay: EssaySource): string {
  return essaySlug(essay.relativePath, readFrontmatter(essay.source)['slug']);
}

/**
 * Two essays with one slug would publish to one URL; Astro's loader keeps the last
 * and only warns, so a whole essay would silently vanish.
 */
export function checkUniqueSlugs(essays: readonly EssaySource[]): Problem[] {
  const firstBySlug = new Map<string, EssaySource>();
  const problems: Problem[] = [];
  for (const essay of essays) {
    const slug = slugOf(essay);
    const first = firstBySlug.get(slug);
    if (first) {
      problems.push({
        file: essay.file,
        line: 1,
        message: `its URL slug "${slug}" is already taken by ${first.file}.`,
        fix: 'rename one of the files, or give one a different "slug:" in its frontmatter.',
      });
    } else {
      firstBySlug.set(slug, essay);
    }
  }
  return problems;
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

/** Every check that needs only the essay files themselves, in file order. */
export function checkEssays(essays: readonly EssaySource[], otherFiles: readonly string[] = []): Problem[] {
  return [...checkFileTypes(otherFiles), ...essays.flatMap(checkFrontmatter), ...checkUniqueSlugs(essays)];
}

/** `file:line: message Fix: …`, one problem a paragraph, for the terminal. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n  Fix: ${problem.fix}`)
    .join('\n');
}
