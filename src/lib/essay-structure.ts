import type { Problem } from './essay-checks.ts';
import { keyFromTitle, noteId, previewId, referenceId, referenceLabel, referenceLetter, scenarioId } from './ids.ts';

/**
 * The shape of the mdast nodes this module reads: plain unist trees, Sätteri's
 * read-only nodes in a plugin, and `mdxToMdast` output all fit it.
 */
export interface TreeNode {
  readonly type: string;
  readonly name?: string | null;
  readonly value?: unknown;
  readonly attributes?: readonly TreeAttribute[];
  readonly children?: readonly TreeNode[];
  readonly position?: { readonly start: { readonly line: number } } | undefined;
}

export interface TreeAttribute {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
}

/** A source an essay can cite, from its frontmatter. */
export interface Source {
  id: string;
  title: string;
  author?: string | undefined;
  publisher?: string | undefined;
  date?: string | Date | undefined;
  url?: string | undefined;
  accessed?: string | Date | undefined;
}

export type NoteKind = 'source' | 'remark' | 'needed';

/** One place in the text that calls a note. */
export interface Reference {
  node: TreeNode;
  /** `3`, or `3a`, `3b`… when the note is called from several places. */
  label: string;
  /** The letter alone (`a`, `b`…), empty for a note called once: what its back-link shows. */
  letter: string;
  id: string;
  previewId: string;
  line: number | undefined;
}

/** A numbered note, as it appears in the Notes list. */
export interface Note {
  number: number;
  id: string;
  kind: NoteKind;
  /** The footnote whose children are the note's text (the first one that calls it). */
  body: TreeNode;
  source: Source | undefined;
  /** What the author said is needed, for a note awaiting a source. */
  needed: string | undefined;
  references: Reference[];
  line: number | undefined;
}

export interface Scenario {
  node: TreeNode;
  number: number;
  title: string;
  id: string;
  /** The key `<ScenarioRef to="…">` uses: the `id` attribute, or the title as a slug. */
  key: string;
}

export interface ScenarioList {
  node: TreeNode;
  scenarios: Scenario[];
}

export interface ScenarioReference {
  node: TreeNode;
  target: Scenario;
}

export interface EssayStructure {
  notes: Note[];
  scenarioLists: ScenarioList[];
  scenarioReferences: ScenarioReference[];
  sources: Source[];
  /** Sources cited at least once, in order of first citation. */
  citedSources: Source[];
  problems: Problem[];
}

export interface AnalyzeOptions {
  /** The file, for messages. */
  file: string;
  /** Prepended to every id: see `idPrefix`. */
  idPrefix: string;
  /** The essay's source list (frontmatter `sources`). */
  sources?: readonly Source[] | undefined;
}

export const COMPONENTS = {
  footnote: 'Footnote',
  scenarios: 'Scenarios',
  scenario: 'Scenario',
  scenarioRef: 'ScenarioRef',
} as const;

/** The value of a JSX attribute: a string, `true` for a bare flag, the code of an `{expression}`. */
export function attribute(node: TreeNode, name: string): string | true | undefined {
  const found = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  if (!found) return undefined;
  if (found.value === null || found.value === undefined) return true;
  if (typeof found.value === 'string') return found.value;
  const expression = (found.value as { value?: unknown }).value;
  return typeof expression === 'string' ? expression.trim() : undefined;
}

/** The text of a node and its descendants, as a reader sees it. */
export function textOf(node: TreeNode): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function isElement(node: TreeNode, name: string): boolean {
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === name;
}

/** A component of the essay (Footnote, Scenario…) with the element that contains it. */
export interface Occurrence {
  node: TreeNode;
  parent: TreeNode | undefined;
}

/**
 * Whether a node is one the analysis reads: an essay component, or a Markdown footnote
 * (`[^1]`), which would make a second, differently numbered list of notes.
 */
export function isEssayComponent(node: TreeNode): boolean {
  return node.type === 'footnoteReference' || Object.values(COMPONENTS).some((name) => isElement(node, name));
}

