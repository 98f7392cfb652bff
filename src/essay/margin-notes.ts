/**
 * A note's one copy at its reference (Footnote.astro) is two things. On a phone it is the
 * preview the reference's button opens, read and tabbed through like any popover. From the
 * width where essay.css lays it out in the margin, it repeats the notes list, which is the
 * version a screen reader reads, and the reference's own link leads there: so in the margin
 * it leaves the accessibility tree and its links leave the tab order (a pointer still
 * follows them).
 */

/** The width from which notes sit in the margin: essay.css's `@media (min-width: 62rem)`. */
export const MARGIN_NOTES_QUERY = '(min-width: 62rem)';

/**
 * Marks `note` as a margin note (`inMargin`) or as a preview. A preview still open when the
 * window widens closes: its note is in the margin now.
 */
export function placeNote(note: HTMLElement, inMargin: boolean): void {
  if (inMargin) {
    note.setAttribute('aria-hidden', 'true');
    note.hidePopover?.();
  } else note.removeAttribute('aria-hidden');
  for (const control of note.querySelectorAll('a[href], button')) control.setAttribute('tabindex', inMargin ? '-1' : '0');
}
