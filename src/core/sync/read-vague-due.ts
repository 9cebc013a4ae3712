import { addDays, epochDay, fromEpochDay } from '../text/calendar-date.js';

/** How a vague due phrase was read: the day it stands for and why, in words for the issue body. */
export interface VagueDueReading {
  /** `YYYY-MM-DD`. */
  date: string;
  /** E.g. "the last day of Q3 2026", "the first Friday after 2026-03-04". */
  reading: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Last day of month `m` (1–12) of year `y`. */
function monthEnd(y: number, m: number): string {
  return fromEpochDay(epochDay(`${y + Math.floor(m / 12)}-${pad((m % 12) + 1)}-01`) - 1);
}

function parts(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** Day of the week, 0 = Sunday. */
function weekday(date: string): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

function year(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const digits = text.replace("'", '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** The period's end, taking the year written or, without one, the first such period not over at `ref`. */
function periodEnd(
  end: (y: number) => string,
  written: string | undefined,
  ref: string,
): { date: string; y: number } {
  if (written !== undefined && written !== '') {
    const y = year(written, 0);
    return { date: end(y), y };
  }
  const y = parts(ref).y;
  return end(y) >= ref ? { date: end(y), y } : { date: end(y + 1), y: y + 1 };
}

/** Phrase as compared: lower case, markdown marks, "by"/"before"/"end of" and trailing punctuation dropped. */
function normalise(phrase: string): string {
  let s = phrase
    .slice(0, 80)
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let end = s.length;
  while (end > 0 && '.,;:!'.includes(s[end - 1]!)) end--;
  s = s.slice(0, end).trim();
  s = s.replace(/^(?:due |by |before |until |no later than )/, '');
  s = s.replace(/^(?:the )?end of (?:the )?/, '');
  return s.trim();
}

/**
 * Reads a vague due phrase against the post-mortem's date `ref` (`YYYY-MM-DD`): a quarter or half
 * ("Q3 2026", "H2"), a month ("March 2026", "end of month", "EOM", "next month"), a week ("end of
 * week", "next week": that week's Friday), a year ("EOY", "next year"), a weekday ("next Friday":
 * the first Friday after `ref`) or a span ("in 2 weeks", "within 30 days"). Periods stand for
 * their last day. Returns null for what names no day ("ASAP", "next sprint", "TBD"); pure.
 */
export function readVagueDue(phrase: string, ref: string): VagueDueReading | null {
  const s = normalise(phrase);
  const r = parts(ref);
  let m = /^q([1-4])(?:[ /-]?(\d{4}|'?\d{2}))?$/.exec(s) ?? /^(?:(\d{4}) ?)q([1-4])$/.exec(s);
  if (m) {
    const [q, written] = m[0].startsWith('q') ? [Number(m[1]), m[2]] : [Number(m[2]), m[1]];
    const end = periodEnd((y) => monthEnd(y, q * 3), written, ref);
    return { date: end.date, reading: `the last day of Q${q} ${end.y}` };
  }
  m = /^h([12])(?:[ /-]?(\d{4}|'?\d{2}))?$/.exec(s);
  if (m) {
    const h = Number(m[1]);
    const end = periodEnd((y) => monthEnd(y, h * 6), m[2], ref);
    return { date: end.date, reading: `the last day of H${h} ${end.y}` };
  }
  m = /^([a-z]{3,9})\.? ?(\d{4})?$/.exec(s);
  const month = m ? MONTHS.indexOf(m[1]!.slice(0, 3)) : -1;
  if (m && month !== -1 && MONTH_NAMES[month]!.toLowerCase().startsWith(m[1]!)) {
    const end = periodEnd((y) => monthEnd(y, month + 1), m[2], ref);
    return { date: end.date, reading: `the last day of ${MONTH_NAMES[month]} ${end.y}` };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { date: `${m[1]}-12-31`, reading: `the last day of ${m[1]}` };

  const relative = /^(this |next )?(week|month|quarter|year)$/.exec(
    s
      .replace(/^eow$/, 'week')
      .replace(/^eom$/, 'month')
      .replace(/^eoq$/, 'quarter')
      .replace(/^eoy$/, 'year'),
  );
  if (relative) {
    const next = relative[1] === 'next ';
    const unit = relative[2]!;
    const when = next ? `the next ${unit}` : `the ${unit}`;
    const after = `of the post-mortem's date ${ref}`;
    if (unit === 'month') {
      const date = monthEnd(r.y, r.m + (next ? 1 : 0));
      return { date, reading: `the last day of ${when} ${after}` };
    }
    if (unit === 'quarter') {
      const date = monthEnd(r.y, Math.ceil(r.m / 3) * 3 + (next ? 3 : 0));
      return { date, reading: `the last day of ${when} ${after}` };
    }
    if (unit === 'year')
      return { date: `${r.y + (next ? 1 : 0)}-12-31`, reading: `the last day of ${when} ${after}` };
    // A week ends, for work, on its Friday (ISO weeks start on Monday).
    const monday = addDays(ref, -((weekday(ref) + 6) % 7));
    return { date: addDays(monday, 4 + (next ? 7 : 0)), reading: `the Friday of ${when} ${after}` };
  }

  m = /^(?:next |this |on )?([a-z]{3,9})$/.exec(s);
  const day = m ? WEEKDAYS.indexOf(m[1]!.slice(0, 3)) : -1;
  if (m && day !== -1 && WEEKDAY_NAMES[day]!.toLowerCase().startsWith(m[1]!)) {
    const ahead = (day - weekday(ref) + 7) % 7 || 7;
    return {
      date: addDays(ref, ahead),
      reading: `the first ${WEEKDAY_NAMES[day]} after the post-mortem's date ${ref}`,
    };
  }

  m = /^(?:in |within )?(\d{1,3}) ?(day|week|month)s?(?: time)?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!;
    const date =
      unit === 'day'
        ? addDays(ref, n)
        : unit === 'week'
          ? addDays(ref, 7 * n)
          : (() => {
              const end = monthEnd(r.y, r.m + n);
              const same = `${end.slice(0, 8)}${pad(r.d)}`;
              return same <= end ? same : end;
            })();
    return {
      date,
      reading: `${n} ${unit}${n === 1 ? '' : 's'} after the post-mortem's date ${ref}`,
    };
  }
  return null;
}
