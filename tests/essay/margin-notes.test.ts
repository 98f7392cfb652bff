import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { placeNote } from '../../src/essay/margin-notes.ts';

const note = () =>
  parseHTML(
    '<p>Claim.<span popover id="p1" class="sidenote"><a href="#n1">Note 1</a> See <a href="https://example.org">this</a>.<button popovertarget="p1">×</button></span></p>',
  ).document.querySelector('.sidenote') as Element;

test('in the margin a note leaves the accessibility tree and every link and button in it the tab order', () => {
  const element = note();
  placeNote(element, true);
  expect(element.getAttribute('aria-hidden')).toBe('true');
  expect([...element.querySelectorAll('a, button')].map((control) => control.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1']);
});

test('as a preview again it is read and tabbed through as written', () => {
  const element = note();
  const written = element.outerHTML;
  placeNote(element, true);
  placeNote(element, false);
  expect(element.outerHTML).toBe(written);
});
