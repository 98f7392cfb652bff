/**
 * A note's place in its source, as an author writes it in `locator`: `12` or `12–15` (pages),
 * or with a label, `chap. 3`, `§ 4`, `para. 2`. The label is one of CSL's locator kinds, so
 * the style words it in the essay's language ("chap." in English, "Kap." in German).
 */
export interface Locator {
  locator: string;
  /** A CSL locator kind: `page`, `chapter`, `section`… */
  label: string;
}

/** What an author may write before the place, and the CSL kind it names. */
const LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^(p|pp|page|pages)\.?$/i, 'page'],
  [/^(ch|chap|chapter|chapters)\.?$/i, 'chapter'],
  [/^(§|§§|s|sec|sect|section|sections)\.?$/i, 'section'],
  [/^(¶|para|paragraph|paragraphs)\.?$/i, 'paragraph'],
  [/^(l|ll|line|lines)\.?$/i, 'line'],
  [/^(vol|vols|volume|volumes)\.?$/i, 'volume'],
  [/^(fig|figs|figure|figures)\.?$/i, 'figure'],
  [/^(n|nn|note|notes)\.?$/i, 'note'],
  [/^(pt|part|parts)\.?$/i, 'part'],
  [/^(bk|book)\.?$/i, 'book'],
  [/^(col|column|columns)\.?$/i, 'column'],
  [/^(v|vv|verse|verses)\.?$/i, 'verse'],
];

/** The kinds an author may name, for a message. */
export const LOCATOR_WORDS = 'p., chap., §, para., line, vol., fig., n., part, book, col., v.';

/** The locator written, read; undefined when it names a kind that is not known. */
export function parseLocator(written: string): Locator | undefined {
  const text = written.trim();
  if (text === '') return undefined;
  // A word is a label only when a point or a space ends it: `xiv` is a page, `p. xiv` too.
  const match = /^(§§?|¶)\s*(.+)$/u.exec(text) ?? /^([^\s\d.]+)(\.\s*|\s+)(.+)$/u.exec(text);
  if (!match) return { locator: text, label: 'page' };
  const word = match.length === 4 ? `${match[1]}${match[2]?.trim()}` : (match[1] ?? '');
  const place = (match.length === 4 ? match[3] : match[2]) ?? '';
  const known = LABELS.find(([pattern]) => pattern.test(word));
  return known ? { locator: place.trim(), label: known[1] } : undefined;
}
