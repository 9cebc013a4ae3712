import {
  parseDate,
  parseTimeOfDay,
  type DateParse,
  type DateParseOptions,
  type TimeOfDay,
} from './dates.js';

/** The timestamp at the start of a timeline line, split from the event text. */
export interface TimelineLead {
  /** The date and time as written. */
  time: string;
  /** The event text after the timestamp and its separator. */
  rest: string;
  /** The entry's own date, when it writes one. */
  date: DateParse | null;
  /** The time of day, when it writes one. */
  timeOfDay: TimeOfDay | null;
  /** True when the time is written but unknown (`--:--`, `X`, `[The morning]`). */
  vagueTime: boolean;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?\\s+)?';
const DATE_LEAD = [
  '\\d{4}-\\d{1,2}-\\d{1,2}',
  `\\d{4}-${MONTH}-\\d{1,2}`,
  '\\d{1,2}[-/.]\\d{1,2}(?:[-/.]\\d{2,4})?(?=[\\s,T\\]:)]|$)',
  `\\d{1,2}[-/ ]${MONTH}(?:[-/ ,]+\\d{4})?`,
  `${WEEKDAY}\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?`,
  `${WEEKDAY}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
].join('|');
const ZONE =
  '(?:\\(?(?:UTC|GMT)(?:\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?)?\\)?|Z|\\(?(?:[PMCE][SD]T|[PMCE]T|AKST|AKDT|HST|JST|KST|SGT|MSK|CEST|NZST|NZDT|AEST|AEDT|IST|BST|CET|EEST|EET|WEST|WET)\\)?)';
const TIME_LEAD = `(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?\\s?(?:[ap]\\.?m\\.?)?|\\d{1,2}\\s?[ap]\\.?m\\.?|\\d{4}(?=\\s*(?:[-–—:|]|\\s(?:UTC|GMT|[PMCE][SD]?T|[A-Z]{2,3}ST|[A-Z]{2,3}DT)\\b|$))|--:--|X(?=\\s*[:-]))(?:\\s?${ZONE}(?![A-Za-z]))?`;

const LEAD_RE = new RegExp(
  `^[\\s*_\`~≈[(>]{0,6}(?:(${DATE_LEAD})(?:\\s*(?:,|T|at|@|-(?=\\s*\\d{1,2}:))?\\s*(?:~\\s?)?))?(${TIME_LEAD})?[\\s*_\`\\])]{0,6}(?:\\([^)\\n]{1,40}\\)\\s*)?(?:\\s*[-–—:|]+\\s*|\\s+|$)`,
  'i',
);

/**
 * Splits `2025-05-05T20:06:00Z — text`, `**17:02 UTC** - text`, `[18:27] text`, `1324 : text`,
 * `Jan 27th 2025, 18:50:28 UTC text` into timestamp and text; null when the line does not start with one.
 */
export function splitTimelineLead(line: string, opts: DateParseOptions = {}): TimelineLead | null {
  const text = line.length > 500 ? line.slice(0, 500) : line;
  // `Day 2 — 30 Oct`: the day number is a label; the date after it is the lead.
  const numbered = DAY_NUMBER_RE.exec(text);
  if (numbered) {
    const lead = splitLead(`${numbered[1] ?? ''}${text.slice(numbered[0].length)}`, opts);
    return lead?.date ? lead : null;
  }
  const lead = splitLead(text, opts);
  // `30 Oct (Day 2)`: a trailing day number leaves a bare day marker.
  if (lead?.date && !lead.timeOfDay && DAY_NUMBER_REST_RE.test(lead.rest)) lead.rest = '';
  return lead;
}

const DAY_NUMBER_RE = /^([\s*_`]{0,4})day\s?\d{1,2}\s*(?:[-–—:,|]+\s*|\(\s*(?=[^)\n]{1,40}\)))/i;
const DAY_NUMBER_REST_RE = /^[([]?\s*day\s?\d{1,2}\s*[)\]]?$/i;

function splitLead(text: string, opts: DateParseOptions): TimelineLead | null {
  if (!/^[\s*_`~≈[(>]{0,6}[\dA-Za-z-]/.test(text)) return null;
  const bracketVague = /^\s*\[([^\]\n]{1,30})\]\s*(.*)$/s.exec(text);
  const m = LEAD_RE.exec(text);
  if (!m || (!m[1] && !m[2])) {
    if (
      bracketVague?.[1] &&
      /\b(?:morning|afternoon|evening|night|noon|midday|later|earlier|unknown)\b/i.test(
        bracketVague[1],
      )
    ) {
      return {
        time: bracketVague[1],
        rest: (bracketVague[2] ?? '').trim(),
        date: null,
        timeOfDay: null,
        vagueTime: true,
      };
    }
    return null;
  }
  const dateRaw = m[1] ?? null;
  const timeRaw = m[2] ?? null;
  // A bare number like `2019` or `100` followed by text is not a time.
  if (!dateRaw && timeRaw && /^\d{4}$/.test(timeRaw.trim())) {
    const n = Number(timeRaw);
    if (Math.floor(n / 100) > 23 || n % 100 > 59) return null;
  }
  const date = dateRaw ? parseDate(dateRaw, opts) : null;
  if (date && date.kind === 'invalid' && !timeRaw) return null;
  const timeOfDay = timeRaw ? parseTimeOfDay(timeRaw.replace(/[()]/g, ' ').trim()) : null;
  const vagueTime = timeRaw !== null && timeOfDay === null;
  if (timeRaw && !timeOfDay && !/^(?:--:--|X)$/.test(timeRaw.trim()) && !dateRaw) return null;
  const time = text
    .slice(0, m[0].length)
    .replace(/^[\s*_`~≈[(>]+/, '')
    .replace(/(?<![\s*_`\])\-–—:|])[\s*_`\])\-–—:|]+$/, '')
    .trim();
  return { time, rest: text.slice(m[0].length).trim(), date, timeOfDay, vagueTime };
}
