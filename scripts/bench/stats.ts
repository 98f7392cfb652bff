/** The middle value of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of several samples, with their spread, as the report keeps them. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarise(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    samples: [...values],
  };
}

/**
 * The median of each numeric field over several records, for the fields every record has a
 * number for (a stage one run did not report is left out rather than guessed).
 */
export function medianOfFields<K extends string>(records: ReadonlyArray<Partial<Record<K, number>>>): Partial<Record<K, number>> {
  const keys = new Set(records.flatMap((record) => Object.keys(record) as K[]));
  const result: Partial<Record<K, number>> = {};
  for (const key of keys) {
    const values = records.map((record) => record[key]);
    if (values.every((value): value is number => typeof value === 'number')) result[key] = median(values);
  }
  return result;
}

/**
 * The median of the ratios `a[i] / b[i]` of runs taken in pairs (A then B), rather than the
 * ratio of the medians: a change in the machine's speed during the runs falls on both runs of
 * a pair, so each pair's ratio holds where their times do not. NaN when there is no pair.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const ratios = a.flatMap((value, index) => {
    const other = b[index];
    return other === undefined || other === 0 ? [] : [value / other];
  });
  return median(ratios);
}
