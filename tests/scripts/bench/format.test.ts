import { expect, test } from 'vitest';
import { formatBytes, formatCount, formatMs, formatRatio, formatSeconds, formatTable } from '../../../scripts/bench/format.ts';

test('a table pads each column to its widest cell, numbers to the right, with no trailing spaces', () => {
  const table = formatTable(
    [{ header: 'site' }, { header: 'wall', align: 'right' }],
    [
      ['this site', '9.50 s'],
      ['1,000 copies', '120.25 s'],
    ],
  );
  expect(table.split('\n')).toEqual([
    'site              wall',
    '------------  --------',
    'this site       9.50 s',
    '1,000 copies  120.25 s',
  ]);
});

test('a short row is padded with empty cells, and a wide character counts as one', () => {
  expect(formatTable([{ header: 'a' }, { header: 'b' }, { header: 'c', align: 'right' }], [['“x”']]).split('\n')).toEqual([
    'a    b  c',
    '---  -  -',
    '“x”',
  ]);
});

test('units: bytes in KiB, then MiB; seconds; milliseconds; counts; ratios; a missing figure as a dash', () => {
  expect(formatBytes(1536)).toBe('1.5 KiB');
  expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MiB');
  expect(formatSeconds(12_345)).toBe('12.35 s');
  expect(formatMs(8.44)).toBe('8.4 ms');
  expect(formatMs(123.4)).toBe('123 ms');
  expect(formatCount(1000)).toBe('1,000');
  expect(formatRatio(4.25)).toBe('4.3×');
  for (const missing of [
    formatBytes(undefined),
    formatSeconds(Number.NaN),
    formatMs(undefined),
    formatCount(undefined),
    formatRatio(Number.NaN),
  ]) {
    expect(missing).toBe('–');
  }
});
