// The contents, kept in step with the reader. Optional: without it the contents are a
// plain list of links, collapsed behind their summary.
import { currentHeadingIndex } from '../toc.ts';

const details = document.querySelector<HTMLDetailsElement>('.toc details');
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));

// Open beside the text on wide screens, where essay.css puts the contents in their own
// column (the same 76rem); collapsed to one line above the text on narrow ones. Set again
// only when the window crosses that width, so a reader's own choice is kept.
const wide = matchMedia('(min-width: 76rem)');
const followWidth = (): void => {
  if (details) details.open = wide.matches;
};
followWidth();
wide.addEventListener('change', followWidth);

// The current section is the last heading above the reading line, marked with
// aria-current="location" (essay.css shows it without changing the entry's width).
let scheduled = false;
const mark = (): void => {
  scheduled = false;
  const current = currentHeadingIndex(
    headings.map((heading) => heading?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY),
    innerHeight,
  );
  // ARIA reflection: null removes the attribute.
  for (const [index, link] of links.entries()) link.ariaCurrent = index === current ? 'location' : null;
};
const schedule = (): void => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(mark);
};
if (links.length > 0) {
  // Neither can be cancelled, so neither needs { passive: true }.
  addEventListener('scroll', schedule);
  addEventListener('resize', schedule);
  addEventListener('hashchange', schedule);
  mark();
}
