import type { Config } from '../src/core/config/index.js';
import { addDays } from '../src/core/text/index.js';
import { digestWeek } from '../src/core/digest/index.js';
import { startOfLocalDay, zoneOffsetMinutes } from '../src/core/digest/index.js';

const DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** The week a digest belongs to and whether its configured time has come. */
export interface DigestSlot {
  /** ISO week label in the configured time zone (`2026-W10`). */
  week: string;
  /** Instant of the configured day and hour in that week. */
  at: Date;
  /** `now` is at or after `at` (and, by construction, still in the same week). */
  due: boolean;
}

/**
 * This week's digest slot for a repository: the configured day and hour in the configured time
 * zone, within the ISO week `now` falls in there. A scheduler that was down at the slot still
 * finds the digest due later the same week, so restarts do not skip a week.
 */
export function digestSlot(
  now: Date,
  digest: Pick<Config['digest'], 'day' | 'hour' | 'timeZone'>,
): DigestSlot {
  const week = digestWeek(now, digest.timeZone);
  const date = addDays(week.monday, DAYS.indexOf(digest.day));
  const midnight = startOfLocalDay(date, digest.timeZone);
  let at = new Date(midnight.getTime() + digest.hour * 3_600_000);
  // A DST change between midnight and the hour shifts the wall clock; correct by the offset change.
  const shift =
    zoneOffsetMinutes(at, digest.timeZone) - zoneOffsetMinutes(midnight, digest.timeZone);
  if (shift !== 0) at = new Date(at.getTime() - shift * 60_000);
  return { week: week.label, at, due: now.getTime() >= at.getTime() };
}
