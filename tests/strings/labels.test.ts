import { expect, test } from 'vitest';
import { labelsFor } from '../../src/strings/labels.ts';

test.each(['en', 'de', 'fr', 'es'])(
  'in %s, the name of a reference awaiting a source holds the words shown in brackets after its numeral',
  (lang) => {
    const labels = labelsFor(lang);
    // WCAG 2.5.3: what is seen ("3 [source needed]") is in what is heard ("Note 3, source needed").
    expect(labels.sourceNeededMark.trim()).not.toBe('');
    expect(labels.noteAwaitingSource('3')).toContain(`3, ${labels.sourceNeededMark}`);
    // A translation of its own, not English left in place.
    if (lang !== 'en') expect(labels.sourceNeededMark).not.toBe(labelsFor('en').sourceNeededMark);
  },
);
