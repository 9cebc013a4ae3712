import type { Config } from '../config/schema.js';
import { addDays } from '../text/calendar-date.js';
import { severityKey } from '../text/severity-key.js';

/** An item's due date after applying the per-severity default. */
export interface ResolvedDue {
  /** `YYYY-MM-DD`, or null when neither written nor defaultable. */
  date: string | null;
  /** True when `date` came from `defaultDueDays`. */
  defaulted: boolean;
  /** Days after the incident used for the default, when defaulted. */
  defaultDays: number | null;
  /** The due phrase as written when it is not a single day (`Q2 2024`), else null. */
  vague: string | null;
}

/**
 * Resolves an item's due date: as written, else the incident date plus `defaultDueDays[severity]`.
 * A vague due phrase (`Q2 2024`) is kept as written and not replaced by a default.
 */
export function resolveDueDate(
  item: { due: string | null; dueRaw: string | null },
  incident: { incidentDate: string | null; severity: string | null },
  defaultDueDays: Config['defaultDueDays'],
): ResolvedDue {
  if (item.due !== null)
    return { date: item.due, defaulted: false, defaultDays: null, vague: null };
  if (item.dueRaw !== null && item.dueRaw.trim() !== '') {
    return { date: null, defaulted: false, defaultDays: null, vague: item.dueRaw.trim() };
  }
  if (incident.incidentDate === null || incident.severity === null) {
    return { date: null, defaulted: false, defaultDays: null, vague: null };
  }
  const wanted = severityKey(incident.severity);
  const entry = Object.entries(defaultDueDays).find(([key]) => severityKey(key) === wanted);
  if (!entry) return { date: null, defaulted: false, defaultDays: null, vague: null };
  return {
    date: addDays(incident.incidentDate, entry[1]),
    defaulted: true,
    defaultDays: entry[1],
    vague: null,
  };
}
