import type { RootContent } from 'mdast';
import type { CitedSource } from '../../sources/csl-item.ts';
import type { CitationStyle } from '../../sources/format-citations.ts';
import type { LanguageLabels } from '../../strings/labels.ts';
import type { AnalysedNode, ComponentElement, Occurrence } from './tree.ts';

/** What every kind is told about the essay it analyses. */
export interface AnalysisContext {
  /** The file, for messages. */
  file: string;
  /** Prepended to every id: see `idPrefix`. */
  idPrefix: string;
  /** The sources the essay may cite: its frontmatter's and its bibliographies' (src/sources/). */
  sources: readonly CitedSource[];
  /** Records an author mistake at the node's line. */
  problem: (node: AnalysedNode, message: string, fix: string) => void;
}

/** What a kind needs to hand its components their props. */
export interface RenderContext {
  idPrefix: string;
  /** The essay's language: labels and dates follow it. */
  lang: string;
  /** The citation style of the notes and sources. */
  style: CitationStyle;
  /** The interface's words in the essay's language, with those it lacks (src/strings/labels.ts); the built-in ones when not given. */
  labels?: LanguageLabels;
}

/** A component element the author wrote, given its props (and, where set, new children). */
export interface Replacement {
  node: ComponentElement;
  props: Record<string, unknown>;
  children?: ReadonlyArray<Readonly<RootContent>>;
}

/** An element the plugin adds to the essay (the Notes list): a component of ours with props. */
export interface AddedElement {
  name: string;
  props: Record<string, unknown>;
  children: ReadonlyArray<AddedElement | Readonly<RootContent>>;
}

/** What the plugin does with one kind's analysis. */
export interface Rendering {
  replacements: Replacement[];
  /** Elements appended to the end of the essay, in order. */
  appended: AddedElement[];
  /** Values the page reads back (Astro's `remarkPluginFrontmatter`), such as the Notes id. */
  frontmatter: Record<string, unknown>;
}

/**
 * One kind of essay component (notes, scenarios, figures): the elements it reads, how it
 * numbers and checks them with the whole essay in view, and the props its components get.
 * Adding a kind is one module like this, its `.astro` components, and a line in the
 * registry (src/essay/structure.ts).
 */
export interface ComponentKind<Result> {
  /** The JSX element names this kind reads, such as `Figure` and `FigureRef`. */
  readonly elements: readonly string[];
  /** Other mdast node types it reads (a Markdown footnote, for notes). */
  readonly nodeTypes?: readonly string[];
  /** Numbers and checks the kind's components, given in reading order. */
  analyze: (occurrences: readonly Occurrence[], context: AnalysisContext) => Result;
  render: (result: Result, context: RenderContext) => Rendering;
}
