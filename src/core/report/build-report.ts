import { openOn, weeklyOpenOverdue } from '../digest/analyse-action-items.js';
import { analyseDigest, type DigestInput } from '../digest/analyse-digest.js';
import type { DigestItem } from '../digest/digest-model.js';
import { incidentRef, resolveItems } from '../digest/resolve-items.js';
import { isUnread } from '../read/unread-postmortem.js';
import { daysBetween } from '../text/calendar-date.js';
import {
  itemState,
  type ReportBreakdown,
  type ReportData,
  type ReportIncident,
  type ReportItem,
  type ReportPoint,
} from './report-model.js';

/** The longest items-over-time series, in weeks (two years). */
const MAX_WEEKS = 104;

function reportItem(item: DigestItem, today: string): ReportItem {
  return {
    key: item.key,
    title: item.title,
    line: item.line,
    owner: item.owner,
    due: item.due,
    dueVague: item.dueVague,
    ...(item.dueDisagreement ? { dueDisagreement: item.dueDisagreement } : {}),
    state: itemState(item, today),
    statusSource: item.statusSource,
    issue: item.issue,
    tracker: item.tracker,
  };
}

function series(items: readonly DigestItem[], today: string): ReportPoint[] {
  const first = items
    .map((i) => i.createdOn ?? i.incident.date)
    .filter((d): d is string => d !== null && d <= today)
    .sort()[0];
  const weeks =
    first === undefined ? 1 : Math.min(MAX_WEEKS, Math.floor(daysBetween(first, today) / 7) + 2);
  return weeklyOpenOverdue(items, today, weeks).map((p) => ({
    date: p.date,
    open: p.open,
    overdue: p.overdue,
    done: items.filter((i) => (i.createdOn === null || i.createdOn <= p.date) && !openOn(i, p.date))
      .length,
  }));
}

function breakdown(
  incidents: readonly ReportIncident[],
  names: (incident: ReportIncident, item: ReportItem | null) => readonly (string | null)[],
): ReportBreakdown[] {
  const rows = new Map<string | null, ReportBreakdown & { seen: Set<string> }>();
  const row = (name: string | null): ReportBreakdown & { seen: Set<string> } => {
    const key = name === null ? null : name.toLowerCase();
    let r = rows.get(key);
    if (!r) {
      r = { name, incidents: 0, open: 0, overdue: 0, done: 0, seen: new Set() };
      rows.set(key, r);
    }
    return r;
  };
  for (const incident of incidents) {
    for (const item of incident.items)
      for (const name of names(incident, item)) {
        const r = row(name);
        r[item.state]++;
        if (item.state === 'overdue') r.open++;
        if (!r.seen.has(incident.ref.path)) {
          r.seen.add(incident.ref.path);
          r.incidents++;
        }
      }
  }
  return [...rows.values()]
    .map((r): ReportBreakdown => ({
      name: r.name,
      incidents: r.incidents,
      open: r.open,
      overdue: r.overdue,
      done: r.done,
    }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.open - a.open ||
        (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'),
    );
}

/**
 * The dashboard's data: the weekly digest of the same input (so its headline figures are the
 * digest's), every incident with its items, the items over time and per-owner and per-service
 * breakdowns; pure.
 */
export function buildReport(input: DigestInput): ReportData {
  const postmortems = input.postmortems.filter((pm) => !isUnread(pm));
  const digest = analyseDigest({ ...input, postmortems });
  const today = digest.today;
  const items = resolveItems(postmortems, input.issues, input.config);
  const byPath = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = byPath.get(item.path);
    if (list) list.push(item);
    else byPath.set(item.path, [item]);
  }
  const incidents: ReportIncident[] = postmortems
    .map((pm) => ({
      ref: incidentRef(pm),
      services: [...pm.services],
      tags: [...pm.tags],
      items: (byPath.get(pm.path) ?? []).map((i) => reportItem(i, today)),
    }))
    .sort(
      (a, b) =>
        (b.ref.date ?? '').localeCompare(a.ref.date ?? '') || a.ref.path.localeCompare(b.ref.path),
    );
  return {
    digest,
    series: series(items, today),
    incidents,
    byOwner: breakdown(incidents, (_incident, item) => [item?.owner ?? null]),
    byService: breakdown(incidents, (incident) =>
      incident.services.length > 0 ? incident.services : [null],
    ),
  };
}
