import { addDays, epochDay, fromEpochDay } from '../text/calendar-date.js';
import { localDate, startOfLocalDay } from './zoned-time.js';

/** An ISO 8601 week. */
export interface IsoWeek {
  /** ISO week-numbering year (may differ from the calendar year around New Year). */
  year: number;
  week: number;
  /** `2026-W48`. */
  label: string;
  /** Monday, `YYYY-MM-DD`. */
  monday: string;
  /** Sunday, `YYYY-MM-DD`. */
  sunday: string;
}

/** The ISO week containing a calendar date. */
export function isoWeek(date: string): IsoWeek {
  const day = epochDay(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const monday = day - weekday;
  const thursday = monday + 3;
  const year = Number(fromEpochDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - epochDay(`${year}-01-01`)) / 7) + 1;
  return {
    year,
    week,
    label: `${year}-W${String(week).padStart(2, '0')}`,
    monday: fromEpochDay(monday),
    sunday: fromEpochDay(monday + 6),
  };
}

/** The digest's week: the ISO week of `now` in `timeZone`, with its instant bounds. */
export interface DigestWeek extends IsoWeek {
  /** Local date of `now`. */
  today: string;
  /** Instant local Monday 00:00 starts. */
  start: Date;
  /** Instant the following Monday 00:00 starts (exclusive end). */
  end: Date;
}

/** The ISO week `now` falls in, as seen in `timeZone`. */
export function digestWeek(now: Date, timeZone: string): DigestWeek {
  const today = localDate(now, timeZone);
  const w = isoWeek(today);
  return {
    ...w,
    today,
    start: startOfLocalDay(w.monday, timeZone),
    end: startOfLocalDay(addDays(w.monday, 7), timeZone),
  };
}
