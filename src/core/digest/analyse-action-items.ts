import { addDays, daysBetween } from '../text/calendar-date.js';
import type { ActionItemStats, DigestItem, Rate, WeekPoint } from './digest-model.js';
import { isoWeek } from './iso-week.js';
import { itemRow } from './item-row.js';
import { percent, trend } from './stats.js';

/** Options of {@link analyseActionItems}. */
export interface ActionItemOptions {
  /** Local date of `now`, `YYYY-MM-DD`. */
  today: string;
  /** Items due within this many days from today are "due soon". */
  dueSoonDays: number;
  /** Window of the completion and on-time rates (90). */
  rateWindowDays?: number;
  /** How many of the oldest open items to list (10). */
  oldestCount?: number;
  /** Weeks in the open-vs-overdue series (8). */
  weeks?: number;
}

/** Whether the item was done by the end of `date` (markdown-done items without a closing date count as done). */
function doneBy(item: DigestItem, date: string): boolean {
  return item.status === 'done' && (item.closedOn === null || item.closedOn <= date);
}

/** Whether the item existed and was still open at the end of `date`. */
export function openOn(item: DigestItem, date: string): boolean {
  if (item.createdOn !== null && item.createdOn > date) return false;
  return !doneBy(item, date);
}

function rates(
  items: readonly DigestItem[],
  from: string,
  to: string,
): {
  completion: number | null;
  onTime: number | null;
  of: number;
  timed: number;
  unknown: number;
} {
  // Cohort: items that fell due in (from, to]; measured as of `to`.
  const cohort = items.filter((i) => i.due !== null && i.due > from && i.due <= to);
  const done = cohort.filter((i) => doneBy(i, to));
  const knownClosing = cohort.filter((i) => !(i.status === 'done' && i.closedOn === null));
  const unknown = cohort.length - knownClosing.length;
  const onTime = knownClosing.filter(
    (i) => i.closedOn !== null && i.closedOn <= to && i.closedOn <= i.due!,
  );
  // Done items of unknown closing date left out would bias the rate to 0% when the only dated
  // items are still-open ones: without any known closing among the done items, say nothing.
  const anyClosingKnown = cohort.some((i) => i.closedOn !== null);
  return {
    completion: percent(done.length, cohort.length),
    onTime: unknown > 0 && !anyClosingKnown ? null : percent(onTime.length, knownClosing.length),
    of: cohort.length,
    timed: knownClosing.length,
    unknown,
  };
}

function rate(current: number | null, previous: number | null, of: number, unknown = 0): Rate {
  return { value: current, previous, trend: trend(current, previous), of, unknown };
}

/** Open-item counts at the end of each of the last `weeks` ISO weeks (the current week counts today). */
export function weeklyOpenOverdue(
  items: readonly DigestItem[],
  today: string,
  weeks: number,
): WeekPoint[] {
  const points: WeekPoint[] = [];
  for (let back = weeks - 1; back >= 0; back--) {
    const w = isoWeek(addDays(today, -7 * back));
    const date = back === 0 ? today : w.sunday;
    let open = 0;
    let overdue = 0;
    for (const item of items) {
      if (!openOn(item, date)) continue;
      open++;
      if (item.due !== null && item.due < date) overdue++;
    }
    points.push({ week: w.label, date, open, overdue });
  }
  return points;
}

/** Overdue, due-soon, closed, late and oldest items; completion and on-time rates with their trend. */
export function analyseActionItems(
  items: readonly DigestItem[],
  options: ActionItemOptions,
): ActionItemStats {
  const { today, dueSoonDays } = options;
  const windowDays = options.rateWindowDays ?? 90;
  const open = items.filter((i) => i.status === 'open');

  const overdue = open
    .filter((i) => i.due !== null && i.due < today)
    .map((i) => itemRow(i, daysBetween(i.due!, today)))
    .sort((a, b) => b.days - a.days || a.key.localeCompare(b.key));
  const soonLimit = addDays(today, dueSoonDays);
  const dueSoon = open
    .filter((i) => i.due !== null && i.due >= today && i.due <= soonLimit)
    .map((i) => itemRow(i, daysBetween(today, i.due!)))
    .sort((a, b) => a.days - b.days || a.key.localeCompare(b.key));
  const weekAgo = addDays(today, -7);
  const closedThisWeek = items
    .filter((i) => i.closedOn !== null && i.closedOn > weekAgo && i.closedOn <= today)
    .map((i) => itemRow(i, i.due !== null ? daysBetween(i.due, i.closedOn!) : 0))
    .sort((a, b) => a.key.localeCompare(b.key));
  const windowStart = addDays(today, -windowDays);
  const closedLate = items
    .filter(
      (i) =>
        i.closedOn !== null &&
        i.due !== null &&
        i.closedOn > i.due &&
        i.closedOn > windowStart &&
        i.closedOn <= today,
    )
    .map((i) => itemRow(i, daysBetween(i.due!, i.closedOn!)))
    .sort((a, b) => b.days - a.days || a.key.localeCompare(b.key));

  const cur = rates(items, windowStart, today);
  const prev = rates(items, addDays(windowStart, -windowDays), windowStart);

  const owners = new Map<string | null, number>();
  for (const r of overdue) owners.set(r.owner, (owners.get(r.owner) ?? 0) + 1);
  const overdueByOwner = [...owners]
    .map(([owner, count]) => ({ owner, count }))
    .sort((a, b) => b.count - a.count || (a.owner ?? '~').localeCompare(b.owner ?? '~'));

  const oldestOpen = open
    .filter((i) => i.createdOn !== null && i.createdOn <= today)
    .map((i) => itemRow(i, daysBetween(i.createdOn!, today)))
    .sort((a, b) => b.days - a.days || a.key.localeCompare(b.key))
    .slice(0, options.oldestCount ?? 10);

  return {
    total: items.length,
    open: open.length,
    overdue,
    dueSoon,
    dueSoonDays,
    closedThisWeek,
    closedLate,
    completion: rate(cur.completion, prev.completion, cur.of),
    onTime: rate(cur.onTime, prev.onTime, cur.timed, cur.unknown),
    rateWindowDays: windowDays,
    overdueByOwner,
    oldestOpen,
    weekly: weeklyOpenOverdue(items, today, options.weeks ?? 8),
  };
}
