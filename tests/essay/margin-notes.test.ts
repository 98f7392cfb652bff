import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { placeNote } from '../../src/essay/margin-notes.ts';

const note = () =>
  parseHTML(
    '<p>Claim.<span popover id="p1" class="sidenote"><a href="#n1">Note 1</a> See <a href="https://example.org">this</a>.<button popovertarget="p1">×</button></span></p>',
  ).document.querySelector('.sidenote') as HTMLElement;
const tabIndexes = (element: HTMLElement) => [...element.querySelectorAll('a, button')].map((control) => control.getAttribute('tabindex'));

test('in the margin a note leaves the accessibility tree and every link and button in it the tab order', () => {
  const element = note();
  placeNote(element, true);
  expect(element.getAttribute('aria-hidden')).toBe('true');
  expect(tabIndexes(element)).toEqual(['-1', '-1', '-1']);
});

test('as a preview again it is read, and tabbed through in the order written', () => {
  const element = note();
  placeNote(element, true);
  placeNote(element, false);
  expect(element.hasAttribute('aria-hidden')).toBe(false);
  expect(tabIndexes(element)).toEqual(['0', '0', '0']);
});
