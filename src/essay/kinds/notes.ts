import type { RootContent } from 'mdast';
import { formatCitation, type FormattedCitation } from '../citation.ts';
import type { Source } from '../../authoring/essay-schema.ts';
import { noteId, previewId, referenceId, referenceLabel, referenceLetter } from '../ids.ts';
import type { ComponentKind, Replacement } from './kind.ts';
import { attribute, columnOf, isElement, lineOf, textOf, type ComponentElement } from './tree.ts';

export type NoteKind = 'source' | 'remark' | 'needed';

/** One place in the text that calls a note. */
export interface Reference {
  node: ComponentElement;
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
  body: ComponentElement;
  source: Source | undefined;
  /** What the author said is needed, for a note awaiting a source. */
  needed: string | undefined;
  references: Reference[];
  line: number | undefined;
  column: number | undefined;
}

export interface Notes {
  notes: Note[];
  /** Sources cited at least once, in order of first citation. */
  citedSources: Source[];
}

const FOOTNOTE = 'Footnote';

/**
 * `<Footnote>`: notes numbered in reading order, a source cited bare several times being
 * one note with a reference per citation (3a, 3b…). A Markdown footnote (`[^1]`) is an
 * error: it would start a second list of notes, numbered apart from these.
 */
export const notes: ComponentKind<Notes> = {
  elements: [FOOTNOTE],
  nodeTypes: ['footnoteReference'],

  analyze(occurrences, { idPrefix: prefix, sources, problem }) {
    const found: Note[] = [];
    const noteBySource = new Map<string, Note>();
    const calls: Array<{ note: Note; node: ComponentElement }> = [];
    for (const { node } of occurrences) {
      if (!isElement(node, FOOTNOTE)) {
        problem(
          node,
          "a Markdown footnote ([^…]) would start a second list of notes, numbered apart from the essay's.",
          'write the note in place instead: <Footnote>…</Footnote> right after the claim.',
        );
        continue;
      }
      const sourceId = attribute(node, 'source');
      const neededAttribute = attribute(node, 'needed');
      const text = textOf(node).trim();
      if (sourceId === true || sourceId === '') {
        problem(node, '<Footnote source> has no source id.', 'write source="id" with the id of an entry in the frontmatter sources.');
        continue;
      }
      if (sourceId !== undefined && neededAttribute !== undefined) {
        problem(
          node,
          `<Footnote source="${sourceId}" needed> both cites a source and asks for one.`,
          'keep source="…" once the source is known, or needed while it is not.',
        );
        continue;
      }
      const source = sourceId === undefined ? undefined : sources.find((candidate) => candidate.id === sourceId);
      if (sourceId !== undefined && !source) {
        const known = sources.map((candidate) => candidate.id).join(', ') || 'none';
        problem(
          node,
          `<Footnote source="${sourceId}"> cites a source that is not in this essay's sources (known: ${known}).`,
          `add a source with id: ${sourceId} to the frontmatter sources, or correct the id.`,
        );
        continue;
      }
      // A bare citation of a source already cited is the same note, called again.
      const reused = source && text === '' ? noteBySource.get(source.id) : undefined;
      const note: Note = reused ?? {
        number: found.length + 1,
        id: noteId(prefix, found.length + 1),
        kind: source ? 'source' : neededAttribute !== undefined || text === '' ? 'needed' : 'remark',
        body: node,
        source,
        needed:
          typeof neededAttribute === 'string' ? neededAttribute : neededAttribute === true || text === '' ? text || undefined : undefined,
        references: [],
        line: lineOf(node),
        column: columnOf(node),
      };
      if (!reused) {
        found.push(note);
        if (source && text === '') noteBySource.set(source.id, note);
      }
      calls.push({ note, node });
    }

    // Labels need the number of calls of each note: 3 when called once, 3a/3b when more.
    const callCount = new Map<Note, number>();
    for (const { note } of calls) callCount.set(note, (callCount.get(note) ?? 0) + 1);
    for (const { note, node } of calls) {
      const index = note.references.length;
      const count = callCount.get(note) ?? 1;
      const label = referenceLabel(note.number, index, count);
      note.references.push({
        node,
        label,
        letter: referenceLetter(index, count),
        id: referenceId(prefix, label),
        previewId: previewId(prefix, label),
        line: lineOf(node),
      });
    }
    const citedSources = found
      .flatMap((note) => (note.source ? [note.source] : []))
      .filter((source, index, all) => all.indexOf(source) === index);
    return { notes: found, citedSources };
  },

  render({ notes: all, citedSources }, { idPrefix: prefix, lang }) {
    // The components get the citation already formatted in the essay's language: they only render.
    const noteProps = (note: Note) => ({
      kind: note.kind,
      lang,
      citation: note.source ? formatCitation(note.source, lang) : null,
      needed: note.needed ?? null,
    });
    const replacements: Replacement[] = all.flatMap((note) => {
      // One copy of the note's words at each reference: the margin note on a wide screen, the
      // preview a phone opens (Footnote.astro).
      const body = note.body.children as ReadonlyArray<Readonly<RootContent>>;
      return note.references.map(({ node, id, label, previewId: preview }) => ({
        node,
        props: { id, href: `#${note.id}`, label, previewId: preview, ...noteProps(note) },
        children: body,
      }));
    });
    if (all.length === 0) return { replacements, appended: [], frontmatter: {} };
    const notesId = `${prefix}notes`;
    const sources: FormattedCitation[] = citedSources.map((source) => formatCitation(source, lang));
    return {
      replacements,
      appended: [
        {
          name: 'EssayNotes',
          props: { lang, id: notesId, sources },
          children: all.map((note) => ({
            name: 'EssayNote',
            props: {
              id: note.id,
              number: note.number,
              backlinks: note.references.map(({ id, label, letter }) => ({ href: `#${id}`, label, letter })),
              ...noteProps(note),
            },
            children: note.body.children as ReadonlyArray<Readonly<RootContent>>,
          })),
        },
      ],
      // Lets the page add "Notes" to the contents.
      frontmatter: { notesId },
    };
  },
};
