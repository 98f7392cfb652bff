/**
 * A note's one copy at its reference (Footnote.astro) is two things. On a phone it is the
 * preview the reference's button opens, read and tabbed through like any popover. From the
 * width where essay.css lays it out in the margin (its `@media (min-width: 62rem)`), it
 * repeats the notes list, which is the version a screen reader reads, and the reference's
 * own link leads there: so in the margin it leaves the accessibility tree and its links
 * leave the tab order (a pointer still follows them). A preview still open when the window
 * widens closes: its note is in the margin now. Without this script a wide screen's margin
 * notes are read where they stand, as well as in the notes list.
 *
 * Tested in Chromium (tests/browser/notes-and-contents.test.ts), across that width.
 */
const wide = matchMedia('(min-width: 62rem)');
const place = (): void => {
  const inMargin = wide.matches;
  for (const note of document.querySelectorAll<HTMLElement>('.sidenote')) {
    // ARIA reflection: null removes the attribute.
    note.ariaHidden = inMargin ? 'true' : null;
    if (inMargin) note.hidePopover?.();
    for (const control of note.querySelectorAll<HTMLElement>('[href],button')) control.tabIndex = inMargin ? -1 : 0;
  }
};
place();
wide.addEventListener('change', place);

// Without CSS anchor positioning (Firefox before 147, Safari before 26) the browser would open
// a preview where it opens any popover, perhaps over its reference: it is placed here before it opens,
// below its reference's line, or above it where there is more room (essay.css, `.sidenote`;
// tests/browser/fallbacks.test.ts).
if (!CSS.supports('position-area:top'))
  document.addEventListener(
    'beforetoggle',
    (event) => {
      const note = event.target as HTMLElement;
      const line = document.querySelector(`[popovertarget="${note.id}"]`)?.getBoundingClientRect();
      const room = innerHeight - (line?.top ?? 0);
      if (line) note.style.inset = room > line.bottom ? `${line.bottom}px 0 auto` : `auto 0 ${room}px`;
    },
    true,
  );
