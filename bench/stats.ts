/** The few statistics the benchmark reports, and how it prints them. */

export interface Stats {
  median: number;
  min: number;
  max: number;
}

/** Median, least and greatest of `values` (the upper median for an even count, as every run so far has used). */
export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
}

/** The middle half of `values`: its first and third quartiles (nearest rank). */
export function middleHalf(values: readonly number[]): { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { low: at(0.25), high: at(0.75) };
}

/** Milliseconds as the tables print them: three significant figures, whole from 100 on. */
export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

/** `a` against `b`, as the tables print a ratio. */
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