/**
 * The essay components of a plain tree, in reading (depth-first, document) order. In the
 * build, Sätteri's visitors deliver the same list without walking the tree in JavaScript.
 */
export function componentsInOrder(root: TreeNode): Occurrence[] {
  const found: Occurrence[] = [];
  const walk = (node: TreeNode, parent: TreeNode | undefined): void => {
    if (isEssayComponent(node)) found.push({ node, parent });
    for (const child of node.children ?? []) walk(child, node);
  };
  walk(root, undefined);
  return found;
}

/**
 * Numbers the notes and scenarios of one essay in reading order and checks every
 * reference, so numbering never depends on the order components happen to render in.
 * Problems are returned, not thrown: the caller decides how to stop.
 */
export function analyzeEssay(components: readonly Occurrence[], options: AnalyzeOptions): EssayStructure {
  const { file, idPrefix: prefix } = options;
  const sources = [...(options.sources ?? [])];
  const problems: Problem[] = [];
  const problem = (node: TreeNode, message: string, fix: string) =>
    problems.push({ file, ...(node.position ? { line: node.position.start.line } : {}), message, fix });

  const notes: Note[] = [];
  const noteBySource = new Map<string, Note>();
  const footnoteCalls: Array<{ note: Note; node: TreeNode }> = [];
  const scenarioLists: ScenarioList[] = [];
  const refNodes: TreeNode[] = [];

  for (const { node, parent } of components) {
    if (node.type === 'footnoteReference') {
      problem(node, 'a Markdown footnote ([^…]) would start a second list of notes, numbered apart from the essay\'s.', 'write the note in place instead: <Footnote>…</Footnote> right after the claim.');
    } else if (isElement(node, COMPONENTS.footnote)) {
      const sourceId = attribute(node, 'source');
      const neededAttribute = attribute(node, 'needed');
      const text = textOf(node).trim();
      if (sourceId === true || sourceId === '') {
        problem(node, '<Footnote source> has no source id.', 'write source="id" with the id of an entry in the frontmatter sources.');
        continue;
      }
      if (sourceId !== undefined && neededAttribute !== undefined) {
        problem(node, `<Footnote source="${sourceId}" needed> both cites a source and asks for one.`, 'keep source="…" once the source is known, or needed while it is not.');
        continue;
      }
      const source = sourceId === undefined ? undefined : sources.find((candidate) => candidate.id === sourceId);
      if (sourceId !== undefined && !source) {
        const known = sources.map((candidate) => candidate.id).join(', ') || 'none';
        problem(node, `<Footnote source="${sourceId}"> cites a source that is not in this essay's sources (known: ${known}).`, `add a source with id: ${sourceId} to the frontmatter sources, or correct the id.`);
        continue;
      }
      // A bare citation of a source already cited is the same note, called again.
      const reused = source && text === '' ? noteBySource.get(source.id) : undefined;
      const note: Note = reused ?? {
        number: notes.length + 1,
        id: noteId(prefix, notes.length + 1),
        kind: source ? 'source' : neededAttribute !== undefined || text === '' ? 'needed' : 'remark',
        body: node,
        source,
        needed: typeof neededAttribute === 'string' ? neededAttribute : neededAttribute === true || text === '' ? (text || undefined) : undefined,
        references: [],
        line: node.position?.start.line,
      };
      if (!reused) {
        notes.push(note);
        if (source && text === '') noteBySource.set(source.id, note);
      }
      footnoteCalls.push({ note, node });
    } else if (isElement(node, COMPONENTS.scenarios)) {
      scenarioLists.push({ node, scenarios: [] });
    } else if (isElement(node, COMPONENTS.scenario)) {
      // In document order, a Scenario directly inside a Scenarios belongs to the last list opened.
      const list = parent && isElement(parent, COMPONENTS.scenarios) ? scenarioLists.at(-1) : undefined;
      if (!list) {
        problem(node, '<Scenario> is not directly inside <Scenarios>.', 'put every <Scenario> inside a <Scenarios> list, which numbers them.');
        continue;
      }
      const title = attribute(node, 'title');
      if (typeof title !== 'string' || title.trim() === '') {
        problem(node, '<Scenario> has no title.', 'give it a title: <Scenario title="Status Quo">…</Scenario>.');
        continue;
      }
      const number = list.scenarios.length + 1;
      const explicitKey = attribute(node, 'id');
      const key = typeof explicitKey === 'string' && explicitKey !== '' ? explicitKey : keyFromTitle(title, `${scenarioLists.length}-${number}`);
      list.scenarios.push({ node, number, title: title.trim(), key, id: scenarioId(prefix, key) });
    } else if (isElement(node, COMPONENTS.scenarioRef)) {
      refNodes.push(node);
    }
  }

  // References are resolved after the walk, so they may come before their scenarios.
  const allScenarios = scenarioLists.flatMap((list) => list.scenarios);
  const seenKeys = new Set<string>();
  for (const scenario of allScenarios) {
    if (seenKeys.has(scenario.key)) problem(scenario.node, `two scenarios share the id "${scenario.key}".`, 'give one of them a different title, or an id="…" of its own.');
    seenKeys.add(scenario.key);
  }
  const scenarioReferences: ScenarioReference[] = [];
  for (const node of refNodes) {
    const target = resolveScenarioReference(node, scenarioLists, allScenarios);
    if (typeof target === 'string') problem(node, target, 'point it at a scenario that exists: <ScenarioRef to="status-quo" /> or, with one list, <ScenarioRef n={1} />.');
    else scenarioReferences.push({ node, target });
  }

  // Labels need the number of calls of each note: 3 when called once, 3a/3b when more.
  const callCount = new Map<Note, number>();
  for (const { note } of footnoteCalls) callCount.set(note, (callCount.get(note) ?? 0) + 1);
  for (const { note, node } of footnoteCalls) {
    const index = note.references.length;
    const count = callCount.get(note) ?? 1;
    const label = referenceLabel(note.number, index, count);
    note.references.push({ node, label, letter: referenceLetter(index, count), id: referenceId(prefix, label), previewId: previewId(prefix, label), line: node.position?.start.line });
  }

  const citedSources = notes.flatMap((note) => (note.source ? [note.source] : [])).filter((source, index, all) => all.indexOf(source) === index);
  return { notes, scenarioLists, scenarioReferences, sources, citedSources, problems };
}

