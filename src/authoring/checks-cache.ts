import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Problem, EssaySource } from './problems.ts';
import type { EssaySourcing } from './check-essay.ts';
import { bibliographyOf, essayInputsDigest, filesNamedBy } from '../site/page-reuse.ts';
import { writeCacheFile } from '../publishing/cache-file.ts';

/*
 * The essay checks of the last build, kept in the cache folder. Checking 500 essays (parsing
 * each one's YAML and MDX, every rule, every note) took 0.6 s of every build, a rebuild after one
 * edit included. An essay whose inputs are those the last build checked is given the findings of
 * then: its frontmatter as data when its text is the same, and its problems and notes when its
 * text, the files it names, what every essay shares (Essay Press's code, the site's
 * bibliography, style and labels, the other files of the essays folder: src/site/page-reuse.ts),
 * the options and the site's addresses (which its links are checked against) are all the same.
 * The files its checks looked for (images) are looked for again: one that came or went since
 * makes it checked again.
 */

/** What the checks found in one essay's text, as the build reports them. */
export interface EssayFindings {
  /** The frontmatter's problems. */
  frontmatter: Problem[];
  /** Its MDX's syntax error, when it does not parse (and then nothing else is analysed). */
  syntax: Problem | undefined;
  /** Its notes and the problems of its text, when it parses. */
  sourcing: EssaySourcing | undefined;
}

/** One essay as the last build checked it. */
interface CheckedEssay {
  /** A digest of its text (and the code that reads it), for its frontmatter as data. */
  text: string;
  data: Record<string, unknown>;
  /** A digest of everything its findings depend on (`EssayChecksCache.findingsKey`). */
  key: string;
  findings: { frontmatter: Problem[]; syntax: Problem | null; sourcing: EssaySourcing | null };
  /** Each file its checks looked for, from the project root, and whether it was there. */
  looked: Array<[string, boolean]>;
}

interface CacheFile {
  version: 1;
  essays: Record<string, CheckedEssay>;
}

/** How many essays' findings a build made, and how many it took from the last build's. */
export interface CheckCounts {
  checked: number;
  reused: number;
}

/** Where the findings are kept, and what every essay's depend on. */
export interface ChecksCacheOptions {
  file: string;
  /** The digest of what every essay shares (`sharedInputsDigest`). */
  shared: string;
  /** A digest of the options and the lockfile. */
  settings: string;
  /** False (`astro build --force`) to check every essay again. */
  reuse: boolean;
}

export class EssayChecksCache {
  readonly #file: string;
  readonly #root: string;
  readonly #shared: string;
  readonly #last: Record<string, CheckedEssay>;
  readonly #next: Record<string, CheckedEssay> = {};
  #site = '';
  readonly counts: CheckCounts = { checked: 0, reused: 0 };

  /** A change to `shared` or `settings` makes every finding stale. */
  constructor({ file, root, shared, settings, reuse }: ChecksCacheOptions & { root: string }) {
    this.#file = file;
    this.#root = root;
    this.#shared = createHash('sha256').update(shared).update('\0').update(settings).digest('hex');
    this.#last = reuse ? readCache(file) : {};
  }

  /** The essay's frontmatter as data, when the last build read the same text. */
  frontmatter(essay: EssaySource): Record<string, unknown> | undefined {
    const last = this.#last[essay.file];
    return last?.text === this.#textDigest(essay) ? last.data : undefined;
  }

  /** Every essay's findings depend on the site's addresses (its links are checked against them): set once all are known. */
  setSite(pages: ReadonlySet<string>): void {
    this.#site = createHash('sha256')
      .update(this.#shared)
      .update('\0')
      .update([...pages].sort().join('\n'))
      .digest('hex');
  }

  /**
   * The essay's findings, from the last build when its inputs are the same, otherwise from
   * `check`, which is given an `exists` to look for files with so that they can be looked
   * for again in the next build.
   */
  findings(
    essay: EssaySource,
    data: Readonly<Record<string, unknown>>,
    check: (exists: (path: string) => boolean) => EssayFindings,
  ): EssayFindings {
    const key = this.#findingsKey(essay, data);
    const last = this.#last[essay.file];
    if (last?.key === key && last.looked.every(([path, was]) => existsSync(resolve(this.#root, path)) === was)) {
      this.#next[essay.file] = last;
      this.counts.reused += 1;
      const { frontmatter, syntax, sourcing } = last.findings;
      return { frontmatter, syntax: syntax ?? undefined, sourcing: sourcing ?? undefined };
    }
    const looked = new Map<string, boolean>();
    const findings = check((path) => {
      const there = existsSync(path);
      looked.set(relative(this.#root, path), there);
      return there;
    });
    // Data that JSON would change (a YAML `.inf`) is parsed again next time rather than kept.
    const keepable = isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data);
    this.#next[essay.file] = {
      text: keepable ? this.#textDigest(essay) : '',
      data: keepable ? { ...data } : {},
      key,
      findings: { frontmatter: findings.frontmatter, syntax: findings.syntax ?? null, sourcing: findings.sourcing ?? null },
      looked: [...looked],
    };
    this.counts.checked += 1;
    return findings;
  }

  /** Keeps this build's findings for the next (the essays of this build only), written whole or not at all. */
  save(): void {
    if (this.counts.checked === 0 && Object.keys(this.#next).length === Object.keys(this.#last).length) return;
    writeCacheFile(this.#file, JSON.stringify({ version: 1, essays: this.#next } satisfies CacheFile));
  }

  #textDigest(essay: EssaySource): string {
    return createHash('sha256').update(this.#shared).update('\0').update(essay.source).digest('hex');
  }

  #findingsKey(essay: EssaySource, data: Readonly<Record<string, unknown>>): string {
    const essayFile = resolve(this.#root, essay.file);
    const named = filesNamedBy(essay.source, bibliographyOf(data));
    const inputs = essayInputsDigest({ shared: this.#site, path: essay.relativePath, essayFile, source: essay.source, named });
    return createHash('sha256').update(essay.file).update('\0').update(inputs).digest('hex');
  }
}

/** The last build's essays, or none when the file is missing, unreadable or of another version. */
function readCache(file: string): Record<string, CheckedEssay> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return parsed.version === 1 && parsed.essays ? parsed.essays : {};
  } catch {
    return {};
  }
}

/** Where the essay checks are kept, in the build's cache folder. */
export function checksCacheFile(cacheDir: string): string {
  return join(cacheDir, 'essay-checks.json');
}
