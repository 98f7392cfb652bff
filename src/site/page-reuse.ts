import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { SiteConfig } from '../config/options.ts';
import { codeFingerprint } from '../publishing/code-fingerprint.ts';

/*
 * A rebuild renders again only the essay pages whose inputs changed (Astro's
 * `experimental.incrementalBuild`): the others are copied from the last build. Astro tells a
 * page's code apart by hashing the modules the page imports; an essay's compiled MDX is left out
 * of that hash (src/config/virtual-modules.ts), or editing one essay would change every essay
 * page's hash. So each page's cache key names, in one digest, what its compiled essay is made
 * from: the essay's own text, the files it names, and what every essay shares.
 */

/**
 * The files whose bytes every essay page depends on besides its own text: Essay Press's code
 * (the essay plugin and components), the site's bibliography, citation style and label
 * modules, and every file in the essays folder that is not an essay (images, an essay's own
 * bibliography or style beside it). Read once per build, when the options are known.
 */
export function sharedInputsDigest(root: string, config: Pick<SiteConfig, 'essaysDir' | 'bibliography' | 'csl' | 'strings'>): string {
  const hash = createHash('sha256').update(codeFingerprint());
  const essaysDir = resolve(root, config.essaysDir);
  const siteFiles = [
    ...(config.bibliography ?? []),
    ...(config.csl && extname(config.csl).toLowerCase() === '.csl' ? [config.csl] : []),
    ...Object.values(config.strings ?? {}).filter((value): value is string => typeof value === 'string'),
  ].map((path) => resolve(root, path));
  const essayFolderFiles = listFiles(essaysDir).filter((file) => extname(file).toLowerCase() !== '.mdx');
  for (const file of [...siteFiles, ...essayFolderFiles]) hash.update(relative(root, file).split(sep).join('/')).update(readOrEmpty(file));
  return hash.digest('hex');
}

/**
 * Relative paths an essay names outside its components' props: its own bibliography files and
 * `.csl` style in the frontmatter, and the images and links it writes as `](./x)`, `](../x)` or
 * `src="./x"`. Pure: the paths as written, relative to the essay.
 */
export function filesNamedBy(source: string, data: { bibliography?: readonly string[]; csl?: string | undefined }): string[] {
  const named = [...(data.bibliography ?? []), ...(data.csl && extname(data.csl).toLowerCase() === '.csl' ? [data.csl] : [])];
  for (const match of source.matchAll(/(?:\]\(\s*<?|\bsrc\s*=\s*["'])(\.{1,2}\/[^)>"'\s]+)/g)) named.push(match[1] as string);
  return [...new Set(named)];
}

/** The frontmatter's own bibliography and style, as the essay checks read them (unchecked here: a mistake only makes a key stricter). */
export function bibliographyOf(frontmatter: Readonly<Record<string, unknown>>): { bibliography: string[]; csl?: string } {
  const { bibliography, csl } = frontmatter;
  const files = (Array.isArray(bibliography) ? bibliography : [bibliography]).filter((file): file is string => typeof file === 'string');
  return { bibliography: files, ...(typeof csl === 'string' ? { csl } : {}) };
}

/**
 * An `import` line: a component of the site's own, say. What it imports, and what that imports
 * in turn, is code the key cannot follow, so the page of an essay with one is rendered on every
 * build. A line in a code block that looks like one only costs that essay its reuse.
 */
const IMPORT_LINE = /^import\s/m;

/** What an essay is read from, in the terms of `essayInputsDigest`. */
export interface EssayInputs {
  shared: string;
  /** The essay's path in the essays folder, which gives the page its address. */
  path: string;
  /** The essay's file, absolute, which the named files are relative to. */
  essayFile: string;
  source: string;
  /** What `filesNamedBy` found, relative to the essay. */
  named: readonly string[];
}

/** A digest of the shared inputs, the essay's path and text, and the bytes of the files it names. */
export function essayInputsDigest({ shared, path, essayFile, source, named }: EssayInputs): string {
  const hash = createHash('sha256').update(shared).update('\0').update(path).update('\0').update(source);
  for (const file of named)
    hash
      .update('\0')
      .update(file)
      .update('\0')
      .update(readOrEmpty(resolve(dirname(essayFile), file)));
  return hash.digest('hex');
}

/**
 * The cache key of an essay's page: the digest of its inputs, or none (render it every time)
 * for an essay that imports anything.
 */
export function essayCacheKey(inputs: EssayInputs): string | undefined {
  return IMPORT_LINE.test(inputs.source) ? undefined : essayInputsDigest(inputs);
}

/**
 * Puts the pages of the essays whose inputs are unchanged (`pages`, paths in the site) into the
 * staging folder before Astro renders, each a hard link to the copy Astro kept of it last build
 * (`<cacheDir>/dist/`, where `experimental.incrementalBuild` keeps them). Astro then finds the
 * page already written and leaves it (its "(cached)"), where it would copy it from its cache into
 * a new file: 500 such copies took about 1.5 s of a rebuild's rendering here, each a file created
 * after the last build deleted as many. A page Astro renders after all is written through the
 * link, and Astro writes the same bytes to its copy just after; the build steps never write
 * through a link (`rewritePage`). A page Astro kept no copy of is left to Astro. Returns how many
 * were linked.
 */
export function linkUnchangedPages(siteDir: string, astroCacheDir: string, pages: readonly string[]): number {
  let linked = 0;
  for (const page of pages) {
    const copy = join(astroCacheDir, 'dist', page);
    if (!existsSync(copy)) continue;
    const target = join(siteDir, page);
    try {
      mkdirSync(dirname(target), { recursive: true });
      linkSync(copy, target);
      linked += 1;
    } catch {
      // A cache on another disk: Astro copies the page, as without this.
    }
  }
  return linked;
}

/** A file's bytes, or none: a file that is missing is reported by the checks, and its absence is part of the key. */
function readOrEmpty(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    return new Uint8Array();
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