/** The scenario a `<ScenarioRef>` points at, or a message saying why there is none. */
function resolveScenarioReference(node: TreeNode, lists: readonly ScenarioList[], all: readonly Scenario[]): Scenario | string {
  const to = attribute(node, 'to');
  const n = attribute(node, 'n');
  if (typeof to === 'string' && to !== '') {
    return all.find((scenario) => scenario.key === to) ?? `<ScenarioRef to="${to}"> points at a scenario that does not exist (there are: ${all.map((s) => s.key).join(', ') || 'none'}).`;
  }
  if (typeof n === 'string' && n !== '') {
    if (lists.length > 1) return `<ScenarioRef n={${n}}> is ambiguous: this essay has ${lists.length} scenario lists.`;
    return lists[0]?.scenarios.find((scenario) => String(scenario.number) === n) ?? `<ScenarioRef n={${n}}> points at scenario ${n}, which does not exist (there are ${all.length}).`;
  }
  return '<ScenarioRef> says neither which scenario (to="…") nor which number (n={…}).';
}

/** Counts for the sourcing report. */
export interface SourcingSummary {
  notes: number;
  sourced: number;
  remarks: number;
  awaiting: Array<{ number: number; line: number | undefined; needed: string | undefined }>;
}

export function summarizeSourcing(structure: EssayStructure): SourcingSummary {
  return {
    notes: structure.notes.length,
    sourced: structure.notes.filter((note) => note.kind === 'source').length,
    remarks: structure.notes.filter((note) => note.kind === 'remark').length,
    awaiting: structure.notes.filter((note) => note.kind === 'needed').map((note) => ({ number: note.number, line: note.line, needed: note.needed })),
  };
}
