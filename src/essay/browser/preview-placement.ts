/**
 * Without CSS anchor positioning (Firefox before 147, Safari before 26) the browser would open
 * a note's preview where it opens any popover, perhaps over its reference: it is placed here
 * before it opens, below its reference's line, or above it where there is more room (essay.css,
 * `.sidenote`; tests/browser/fallbacks.test.ts). A classic script, which margin-notes.ts adds
 * only where it is needed.
 */
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
