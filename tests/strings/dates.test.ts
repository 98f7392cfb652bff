import { expect, test } from 'vitest';
import { isRealIsoDate } from '../../src/strings/dates.ts';

test('accepts dates that exist, with or without a time', () => {
  expect(isRealIsoDate('2024-02-29')).toBe(true);
  expect(isRealIsoDate('2025-12-31T23:59:59Z')).toBe(true);
  expect(isRealIsoDate('2025-01-01T08:00+02:00')).toBe(true);
});

test('rejects days that do not exist and strings that are not ISO dates', () => {
  for (const value of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-04-31', '2025-01-01T24:00', 'May 1, 2025', '20250101', '']) {
    expect(isRealIsoDate(value), value).toBe(false);
  }
});
