/** The median of `values`, or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part / whole` as a 0–100 percentage rounded to an integer, or null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** `current - previous`, or null when either is unknown. */
export function trend(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}
