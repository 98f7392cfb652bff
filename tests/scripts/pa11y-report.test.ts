import { expect, test } from 'vitest';
import { auditFailures } from '../../scripts/lib/pa11y-report.ts';

const clean = { total: 1, passes: 1, errors: 0, results: { 'http://127.0.0.1/': [] } };

test('a clean report of every expected page has no failures', () => {
  expect(auditFailures(clean, ['http://127.0.0.1/'])).toEqual([]);
});

test('an empty URL list fails, although pa11y-ci exits 0 for it', () => {
  expect(auditFailures({ total: 0, passes: 0, errors: 0, results: {} }, [])).toEqual(['There were no pages to audit.']);
});

test('a built page missing from the report fails', () => {
  expect(auditFailures(clean, ['http://127.0.0.1/', 'http://127.0.0.1/essays/a/'])).toEqual(['http://127.0.0.1/essays/a/: not audited.']);
});

test('a page that failed to load fails, although pa11y-ci counts it as neither pass nor error', () => {
  const report = { total: 1, passes: 0, errors: 0, results: { 'http://127.0.0.1/': [{ message: 'net::ERR_CONNECTION_REFUSED' }] } };
  expect(auditFailures(report, ['http://127.0.0.1/'])).toEqual([
    'http://127.0.0.1/: the page failed to load or run: net::ERR_CONNECTION_REFUSED',
  ]);
});

test('an issue is reported with its runner, code and selector', () => {
  const report = {
    total: 1,
    passes: 0,
    errors: 1,
    results: { 'http://127.0.0.1/': [{ code: 'color-contrast', message: 'Low contrast', selector: 'p', runner: 'axe' }] },
  };
  expect(auditFailures(report, ['http://127.0.0.1/'])).toEqual(['http://127.0.0.1/: [axe] color-contrast: Low contrast (p)']);
});
