import type { Postmortem } from '../model/index.js';
import { businessDaysBetween } from './business-days.js';
import { isCalendarDate } from '../text/calendar-date.js';
import type { DigestItem, Hygiene, IncidentRef } from './digest-model.js';
import { itemRow } from './item-row.js';
import { incidentRef } from './resolve-items.js';
import { severityKey } from '../text/severity-key.js';

/** Options of {@link analyseHygiene}. */
export interface HygieneOptions {
  /** Incidents dated in `[from, to]` are checked for a late post-mortem. */
  from: string;
  to: string;
  /** Severities whose post-mortems must land promptly (SEV1, SEV2). */
  severeSeverities: readonly string[];
  /** Business days allowed between incident and post-mortem (5). */
  maxBusinessDays: number;
  /** Date each post-mortem landed (e.g. its first commit), by path; falls back to the published date. */
  landedDates?: Readonly<Record<string, string>>;
}

/** Severe incidents whose post-mortem landed late, and open items without an owner or a due date. */
export function analyseHygiene(
  postmortems: readonly Postmortem[],
  items: readonly DigestItem[],
  options: HygieneOptions,
): Hygiene {
  const severe = new Set(options.severeSeverities.map(severityKey));
  const latePostmortems: Hygiene['latePostmortems'] = [];
  const landingUnknown: IncidentRef[] = [];
  for (const pm of postmortems) {
    const ref = incidentRef(pm);
    if (
      ref.date === null ||
      ref.date < options.from ||
      ref.date > options.to ||
      !severe.has(ref.severity)
    )
      continue;
    const landed = options.landedDates?.[pm.path] ?? pm.publishedDate;
    if (!isCalendarDate(landed)) {
      landingUnknown.push(ref);
      continue;
    }
    const businessDays = businessDaysBetween(ref.date, landed);
    if (businessDays > options.maxBusinessDays)
      latePostmortems.push({ incident: ref, landed, businessDays });
  }
  latePostmortems.sort(
    (a, b) => b.businessDays - a.businessDays || a.incident.path.localeCompare(b.incident.path),
  );

  const incompleteItems: Hygiene['incompleteItems'] = [];
  for (const item of items) {
    if (item.status !== 'open') continue;
    const missing: ('owner' | 'due')[] = [];
    if (!item.owner) missing.push('owner');
    if (!item.dueWritten) missing.push('due');
    if (missing.length === 0) continue;
    incompleteItems.push({
      row: itemRow(item, 0),
      missing,
    });
  }
  // Newest incidents first: their items are the ones a team can still complete.
  incompleteItems.sort(
    (a, b) =>
      (b.row.incident.date ?? '').localeCompare(a.row.incident.date ?? '') ||
      a.row.key.localeCompare(b.row.key),
  );
  return {
    latePostmortems,
    landingUnknown,
    maxBusinessDays: options.maxBusinessDays,
    incompleteItems,
  };
}
