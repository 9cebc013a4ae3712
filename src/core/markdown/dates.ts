import * as chrono from 'chrono-node';

/** The result of reading one date phrase. */
export type DateParse =
  | { kind: 'date'; date: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'vague'; raw: string }
  | { kind: 'invalid'; raw: string };

/** How numeric dates are read: `auto` refuses to guess between day-first and month-first. */
export type DateOrder = 'auto' | 'DMY' | 'MDY';

/** Options of {@link parseDate}. */
export interface DateParseOptions {
  order?: DateOrder;
  /** `YYYY-MM-DD` used to supply the year of year-less dates. */
  reference?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_RE = new RegExp(`\\b${MONTH_WORD}\\b`, 'i');

const VAGUE_RE =
  /\b(?:q[1-4]|h[12]|quarter|sprint|release|soon|asap|tbd|tbc|eo[mqwy]|end of (?:the )?(?:day|week|month|quarter|year|sprint)|next (?:week|month|quarter|year|sprint|release)|this (?:week|month|quarter|year|sprint)|immediate(?:ly)?|short[- ]term|medium[- ]term|mid[- ]term|long[- ]term|ongoing|later|future)\b/i;

/** Zero-pads and joins a calendar day; no validation. */
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when y-m-d is a real calendar day. */
export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

/** Supplies a year for a year-less day: the reference year, or the next one when that would be over half a year before the reference. */
function withReferenceYear(m: number, d: number, reference: string | undefined): string | null {
  const ref = reference && /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference);
  if (!ref) return null;
  let y = Number(ref[1]);
  const refTime = Date.UTC(y, Number(ref[2]) - 1, Number(ref[3]));
  if (Date.UTC(y, m - 1, d) < refTime - 183 * 86_400_000) y += 1;
  else if (Date.UTC(y, m - 1, d) > refTime + 183 * 86_400_000) y -= 1;
  return isValidDay(y, m, d) ? iso(y, m, d) : null;
}

function numericDate(
  a: number,
  b: number,
  y: number | null,
  order: DateOrder,
  reference: string | undefined,
  raw: string,
): DateParse {
  const build = (m: number, d: number): string | null => {
    if (y === null) return withReferenceYear(m, d, reference);
    return isValidDay(y, m, d) ? iso(y, m, d) : null;
  };
  const dmy = a <= 31 && b <= 12 ? build(b, a) : null;
  const mdy = a <= 12 && b <= 31 ? build(a, b) : null;
  if (order === 'DMY') return dmy ? { kind: 'date', date: dmy } : { kind: 'invalid', raw };
  if (order === 'MDY') return mdy ? { kind: 'date', date: mdy } : { kind: 'invalid', raw };
  if (dmy && mdy && dmy !== mdy) return { kind: 'ambiguous', candidates: [dmy, mdy] };
  const only = dmy ?? mdy;
  if (only) return { kind: 'date', date: only };
  if (y === null && !reference) return { kind: 'vague', raw };
  return { kind: 'invalid', raw };
}

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const YMON_RE = new RegExp(`^(\\d{4})[-/ ](${MONTH_WORD})[-/ ](\\d{1,2})(?!\\d)`, 'i');
const DMONY_RE = new RegExp(`^(\\d{1,2})[-/ ](${MONTH_WORD})[-/ ](\\d{4})(?!\\d)`, 'i');
const NUM3_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
const NUM2_RE = /^(\d{1,2})[-/](\d{1,2})$/;

