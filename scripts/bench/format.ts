/** Text tables and units for the benchmark's report. */

export interface Column {
  header: string;
  /** Numbers are right-aligned, words left-aligned (the default). */
  align?: 'left' | 'right';
}

/**
 * A plain-text table: a header row, a rule, then the rows, each column as wide as its widest
 * cell, two spaces apart, with no trailing spaces. A row shorter than the header is padded
 * with empty cells.
 */
export function formatTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((column, index) => Math.max(width(column.header), ...rows.map((row) => width(row[index] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const pad = ' '.repeat((widths[index] ?? 0) - width(cell));
        return column.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Characters as a terminal shows them (an emoji or a CJK letter still counts as one). */
function width(text: string): number {
  return [...text].length;
}

const MISSING = '–';

const finite = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Bytes as KiB with one decimal (`12.3 KiB`), or MiB from 10 MiB up. */
export function formatBytes(bytes: number | undefined): string {
  if (!finite(bytes)) return MISSING;
  if (bytes >= 10 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Milliseconds as seconds with two decimals (`1.25 s`; `0.00 s` is shown as such, not hidden). */
export function formatSeconds(ms: number | undefined): string {
  return finite(ms) ? `${(ms / 1000).toFixed(2)} s` : MISSING;
}

/** Milliseconds, whole from 10 ms up, with one decimal below (`8.4 ms`, `120 ms`). */
export function formatMs(ms: number | undefined): string {
  if (!finite(ms)) return MISSING;
  return `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
}

/** A count with thousands separated (`1,000`). */
export function formatCount(count: number | undefined): string {
  return finite(count) ? Math.round(count).toLocaleString('en-US') : MISSING;
}

/** A ratio with a times sign, one decimal unless told (`4.2×`; two for a ratio near 1: `0.88×`). */
export function formatRatio(ratio: number | undefined, decimals = 1): string {
  return finite(ratio) ? `${ratio.toFixed(decimals)}×` : MISSING;
}
