import { expect, test } from 'vitest';
import { labelsFor } from '../../src/strings/labels.ts';
import { plural } from '../../src/strings/plural.ts';

const sections = { one: 'section', other: 'sections' };

test('a count takes its language’s form: French puts 0 with 1, English does not', () => {
  expect([0, 1, 2].map((n) => plural('en', n, sections))).toEqual(['sections', 'section', 'sections']);
  expect([0, 1, 2].map((n) => plural('fr', n, sections))).toEqual(['section', 'section', 'sections']);
  expect(plural('de-CH', 1, { one: 'Abschnitt', other: 'Abschnitte' })).toBe('Abschnitt');
});

test('a form the label does not give falls back to other', () => {
  // French and Spanish have a form for a million: "1 000 000 de sections".
  expect(plural('fr', 1_000_000, sections)).toBe('sections');
  expect(plural('fr', 1_000_000, { ...sections, many: 'de sections' })).toBe('de sections');
  // Japanese has a single form, other.
  expect(plural('ja', 1, { one: '一', other: '他' })).toBe('他');
});

test('the labels count by their language’s rules', () => {
  expect(labelsFor('en').sectionCount(0)).toBe('0 sections');
  expect(labelsFor('fr').sectionCount(0)).toBe('0 section');
  expect(labelsFor('fr').sectionCount(2)).toBe('2 sections');
  expect(labelsFor('de').searchCloseWords(1, 'x')).toBe('Ähnliches Wort: x');
  expect(labelsFor('es').searchResults(2, 'paz', 2)).toBe('2 ensayos contienen «paz».');
});
