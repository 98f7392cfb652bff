import type { Parents, RootContent } from 'mdast';
import type { Problem } from '../authoring/problems.ts';
import type { CitedSource } from '../sources/csl-item.ts';
import { figures } from './kinds/figures.ts';
import type { AnalysisContext, ComponentKind, Rendering, RenderContext } from './kinds/kind.ts';
import { notes } from './kinds/notes.ts';
import { scenarios } from './kinds/scenarios.ts';
import type { AnalysedNode, Occurrence } from './kinds/tree.ts';

/**
 * Every kind of essay component. The analysis and the plugin read this list and
 * nothing else: a new kind is a module in essay-components/ and a line here (and its
 * `.astro` files in src/essay/components/index.ts).
 */
export const COMPONENT_KINDS = { notes, scenarios, figures } as const;

type Kinds = typeof COMPONENT_KINDS;

/** Each kind's analysis under its name (`structure.notes.notes`, `structure.figures.references`), and every problem found. */
export type EssayStructure = { [K in keyof Kinds]: Kinds[K] extends ComponentKind<infer Result> ? Result : never } & {
  problems: Problem[];
};

export interface AnalyzeOptions {
  /** The file, for messages. */
  file: string;
  /** Prepended to every id: see `idPrefix`. */
  idPrefix: string;
  /** The sources the essay may cite (src/sources/essay-sources.ts). */
  sources?: readonly CitedSource[] | undefined;
}

const kinds = Object.entries(COMPONENT_KINDS) as Array<[keyof Kinds, ComponentKind<unknown>]>;

function reads(kind: ComponentKind<unknown>, node: Readonly<Parents | RootContent> | AnalysedNode): boolean {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return kind.elements.includes(node.name ?? '');
  return kind.nodeTypes?.includes(node.type) ?? false;
}

/** The component names and node types any kind reads: asked of every node of every essay. */
const READ_ELEMENTS = new Set(kinds.flatMap(([, kind]) => kind.elements));
const READ_NODE_TYPES = new Set<string>(kinds.flatMap(([, kind]) => kind.nodeTypes ?? []));

/** Whether the analysis reads a node: a component of one of the kinds (or a Markdown footnote). */
export function isEssayComponent(node: Readonly<Parents | RootContent>): node is AnalysedNode {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return READ_ELEMENTS.has(node.name ?? '');
  return READ_NODE_TYPES.has(node.type);
}

/**
 * The essay components of a whole tree, in reading (document) order: the one collector,
 * used on `mdxToMdast` output before the build. The plugin gets the same list from
 * Sätteri's visitors, which deliver these nodes without a walk in JavaScript.
 */
export function componentsInOrder(root: Readonly<Parents>): Occurrence[] {
  const found: Occurrence[] = [];
  let sectionDepth = 1;
  const walk = (node: Readonly<Parents | RootContent>, parent: Readonly<Parents> | undefined): void => {
    if (node.type === 'heading') sectionDepth = node.depth;
    if (isEssayComponent(node)) found.push({ node, parent, sectionDepth });
    if ('children' in node) for (const child of node.children as ReadonlyArray<RootContent>) walk(child, node as Readonly<Parents>);
  };
  walk(root, undefined);
  return found;
}

/**
 * Numbers and checks every component of one essay, kind by kind, with the whole essay in
 * view, so numbering never depends on the order components happen to render in.
 * Problems are returned in the order of the file, not thrown: the caller decides how to stop.
 */
export function analyzeEssay(components: readonly Occurrence[], options: AnalyzeOptions): EssayStructure {
  const problems: Problem[] = [];
  const context: AnalysisContext = {
    file: options.file,
    idPrefix: options.idPrefix,
    sources: options.sources ?? [],
    problem: (node, message, fix) =>
      problems.push({
        file: options.file,
        ...(node.position ? { line: node.position.start.line, column: node.position.start.column } : {}),
        message,
        fix,
      }),
  };
  const structure: Record<string, unknown> = {};
  for (const [name, kind] of kinds)
    structure[name] = kind.analyze(
      components.filter((occurrence) => reads(kind, occurrence.node)),
      context,
    );
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ...(structure as Omit<EssayStructure, 'problems'>), problems };
}

/** What the plugin does with the analysis: every kind's props, appended elements and page values, together. */
export function renderEssay(structure: EssayStructure, context: RenderContext): Rendering {
  const parts = kinds.map(([name, kind]) => kind.render(structure[name], context));
  return {
    replacements: parts.flatMap((part) => part.replacements),
    appended: parts.flatMap((part) => part.appended),
    frontmatter: Object.assign({}, ...parts.map((part) => part.frontmatter)) as Record<string, unknown>,
  };
}

/** Counts for the sourcing report. */
export interface SourcingSummary {
  notes: number;
  sourced: number;
  /** Of the notes that cite a source, those citing a bibliography file's entry and those citing the frontmatter's. */
  fromBibliography: number;
  fromFrontmatter: number;
  remarks: number;
  awaiting: Array<{ number: number; line: number | undefined; column: number | undefined; needed: string | undefined }>;
}

export function summarizeSourcing({ notes: { notes: all } }: EssayStructure): SourcingSummary {
  return {
    notes: all.length,
    sourced: all.filter((note) => note.kind === 'source').length,
    fromBibliography: all.filter((note) => note.source && note.source.from !== 'frontmatter').length,
    fromFrontmatter: all.filter((note) => note.source?.from === 'frontmatter').length,
    remarks: all.filter((note) => note.kind === 'remark').length,
    awaiting: all.filter((note) => note.kind === 'needed').map(({ number, line, column, needed }) => ({ number, line, column, needed })),
  };
}
