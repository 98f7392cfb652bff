import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { essaySchema, sourceSchema } from '../essay-schema.ts';
import { closest } from './closest.ts';

/** The keys the frontmatter may have, and those of each source: the schemas' own, so they cannot drift apart. */
const ESSAY_KEYS: readonly string[] = Object.keys(essaySchema.shape);
const SOURCE_KEYS: readonly string[] = Object.keys(sourceSchema.shape);

/** A key the schema does not know, where it is, and the known key it most looks like. */
export interface UnknownKey {
  key: string;
  /** `sources.1.titel` for a key of a source. */
  path: string;
  /** 1-based line and column in the YAML text. */
  line: number;
  column: number;
  known: readonly string[];
  guess: string | undefined;
}

/**
 * Keys the schema would drop without a word: `titel` for `title`, `publishd` for
 * `published` (the date would silently disappear), the same inside each source.
 */
export function unknownKeys(document: Document, lines: LineCounter): UnknownKey[] {
  const found: UnknownKey[] = [];
  const visit = (node: unknown, known: readonly string[], prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
      const key = pair.key.value;
      if (known.includes(key)) {
        if (known === ESSAY_KEYS && key === 'sources' && isSeq(pair.value)) {
          pair.value.items.forEach((item, index) => visit(item, SOURCE_KEYS, `sources.${index}.`));
        }
        continue;
      }
      const { line, col } = lines.linePos(pair.key.range?.[0] ?? 0);
      found.push({ key, path: `${prefix}${key}`, line, column: col, known, guess: closest(key, known) });
    }
  };
  visit(document.contents, ESSAY_KEYS, '');
  return found;
}