/** Reads a date phrase as a calendar day, an ambiguity, a vague period, or an invalid date. */
export function parseDate(raw: string, opts: DateParseOptions = {}): DateParse {
  const order = opts.order ?? 'auto';
  // Cap the work on adversarial input: a date phrase is short.
  const text = raw
    .slice(0, 200)
    .replace(/[`*_[\]]/g, '')
    .replace(/^[~≈(\s]+/, '')
    .replace(/(?<![)\s.,;:])[)\s.,;:]+$/, '')
    .trim();
  if (text === '') return { kind: 'invalid', raw };

  let m = ISO_RE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? { kind: 'date', date: iso(y, mo, d) } : { kind: 'invalid', raw };
  }
  m = YMON_RE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[3])];
    return isValidDay(y, mo, d) ? { kind: 'date', date: iso(y, mo, d) } : { kind: 'invalid', raw };
  }
  m = DMONY_RE.exec(text);
  if (m) {
    const [d, mo, y] = [Number(m[1]), MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[3])];
    return isValidDay(y, mo, d) ? { kind: 'date', date: iso(y, mo, d) } : { kind: 'invalid', raw };
  }
  m = NUM3_RE.exec(text);
  if (m)
    return numericDate(Number(m[1]), Number(m[3]), fullYear(m[4]!), order, opts.reference, raw);
  m = NUM2_RE.exec(text);
  if (m) return numericDate(Number(m[1]), Number(m[2]), null, order, opts.reference, raw);

  if (MONTH_RE.test(text)) {
    const word = wordDate(text, opts.reference);
    if (word) return word;
  }
  if (VAGUE_RE.test(text)) return { kind: 'vague', raw };
  if (/\d/.test(text)) return { kind: 'invalid', raw };
  return { kind: 'vague', raw };
}

/** Dates written with a month name, through chrono held to its strict parser. */
function wordDate(text: string, reference: string | undefined): DateParse | null {
  const cleaned = text
    .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/gi, '$1')
    .replace(/\bthur\b/gi, 'thu')
    .replace(/\btues\b/gi, 'tue')
    .replace(/\bweds\b/gi, 'wed');
  const refDate =
    reference && /^\d{4}-\d{2}-\d{2}$/.test(reference)
      ? new Date(`${reference}T12:00:00Z`)
      : new Date(Date.UTC(2000, 0, 1));
  let results: chrono.ParsedResult[];
  try {
    results = chrono.strict.parse(
      cleaned,
      { instant: refDate, timezone: 0 },
      { forwardDate: false },
    );
  } catch {
    return null;
  }
  const r = results[0];
  if (!r || r.index > 4) return null;
  if (!r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  const mo = r.start.get('month') ?? 0;
  const d = r.start.get('day') ?? 0;
  if (r.start.isCertain('year')) {
    const y = r.start.get('year') ?? 0;
    return isValidDay(y, mo, d)
      ? { kind: 'date', date: iso(y, mo, d) }
      : { kind: 'invalid', raw: text };
  }
  if (!reference) return { kind: 'vague', raw: text };
  const withYear = withReferenceYear(mo, d, reference);
  return withYear ? { kind: 'date', date: withYear } : { kind: 'invalid', raw: text };
}

const DATE_TOKEN_RE = new RegExp(
  [
    '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)',
    `\\d{4}[-/ ]${MONTH_WORD}[-/ ]\\d{1,2}(?!\\d)`,
    `\\d{1,2}[-/ ]${MONTH_WORD}[-/ ]\\d{4}(?!\\d)`,
    '\\d{1,2}([-/.])\\d{1,2}\\1(?:\\d{4}|\\d{2})(?![\\d:])',
    `(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*,?\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_WORD}\\.?,?\\s+\\d{4}`,
    `${MONTH_WORD}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  ].join('|'),
  'i',
);

/** Where a date sits in a longer text: its raw span and index. */
export interface FoundDate {
  raw: string;
  index: number;
  parse: DateParse;
}

/** Finds the first date written with a year inside a longer text (titles, metadata values). */
export function findDate(text: string, opts: DateParseOptions = {}): FoundDate | null {
  const slice = text.length > 2000 ? text.slice(0, 2000) : text;
  // Cheap pre-filter: every date form has a digit.
  if (!/\d/.test(slice)) return null;
  const m = new RegExp(`(?<![\\w/.-])(?:${DATE_TOKEN_RE.source})`, 'i').exec(slice);
  if (!m) return null;
  return { raw: m[0], index: m.index, parse: parseDate(m[0], opts) };
}

/** A time of day as written at the start of a timeline entry. */
export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  /** Zone as written (`UTC`, `PST`, `UTC+1`), or null. */
  zone: string | null;
}

