import type { Config } from '../config/schema.js';
import type { IssueRecord } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { analyseActionItems } from './analyse-action-items.js';
import { analyseHygiene } from './analyse-hygiene.js';
import { analyseRecurrence } from './analyse-recurrence.js';
import { analyseResponse } from './analyse-response.js';
import { addDays } from '../text/calendar-date.js';
import type { Digest } from './digest-model.js';
import { digestWeek } from './iso-week.js';
import { incidentRef, resolveItems } from './resolve-items.js';

/** What the digest analysis needs; everything is handed in. */
export interface DigestInput {
  postmortems: readonly Postmortem[];
  /** Tracked issues (carrying the tool label); empty when offline. */
  issues: readonly IssueRecord[];
  config: Config;
  now: Date;
  /** Date each post-mortem landed, by path, when the host knows it (first commit). */
  landedDates?: Readonly<Record<string, string>>;
}

/** Computes the whole weekly digest from parsed post-mortems and tracked issues; pure. */
export function analyseDigest(input: DigestInput): Digest {
  const { config, now } = input;
  const d = config.digest;
  const week = digestWeek(now, d.timeZone);
  const today = week.today;
  const items = resolveItems(input.postmortems, input.issues, config);
  const windowFrom = addDays(today, -d.windowDays);

  const bySeverity = new Map<string, number>();
  for (const pm of input.postmortems) {
    const ref = incidentRef(pm);
    if (ref.date === null || ref.date < windowFrom || ref.date > today) continue;
    const sev = ref.severity ?? 'unknown';
    bySeverity.set(sev, (bySeverity.get(sev) ?? 0) + 1);
  }
  const response = analyseResponse(input.postmortems, {
    from: windowFrom,
    to: today,
    previousFrom: addDays(windowFrom, -d.windowDays),
    targets: d.targets,
    severityScale: config.severityScale,
  });
  const scaleOrder = response.map((r) => r.severity);

  return {
    week: week.label,
    today,
    timeZone: d.timeZone,
    generatedAt: now.toISOString(),
    windowDays: d.windowDays,
    recurrenceWindowDays: d.windowDays,
    recurrenceLookbackDays: d.recurrenceLookbackDays,
    postmortems: input.postmortems.length,
    statusSource: items.some((i) => i.statusSource === 'issue') ? 'issues' : 'markdown',
    trackedIssues: input.issues.length,
    items: analyseActionItems(items, { today, dueSoonDays: d.dueSoonDays }),
    recurrence: analyseRecurrence(input.postmortems, items, {
      today,
      windowDays: d.windowDays,
      lookbackDays: d.recurrenceLookbackDays,
      similarityThreshold: d.similarityThreshold,
      ignoreTags: d.ignoreTags,
      minSignals: d.minSignals,
      strongSimilarity: d.strongSimilarity,
    }),
    incidentsBySeverity: [...bySeverity]
      .map(([severity, count]) => ({ severity, count }))
      .sort(
        (a, b) =>
          scaleOrder.indexOf(a.severity) - scaleOrder.indexOf(b.severity) ||
          a.severity.localeCompare(b.severity),
      ),
    response,
    hygiene: analyseHygiene(input.postmortems, items, {
      from: windowFrom,
      to: today,
      severeSeverities: config.severityScale.slice(0, 2),
      maxBusinessDays: 5,
      ...(input.landedDates ? { landedDates: input.landedDates } : {}),
    }),
  };
}
