import yaml from 'js-yaml';
import { essaySchema } from './essay-schema.ts';
import { essaySlug } from './slug.ts';

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

const DATE_FIELDS = ['published', 'updated'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when `value` is a YYYY-MM-DD date (optionally with a time) that exists in the calendar. */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls impossible days over (Feb 30 → Mar 2); a real date survives the round trip.
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

interface Frontmatter {
  /** The YAML text between the fences. */
  text: string;
  /** 1-based line of the first YAML line (the line after the opening `---`). */
  firstLine: number;
}

function extractFrontmatter(source: string): Frontmatter | undefined {
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
  const problems: Problem[] = [];
  for (const field of DATE_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !isRealIsoDate(value)) {
      problems.push({
        file,
        ...optionalLine(lineOfKey(frontmatter, field)),
        message: `${field}: "${String(value)}" is not a real date.`,
        fix: `write ${field} as YYYY-MM-DD with a day that exists in that month, such as 2025-02-28.`,
      });
      delete record[field];
    }
  }
  const parsed = essaySchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const missing = record[field] === undefined;
      problems.push({
        file,
        ...optionalLine(lineOfKey(frontmatter, field) ?? frontmatter.firstLine - 1),
        message: missing ? `${field} is missing.` : `${issue.path.join('.')}: ${issue.message}.`,
        fix: missing ? `add a line "${field}: …" to the frontmatter.` : `correct ${field} in the frontmatter.`,
      });
    }
  }
  return problems;
}

function optionalLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** The slug an essay will get, read from its frontmatter `slug` when present. */
function slugOf(essay: EssaySource): string {
  const frontmatter = extractFrontmatter(essay.source);
  let declared: unknown;
  try {
    declared = frontmatter ? (yaml.load(frontmatter.text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null)?.['slug'] : undefined;
  } catch {
    declared = undefined; // reported by checkFrontmatter
  }
  return essaySlug(essay.relativePath, declared);
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
