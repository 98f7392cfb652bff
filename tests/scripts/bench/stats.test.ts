import { expect, test } from 'vitest';
import { median, medianOfFields, pairedRatio, summarise } from '../../../scripts/bench/stats.ts';

test('the median of an odd count is the middle value, whatever the order', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([10])).toBe(10);
});

test('the median of an even count is the mean of the two middle values', () => {
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('the median of nothing is NaN, not 0', () => {
  expect(median([])).toBeNaN();
});

test('a summary keeps the median, the spread and the samples as measured', () => {
  expect(summarise([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, samples: [30, 10, 20] });
});

test('the median of each field is taken over the records that all have it', () => {
  expect(medianOfFields<'a' | 'b'>([{ a: 1, b: 5 }, { a: 3 }, { a: 2, b: 7 }])).toEqual({ a: 2 });
});

test('a paired ratio is the median of the pairs’ ratios, not the ratio of the medians', () => {
  // The machine slowed down for the second pair: each pair's ratio still says 0.5.
  expect(pairedRatio([1, 4, 1.5], [2, 8, 3])).toBe(0.5);
  expect(pairedRatio([], [])).toBeNaN();
  expect(pairedRatio([1, 2], [0, 4])).toBe(0.5);
});