const TIME_RE =
  /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|(\d{2}))?\s*(?!\s)([ap]\.?m\.?)?(?:\s*\(?((?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|z|[a-z]{1,4}t)\)?)?$/i;

/** Reads a time of day (`14:02`, `1738`, `11:39AM`, `14:17 PM`, `9:00 UTC`); null when it is not one. */
export function parseTimeOfDay(raw: string): TimeOfDay | null {
  const text = raw
    .slice(0, 60)
    .replace(/^[~≈\s[(]+/, '')
    .replace(/(?<![)\]\s])[)\]\s]+$/, '')
    .trim();
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const hasColon = m[2] !== undefined;
  const compact = m[4] !== undefined;
  const ampm = m[5]?.toLowerCase().replace(/\./g, '');
  if (!hasColon && !compact && !ampm) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[4] ?? 0);
  const second = Number(m[3] ?? 0);
  if (ampm) {
    // `14:17 PM` is written in the field: the 24-hour part wins.
    if (hour > 12) {
      /* keep */
    } else if (ampm === 'pm' && hour < 12) hour += 12;
    else if (ampm === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[6] ? m[6].replace(/\s+/g, '').toUpperCase() : null;
  return { hour, minute, second, zone };
}

const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  CET: 60,
  CEST: 120,
  BST: 60,
  IST: 330,
  NZST: 720,
  NZDT: 780,
  AEST: 600,
  AEDT: 660,
  JST: 540,
  WET: 0,
  WEST: 60,
  EET: 120,
  EEST: 180,
};
const ZONE_IANA: Record<string, string> = {
  PT: 'America/Los_Angeles',
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
};

/** True when a zone abbreviation or IANA name is one this module can resolve. */
export function isKnownZone(zone: string): boolean {
  const z = zone.toUpperCase();
  return (
    z in ZONE_OFFSETS ||
    z in ZONE_IANA ||
    /^(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?$/.test(z) ||
    ianaOffset(zone, 0) !== null
  );
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function ianaOffset(timeZone: string, utcMs: number): number | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  if (!f) return null;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** Offset in minutes of a zone at a wall-clock time, or null when the zone is unknown. */
function zoneOffset(zone: string, wallUtcMs: number): number | null {
  const z = zone.toUpperCase();
  if (z in ZONE_OFFSETS) return ZONE_OFFSETS[z]!;
  const m = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const iana = ZONE_IANA[z] ?? zone;
  const first = ianaOffset(iana, wallUtcMs);
  if (first === null) return null;
  const second = ianaOffset(iana, wallUtcMs - first * 60_000);
  return second ?? first;
}

/** Resolves a calendar day and time of day in a zone to an ISO instant (`2026-03-04T14:02:00Z`), or null. */
export function toInstant(date: string, time: TimeOfDay, defaultZone = 'UTC'): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const wall = Date.UTC(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    time.hour,
    time.minute,
    time.second,
  );
  const offset = zoneOffset(time.zone ?? defaultZone, wall);
  if (offset === null) return null;
  return new Date(wall - offset * 60_000).toISOString().replace('.000Z', 'Z');
}

/** Reads a duration as written (`0h 37m`, `~24h40m`, `~17d`, `1415 minutes`, `~3 days`) into minutes, or null. */
export function parseDurationMinutes(raw: string): number | null {
  const text = raw.slice(0, 200).toLowerCase();
  const re =
    /(?<!\d)(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|w|weeks?)(?![a-z])/g;
  let total = 0;
  let found = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    const unit = m[2]![0];
    found = true;
    if (unit === 'w') total += n * 7 * 1440;
    else if (unit === 'd') total += n * 1440;
    else if (unit === 'h') total += n * 60;
    else if (unit === 'm') total += n;
    else total += n / 60;
  }
  if (!found) {
    const hm = /^\s*~?(\d{1,3}):(\d{2})\s*$/.exec(text);
    if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
    return null;
  }
  return Math.round(total);
}
