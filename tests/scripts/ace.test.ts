import { expect, test } from 'vitest';
import { formatAceViolations, parseAceReport } from '../../scripts/lib/ace.ts';

/** Ace's report.json, cut to what is read: one document that passes, one with a failed axe rule. */
const REPORT = JSON.stringify({
  'earl:result': { 'earl:outcome': 'fail' },
  assertions: [
    { 'earl:result': { 'earl:outcome': 'pass' }, assertions: [], 'earl:testSubject': { url: 'nav.xhtml' } },
    {
      'earl:result': { 'earl:outcome': 'fail' },
      'earl:testSubject': { url: 'essay.xhtml' },
      assertions: [
        {
          'earl:result': {
            'earl:outcome': 'fail',
            'dct:description': 'Element does not have text that is visible to screen readers\nElement has no title attribute',
            'earl:pointer': { css: ['#parallel'] },
          },
          'earl:test': { 'dct:title': 'empty-heading', 'earl:impact': 'minor' },
        },
      ],
    },
  ],
  'a11y-metadata': { missing: ['a11y:certifiedBy'], empty: [], present: ['dcterms:conformsTo'] },
});

test('a failed rule becomes one line: impact, rule, file and element, and what Ace says', () => {
  const report = parseAceReport(REPORT);
  expect(report.outcome).toBe('fail');
  expect(report.missingMetadata).toEqual(['a11y:certifiedBy']);
  expect(formatAceViolations(report.violations)).toBe(
    'minor empty-heading essay.xhtml #parallel: Element does not have text that is visible to screen readers; Element has no title attribute',
  );
});
