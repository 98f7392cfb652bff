import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LABEL_KEYS, resolveLabels } from '../../src/strings/labels.ts';
import { labelsModuleProblems, loadSiteLabels, siteLabelsSource } from '../../src/strings/site-labels.ts';
import arabic from '../fixtures/strings/ar.ts';
import someArabic from '../fixtures/strings/ar-partial.ts';

test('a whole language from a site’s module has every label, and no problem', () => {
  expect(Object.keys(arabic).sort()).toEqual([...LABEL_KEYS].sort());
  expect(labelsModuleProblems(arabic, 'ar')).toEqual([]);
});

test('its counts take Arabic’s plural forms (Intl.PluralRules): one, two, few, many', () => {
  expect(arabic.sectionCount(1)).toBe('1 قسم');
  expect(arabic.sectionCount(2)).toBe('2 قسمان');
  expect(arabic.sectionCount(3)).toBe('3 أقسام');
  expect(arabic.sectionCount(11)).toBe('11 قسمًا');
  expect(arabic.minutesRead(2)).toBe('2 دقيقتان للقراءة');
});

test('some of a language’s labels are a module too, and what it lacks is what falls back', () => {
  expect(labelsModuleProblems(someArabic, 'ar')).toEqual([]);
  const { missing, labels } = resolveLabels('ar', { ar: someArabic });
  expect(missing).toEqual(LABEL_KEYS.filter((key) => !['contents', 'notes', 'note', 'minutesRead'].includes(key)));
  expect(labels.minutesRead(3)).toBe('3 د للقراءة');
  expect(labels.scenario(2)).toBe('Scenario 2');
});

test('a module’s label of no such name, or of the wrong kind, is reported with its fix', () => {
  expect(labelsModuleProblems({ contnets: 'المحتويات', note: 'حاشية' }, "strings.ar ('./ar.ts')")).toEqual([
    `strings.ar ('./ar.ts'): "contnets" is not a label: did you mean "contents"? Fix: name a label of Labels (src/strings/labels.ts).`,
    `strings.ar ('./ar.ts'): "note" is a string, but should be a function, as in English: note: (label) => \`Note \${label}\`.`,
  ]);
  expect(labelsModuleProblems(undefined, 'ar')[0]).toMatch(/its default export is not an object of labels/);
});

test('the site’s modules are loaded, its words kept as they are, and a missing file is reported', async () => {
  const root = mkdtempSync(join(tmpdir(), 'site-labels-'));
  try {
    writeFileSync(join(root, 'el.mjs'), "export default { contents: 'Περιεχόμενα', note: (label) => `Σημείωση ${label}` };\n");
    const labels = await loadSiteLabels(root, { el: './el.mjs', en: { contents: 'In this essay' } });
    expect(labels['el']?.contents).toBe('Περιεχόμενα');
    expect(labels['el']?.note?.('2')).toBe('Σημείωση 2');
    expect(labels['en']).toEqual({ contents: 'In this essay' });
    await expect(loadSiteLabels(root, { ar: './ar.ts' })).rejects.toThrow(
      `essayPress({ strings: { ar: './ar.ts' } }): there is no such file (${join(root, 'ar.ts')})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pages import the site’s modules by their files, and get its words as JSON', () => {
  expect(siteLabelsSource('/site', { ar: './src/strings/ar.ts', en: { contents: 'In this essay' } })).toBe(
    ['import labels0 from "/site/src/strings/ar.ts";', 'export default { "ar": labels0, "en": {"contents":"In this essay"} };'].join('\n'),
  );
});
