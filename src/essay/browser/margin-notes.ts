/**
 * A note's one copy at its reference (Footnote.astro) is two things. On a phone it is the
 * preview the reference's button opens, read and tabbed through like any popover. From the
 * width where essay.css lays it out in the margin (its `@media (min-width: 62rem)`), it
 * repeats the notes list, which is the version a screen reader reads, and the reference's
 * own link leads there: so in the margin it leaves the accessibility tree and its links
 * leave the tab order (a pointer still follows them). A preview still open when the window
 * widens closes: its note is in the margin now. So does one when the reader moves in the page
 * (hashchange): following its "Note 3" link to the notes list, it would stay open, and back at
 * the reference by the note's back-link, cover the lines above. Without this script a wide
 * screen's margin notes are read where they stand, as well as in the notes list.
 *
 * Tested in Chromium (tests/browser/notes-and-contents.test.ts), across that width.
 */
const wide = matchMedia('(min-width: 62rem)');
const place = (event?: Event): void => {
  const inMargin = wide.matches;
  for (const note of document.querySelectorAll<HTMLElement>('.sidenote')) {
    // ARIA reflection: null removes the attribute.
    note.ariaHidden = inMargin ? 'true' : null;
    // On an event (the width crossed, or the page's fragment changed), not on load.
    if (inMargin || event) note.hidePopover?.();
    for (const control of note.querySelectorAll<HTMLElement>('[href],button')) control.tabIndex = inMargin ? -1 : 0;
  }
};
place();
wide.addEventListener('change', place);
addEventListener('hashchange', place);
