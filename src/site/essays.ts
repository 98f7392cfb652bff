import type { MarkdownHeading } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { essays as essayModules, folder, sharedInputs } from 'virtual:essay-press/essays';
import { essaySchema, type EssayData } from '../authoring/essay-schema.ts';
import { essaySlug } from '../essay/slug.ts';
import { essayCacheKey, filesNamedBy } from './page-reuse.ts';
import { readingMinutes } from './reading-time.ts';

/** What an essay's MDX module gives the page that renders it. */
interface EssayModule {
  default: (props: Record<string, unknown>) => unknown;
  frontmatter: Record<string, unknown>;
  getHeadings: () => MarkdownHeading[];
}

/** One essay as the pages read it: its slug, its checked frontmatter, its words, and how to render it. */
export interface Essay {
  /** The URL slug (`on-time`, `notes/on-clocks`): the page is /essays/<id>/. */
  id: string;
  data: EssayData;
  /** The MDX source after its frontmatter. */
  body: string;
  /** Whole minutes to read its body: counted once, for its page and its card on the list pages. */
  minutes: number;
  /** A digest of what its page is made from: a rebuild copies the last build's page while it is unchanged; none for an essay that imports (src/site/page-reuse.ts). */
  cacheKey: string | undefined;
  /** Loads the compiled essay: its content component, its headings, and what the essay plugin added to its frontmatter. */
  render: () => Promise<{ Content: EssayModule['default']; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> }>;
}

/** Newest first by publication date; undated essays after dated ones, by title. */
function compareEssays(a: EssayData, b: EssayData): number {
  const byDate = (b.published?.getTime() ?? -Infinity) - (a.published?.getTime() ?? -Infinity);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  return a.title.localeCompare(b.title);
}

let published: Promise<Essay[]> | undefined;

/**
 * Every essay that is not a draft, in the order the home page lists them. The essays are the
 * MDX files of the essays folder (virtual:essay-press/essays); their frontmatter has been
 * checked before the build (src/authoring/), so a parse here does not fail on an author's mistake.
 */
export function getPublishedEssays(): Promise<Essay[]> {
  published ??= Promise.all(
    essayModules.map(async ({ path, load }) => {
      const module = (await load()) as EssayModule;
      const data = essaySchema.parse(module.frontmatter);
      const render = async () => ({ Content: module.default, headings: module.getHeadings(), frontmatter: module.frontmatter });
      // Read from the folder, not bundled: a module of each essay's text would be one more chunk per essay to build.
      const essayFile = join(folder, path);
      const text = await readFile(essayFile, 'utf8');
      const cacheKey = essayCacheKey({ shared: sharedInputs, path, essayFile, source: text, named: filesNamedBy(text, data) });
      const body = bodyOf(text);
      return { id: essaySlug(path, module.frontmatter['slug']), data, body, minutes: readingMinutes(body), cacheKey, render };
    }),
  ).then((essays) => essays.filter((essay) => !essay.data.draft).sort((a, b) => compareEssays(a.data, b.data)));
  return published;
}

/** The source after its YAML frontmatter. */
function bodyOf(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
}
