import type { RootContent } from 'mdast';
import type { FormattedCitation } from '../citation.ts';
import type { CitedSource } from '../../sources/csl-item.ts';
import { coinsContext } from '../../sources/coins.ts';
import { formatCitations } from '../../sources/format-citations.ts';
import { LOCATOR_WORDS, parseLocator, type Locator } from '../../sources/locator.ts';
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
  source: CitedSource | undefined;
  /** Where in the source (`locator="12"`, `locator="chap. 3"`). */
  locator: Locator | undefined;
  /** What the author said is needed, for a note awaiting a source. */
  needed: string | undefined;
  references: Reference[];
  line: number | undefined;
  column: number | undefined;
}

export interface Notes {
  notes: Note[];
  /** Sources cited at least once, in order of first citation. */
  citedSources: CitedSource[];
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
        problem(
          node,
          '<Footnote source> has no source id.',
          'write source="id" with the id of an entry in the frontmatter sources or the key of an entry in a bibliography file.',
        );
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
        const known = sources.map((candidate) => candidate.id);
        const listed = known.length > 12 ? `${known.slice(0, 12).join(', ')}… (${known.length} in all)` : known.join(', ') || 'none';
        problem(
          node,
          `<Footnote source="${sourceId}"> cites a source that is not in this essay's sources or bibliography (known: ${listed}).`,
          `add a source with id: ${sourceId} to the frontmatter sources or an entry with that key to a bibliography file, or correct the key.`,
        );
        continue;
      }
      const locatorAttribute = attribute(node, 'locator');
      const locator = typeof locatorAttribute === 'string' ? parseLocator(locatorAttribute) : undefined;
      if (locatorAttribute !== undefined && (!source || !locator)) {
        problem(
          node,
          source
            ? `<Footnote locator="${String(locatorAttribute)}"> names a place the style cannot word.`
            : '<Footnote locator> says where in a source, but the note cites none.',
          source
            ? `write a page (locator="12") or a kind and a place (locator="chap. 3"); the kinds: ${LOCATOR_WORDS}`
            : 'add source="key" for the source the place is in, or leave locator out.',
        );
        continue;
      }
      // A bare citation of a source already cited, at the same place, is the same note, called again.
      const sameCitation = source && `${source.id}\u0000${locator?.label ?? ''}\u0000${locator?.locator ?? ''}`;
      const reused = sameCitation && text === '' ? noteBySource.get(sameCitation) : undefined;
      const note: Note = reused ?? {
        number: found.length + 1,
        id: noteId(prefix, found.length + 1),
        kind: source ? 'source' : neededAttribute !== undefined || text === '' ? 'needed' : 'remark',
        body: node,
        source,
        locator,
        needed:
          typeof neededAttribute === 'string' ? neededAttribute : neededAttribute === true || text === '' ? text || undefined : undefined,
        references: [],
        line: lineOf(node),
        column: columnOf(node),
      };
      if (!reused) {
        found.push(note);
        if (sameCitation && text === '') noteBySource.set(sameCitation, note);
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

  render({ notes: all, citedSources }, { idPrefix: prefix, lang, style }) {
    // The components get the citations already formatted by the essay's style, in its
    // language: they only render. The style sees every citation in note order, so a source
    // cited again is shortened as it says ("Ibid.", a short note).
    const citing = all.filter((note) => note.source);
    const formatted = formatCitations(
      citedSources.map((source) => source.item),
      citing.map((note) => ({ id: note.source?.id ?? '', locator: note.locator?.locator, label: note.locator?.label })),
      lang,
      style,
    );
    const citations = new Map(citing.map((note, index) => [note, formatted.notes[index]]));
    const noteProps = (note: Note) => ({
      kind: note.kind,
      lang,
      citation: citations.get(note) ?? null,
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
    const sources: FormattedCitation[] = formatted.sources;
    return {
      replacements,
      appended: [
        {
          name: 'EssayNotes',
          props: { lang, id: notesId, sources, coins: citedSources.map((source) => coinsContext(source.item)) },
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
      // Lets the page add "Notes" to the contents, and describe its sources to machines (JSON-LD).
      frontmatter: { notesId, citedSources: citedSources.map((source) => source.item) },
    };
  },
};
