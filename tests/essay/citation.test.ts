import { expect, test } from 'vitest';
import { formatDate } from '../../src/essay/citation.ts';
import { labelsFor } from '../../src/strings/labels.ts';

test('dates are formatted as calendar days in the essay language, never shifted by time zone', () => {
  expect(formatDate('2025-03-11', 'en')).toBe('March 11, 2025');
  expect(formatDate(new Date('2025-03-11T00:00:00Z'), 'fr')).toBe('11 mars 2025');
  expect(formatDate(undefined, 'en')).toBeUndefined();
});

test('labels follow the essay language, with English for languages not yet translated', () => {
  expect(labelsFor('fr-CA').notes).toBe('Notes');
  expect(labelsFor('de').backToReference('3b')).toBe('Zurück zum Verweis 3b');
  expect(labelsFor('sw').note('3')).toBe('Note 3');
});
