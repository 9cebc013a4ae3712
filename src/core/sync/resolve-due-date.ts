import type { Config } from '../config/schema.js';
import { addDays, isCalendarDate } from '../text/calendar-date.js';
import { severityKey } from '../text/severity-key.js';
import { readVagueDue } from './read-vague-due.js';

/** An item's due date after reading vague phrases and applying the per-severity default. */
export interface ResolvedDue {
  /** `YYYY-MM-DD`, or null when neither written, readable nor defaultable. */
  date: string | null;
  /** True when `date` came from `defaultDueDays`. */
  defaulted: boolean;
  /** Days after the incident used for the default, when defaulted. */
  defaultDays: number | null;
  /** The due phrase as written when it is not a single day (`Q2 2024`), else null. */
  vague: string | null;
  /** How the vague phrase was read into `date` ("the last day of Q2 2024"), else null. */
  reading: string | null;
}

function byDefault(
  incident: { incidentDate: string | null; severity: string | null },
  defaultDueDays: Config['defaultDueDays'],
  vague: string | null,
): ResolvedDue {
  const none = { date: null, defaulted: false, defaultDays: null, vague, reading: null };
  if (incident.incidentDate === null || incident.severity === null) return none;
  const wanted = severityKey(incident.severity);
  const entry = Object.entries(defaultDueDays).find(([key]) => severityKey(key) === wanted);
  if (!entry) return none;
  return {
    date: addDays(incident.incidentDate, entry[1]),
    defaulted: true,
    defaultDays: entry[1],
    vague,
    reading: null,
  };
}

/**
 * Resolves an item's due date: as written; else a vague phrase read against the post-mortem's
 * date (its published date, else the incident date: "Q3 2026" → 2026-09-30, "next Friday" → the
 * first Friday after); else — nothing written, or a phrase naming no day ("ASAP", "next sprint")
 * — the incident date plus `defaultDueDays[severity]`, the phrase kept as written.
 */
export function resolveDueDate(
  item: { due: string | null; dueRaw: string | null },
  incident: { incidentDate: string | null; severity: string | null; publishedDate?: string | null },
  defaultDueDays: Config['defaultDueDays'],
): ResolvedDue {
  if (item.due !== null)
    return { date: item.due, defaulted: false, defaultDays: null, vague: null, reading: null };
  const phrase = item.dueRaw?.trim() ?? '';
  if (phrase === '') return byDefault(incident, defaultDueDays, null);
  const ref = isCalendarDate(incident.publishedDate)
    ? incident.publishedDate
    : isCalendarDate(incident.incidentDate)
      ? incident.incidentDate
      : null;
  const read = ref === null ? null : readVagueDue(phrase, ref);
  if (read)
    return {
      date: read.date,
      defaulted: false,
      defaultDays: null,
      vague: phrase,
      reading: read.reading,
    };
  return byDefault(incident, defaultDueDays, phrase);
}
