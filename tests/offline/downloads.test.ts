import { expect, test } from 'vitest';
import { downloadFileName, formatFileSize } from '../../src/offline/downloads.ts';

test('a size under a megabyte is whole kilobytes, rounded, in decimal units', () => {
  expect(formatFileSize(14_321, 'en')).toBe('14 KB');
  expect(formatFileSize(14_500, 'en')).toBe('15 KB');
  expect(formatFileSize(999_499, 'en')).toBe('999 KB');
});

test('a file smaller than a kilobyte still reads "1 KB", never "0 KB"', () => {
  expect(formatFileSize(0, 'en')).toBe('1 KB');
  expect(formatFileSize(120, 'en')).toBe('1 KB');
});

test('a megabyte or more has one decimal, written as the page’s language writes it', () => {
  expect(formatFileSize(1_234_567, 'en')).toBe('1.2 MB');
  expect(formatFileSize(1_234_567, 'fr')).toBe('1,2 MB');
  expect(formatFileSize(1_234_567, 'de')).toBe('1,2 MB');
  expect(formatFileSize(2_000_000, 'en')).toBe('2 MB');
});

test('the rounding edge between kilobytes and megabytes', () => {
  expect(formatFileSize(999_999, 'en')).toBe('1,000 KB');
  expect(formatFileSize(1_000_000, 'en')).toBe('1 MB');
});

test('a size that is not a number of bytes is an error, not a guess', () => {
  expect(() => formatFileSize(-1, 'en')).toThrow(RangeError);
  expect(() => formatFileSize(Number.NaN, 'en')).toThrow('A file size must be a number of bytes');
});

test('downloads are named after the essay’s slug', () => {
  expect(downloadFileName('on-time', 'epub')).toBe('on-time.epub');
  expect(downloadFileName('on-time', 'html')).toBe('on-time.html');
});
