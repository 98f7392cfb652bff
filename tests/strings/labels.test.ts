import { expect, test } from 'vitest';
import { defineLabels, LABEL_KEYS, labelsFor, missingLabelsNotice, resolveLabels } from '../../src/strings/labels.ts';

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

test('a language with no labels of its own falls back to English for every one, and says which', () => {
  const arabic = resolveLabels('ar');
  expect(arabic.labels).toEqual(labelsFor('en'));
  expect(arabic.missing).toEqual(LABEL_KEYS);
  expect(arabic.langOf('contents')).toBe('en');
});

test('a built-in language lacks nothing, whatever its region', () => {
  for (const lang of ['en', 'fr', 'de-CH', 'es-MX']) {
    const labels = resolveLabels(lang);
    expect(labels.missing, lang).toEqual([]);
    expect(labels.langOf('notes'), lang).toBe(lang);
  }
});

test('a site’s labels for a language are used before ours; what neither has falls back, and only that', () => {
  const site = {
    ar: { contents: 'المحتويات', minutesRead: (n: number) => `${n} د للقراءة` },
    'ar-EG': { notes: 'الحواشي' },
    en: { readOffline: 'Offline copies' },
  };
  const egyptian = resolveLabels('ar-EG', site);
  expect(egyptian.labels.contents).toBe('المحتويات');
  expect(egyptian.labels.notes).toBe('الحواشي');
  expect(egyptian.labels.minutesRead(3)).toBe('3 د للقراءة');
  expect(egyptian.missing).not.toContain('contents');
  expect(egyptian.missing).toContain('scenario');
  expect(egyptian.missing).toHaveLength(LABEL_KEYS.length - 3);
  // The fallback is the site's English where it has some.
  expect(egyptian.labels.readOffline).toBe('Offline copies');
  expect(egyptian.langOf('readOffline')).toBe('en');
  expect(egyptian.langOf('notes')).toBe('ar-EG');
  // The site's words replace ours in a built-in language too.
  expect(resolveLabels('en', site).labels.readOffline).toBe('Offline copies');
  expect(resolveLabels('fr', { fr: { contents: 'Au sommaire' } }).labels.contents).toBe('Au sommaire');
});

test('the build log line names what a language lacks, and how to supply it', () => {
  expect(missingLabelsNotice(resolveLabels('de'))).toBeUndefined();
  expect(missingLabelsNotice(resolveLabels('ja'))).toBe(
    `Strings in ja: all ${LABEL_KEYS.length} interface strings missing, shown in English and marked lang="en". Supply them in a module: essayPress({ strings: { ja: './src/strings/ja.ts' } }), its default export defineLabels({ … }) (docs/strings.md).`,
  );
  const { scenario: _left, ...allButOne } = labelsFor('de');
  const partial = missingLabelsNotice(resolveLabels('el', { el: { ...allButOne, contents: 'Περιεχόμενα' } }));
  expect(partial).toMatch(/^Strings in el: 1 of \d+ interface strings \(scenario\) missing, shown in English/);
});

test('defineLabels gives back what it is given: its work is the type, which asks for every label', () => {
  const german = labelsFor('de');
  expect(defineLabels(german)).toBe(german);
});
