/** Calendar-day arithmetic on `YYYY-MM-DD` strings, independent of the process time zone. */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on a malformed date. */
export function epochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day count since 1970-01-01. */
export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Whether a string is a real `YYYY-MM-DD` calendar date (2028-02-29 yes, 2026-02-29 no). */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !DATE_RE.test(value)) return false;
  return fromEpochDay(epochDay(value)) === value;
}
