/**
 * Generated sites for the build benchmark: copies of one essay, each with its own title and a
 * few words of its own, so that a site of 1,000 essays is 1,000 different pages to render,
 * index and search, written in the essay's own MDX (its notes, scenarios and figures).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;

/** A word that no essay has, made of letters only, so any search finds it: 1 → `essaya`, 27 → `essayaa`. */
export function copyWord(copy: number): string {
  let letters = '';
  for (let rest = copy; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return `essay${letters}`;
}

/** How many words of each copy are changed (one per paragraph, in the first paragraphs). */
const CHANGED_WORDS = 3;

/**
 * Copy number `copy` of an essay's MDX: its title ends in "(copy N)", it loses any `slug:`
 * (the file name gives each copy its address) and `draft:`, and the first plain word of five
 * letters or more in each of its first three paragraphs of prose becomes `copyWord(copy)`.
 * Only words between spaces and outside markup (`<…>`, `{…}`, `[…]`, `(…)`, `` `…` ``) are
 * changed, so the copy is as valid as the essay.
 */
export function essayCopy(source: string, copy: number): string {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error('The essay has no frontmatter (--- … ---) to copy.');
  const frontmatter = parseDocument(match[1] ?? '');
  const title = frontmatter.get('title');
  if (typeof title !== 'string' || title.trim() === '') throw new Error('The essay has no title to copy.');
  frontmatter.set('title', `${title} (copy ${copy})`);
  frontmatter.delete('slug');
  frontmatter.delete('draft');
  const body = source.slice(match[0].length);
  const word = copyWord(copy);
  let changed = 0;
  let inFence = false;
  const lines = body.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || changed >= CHANGED_WORDS || !isProse(line)) return line;
    const next = replaceFirstPlainWord(line, word);
    if (next !== line) changed += 1;
    return next;
  });
  return `---\n${frontmatter.toString({ lineWidth: 0 }).trimEnd()}\n---\n${lines.join('\n')}`;
}

/** A paragraph of prose: it starts with a letter or an opening quote, not with markup, a list, a table or a heading. */
function isProse(line: string): boolean {
  return /^[\p{L}“‘"']/u.test(line) && !/^(import|export)\s/.test(line);
}

const OPENERS: Record<string, string> = { '<': '>', '{': '}', '[': ']', '(': ')' };

/** `line` with its first plain word (five letters or more, between spaces, outside any markup) replaced by `word`. */
function replaceFirstPlainWord(line: string, word: string): string {
  const closers: string[] = [];
  let inCode = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] as string;
    if (char === '`') inCode = !inCode;
    else if (!inCode && char in OPENERS) closers.push(OPENERS[char] as string);
    else if (!inCode && char === closers.at(-1)) closers.pop();
    else if (!inCode && closers.length === 0 && char === ' ') {
      const candidate = /^ ([A-Za-z]{5,}) /.exec(line.slice(index));
      if (candidate?.[1]) return `${line.slice(0, index + 1)}${word}${line.slice(index + 1 + candidate[1].length)}`;
    }
  }
  return line;
}

/** The first essay of an essays folder, in file order, that is not a draft (its MDX file's path). */
export function firstEssayFile(essaysDir: string): string {
  const files = readdirSync(essaysDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const first = files.find((file) => {
    const frontmatter = FRONTMATTER.exec(readFileSync(file, 'utf8'))?.[1];
    return frontmatter === undefined || parseDocument(frontmatter).get('draft') !== true;
  });
  if (!first) throw new Error(`${essaysDir} has no essay to copy.`);
  return first;
}

/**
 * Writes `count` copies of the essay `from` into the folder `to` (`<name>-0001.mdx`…), with
 * the files beside the essay (its images) copied once next to them; returns their paths.
 */
export function writeEssayCopies(from: string, to: string, count: number): string[] {
  mkdirSync(to, { recursive: true });
  // The essay's images and other files, but no other essay, and no .md file (the checks refuse those).
  cpSync(dirname(from), to, { recursive: true, filter: (path) => !/\.mdx?$/.test(path) });
  const source = readFileSync(from, 'utf8');
  const name = basename(from, '.mdx');
  const digits = String(count).length;
  return Array.from({ length: count }, (_, index) => {
    const path = join(to, `${name}-${String(index + 1).padStart(digits, '0')}.mdx`);
    writeFileSync(path, essayCopy(source, index + 1));
    return path;
  });
}
