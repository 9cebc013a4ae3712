import { differenceInBusinessDays } from 'date-fns';

function localMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** Business days (Monday–Friday) from `from` to `to`, both `YYYY-MM-DD`; weekends are not counted. */
export function businessDaysBetween(from: string, to: string): number {
  // date-fns reads weekdays in the process zone; local-midnight dates keep that consistent.
  return differenceInBusinessDays(localMidnight(to), localMidnight(from));
}
