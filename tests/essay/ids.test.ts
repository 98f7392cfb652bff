import { expect, test } from 'vitest';
import { createHeadingIds, idPrefix, keyFromTitle, noteId, referenceLabel, referenceLetter, scenarioId } from '../../src/essay/ids.ts';

test('two headings with the same text get distinct ids', () => {
  const id = createHeadingIds();
  expect([id('Background'), id('Background'), id('Background')]).toEqual(['background', 'background-1', 'background-2']);
});

test('punctuation is dropped and other scripts are kept, readable', () => {
  const id = createHeadingIds();
  expect(id('What’s next? (Part 1: “Plans”)')).toBe('whats-next-part-1-plans');
  expect(id('Мир и война')).toBe('мир-и-война');
  expect(id('平和への道')).toBe('平和への道');
  expect(id('Ελλάδα')).toBe('ελλάδα');
});

test('a heading with no letters at all still gets a valid, unique id', () => {
  const id = createHeadingIds();
  expect([id('?!'), id('…')]).toEqual(['section', 'section-1']);
});

test('note and scenario ids carry the essay prefix, which no heading id can have', () => {
  const prefix = idPrefix('series/part-one');
  expect(prefix).toBe('series-part-one.');
  expect(noteId(prefix, 3)).toBe('series-part-one.note-3');
  expect(scenarioId(prefix, 'status-quo')).toBe('series-part-one.scenario-status-quo');
  expect(createHeadingIds()('series-part-one.note-3')).not.toBe(noteId(prefix, 3));
});

test('a note cited once is labelled by its number; cited more, by number and letter', () => {
  expect(referenceLabel(3, 0, 1)).toBe('3');
  expect([0, 1, 2].map((index) => referenceLabel(3, index, 3))).toEqual(['3a', '3b', '3c']);
  expect(referenceLetter(0, 1)).toBe('');
  expect([0, 25, 26].map((index) => referenceLetter(index, 30))).toEqual(['a', 'z', 'aa']);
  expect(referenceLabel(1, 26, 30)).toBe('1aa');
});

test('scenario keys come from titles in any script, with a fallback', () => {
  expect(keyFromTitle('Status Quo', 'x')).toBe('status-quo');
  expect(keyFromTitle('Статус-кво', 'x')).toBe('статус-кво');
  expect(keyFromTitle('!!!', '1-2')).toBe('1-2');
});
