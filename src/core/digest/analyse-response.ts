import type { Postmortem, TimelineEntry, TimelineKind } from '../model/index.js';
import type { ResponseMetric, ResponseMetricName, SeverityMetrics } from './digest-model.js';
import { incidentRef } from './resolve-items.js';
import { severityKey } from '../text/severity-key.js';
import { median, trend } from './stats.js';

/** Minutes of each response metric for one incident; null when its timeline lacks the points. */
export type IncidentTimes = Record<ResponseMetricName, number | null>;

function earliest(timeline: readonly TimelineEntry[], kind: TimelineKind): number | null {
  let best: number | null = null;
  for (const entry of timeline) {
    if (entry.kind !== kind || entry.at === null) continue;
    const t = Date.parse(entry.at);
    if (!Number.isNaN(t) && (best === null || t < best)) best = t;
  }
  return best;
}

function span(from: number | null, to: number | null): number | null {
  // A point before its predecessor is a timeline error, not a measurement.
  if (from === null || to === null || to < from) return null;
  return (to - from) / 60_000;
}

/** MTTD (start → detection), MTTA (detection → acknowledgement) and MTTR (start → resolution) of one incident, in minutes. */
export function incidentTimes(timeline: readonly TimelineEntry[]): IncidentTimes {
  const start = earliest(timeline, 'start');
  const detection = earliest(timeline, 'detection');
  const ack = earliest(timeline, 'acknowledgement');
  const resolution = earliest(timeline, 'resolution');
  return {
    mttd: span(start, detection),
    mtta: span(detection, ack),
    mttr: span(start, resolution),
  };
}

/** Options of {@link analyseResponse}. */
export interface ResponseOptions {
  /** Current window `[from, to]` and previous window `[previousFrom, from)`, all `YYYY-MM-DD`. */
  from: string;
  to: string;
  previousFrom: string;
  /** Target minutes per severity (keys compared case- and dash-insensitively). */
  targets: Record<string, { mttd: number; mtta: number; mttr: number }>;
  /** Severities listed first, in this order. */
  severityScale: readonly string[];
}

const METRICS: ResponseMetricName[] = ['mttd', 'mtta', 'mttr'];

/** Median MTTD/MTTA/MTTR per severity over the window, their trend against the previous window, and the target comparison. */
export function analyseResponse(
  postmortems: readonly Postmortem[],
  options: ResponseOptions,
): SeverityMetrics[] {
  const current = new Map<string, IncidentTimes[]>();
  const previous = new Map<string, IncidentTimes[]>();
  for (const pm of postmortems) {
    const ref = incidentRef(pm);
    if (ref.date === null) continue;
    const bucket =
      ref.date >= options.from && ref.date <= options.to
        ? current
        : ref.date >= options.previousFrom && ref.date < options.from
          ? previous
          : null;
    if (!bucket) continue;
    const sev = ref.severity ?? 'unknown';
    const list = bucket.get(sev);
    const times = incidentTimes(pm.timeline);
    if (list) list.push(times);
    else bucket.set(sev, [times]);
  }
  const targets = new Map(Object.entries(options.targets).map(([k, v]) => [severityKey(k), v]));
  const scale = options.severityScale.map((s) => severityKey(s));
  const rank = (s: string): number => {
    const i = scale.indexOf(s);
    return i === -1 ? scale.length + (s === 'unknown' ? 1 : 0) : i;
  };
  const severities = [...current.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  return severities.map((severity) => {
    const cur = current.get(severity) ?? [];
    const prev = previous.get(severity) ?? [];
    const target = targets.get(severity);
    const metric = (name: ResponseMetricName): ResponseMetric => {
      const values = cur.map((t) => t[name]).filter((v): v is number => v !== null);
      const m = median(values);
      const p = median(prev.map((t) => t[name]).filter((v): v is number => v !== null));
      const goal = target ? target[name] : null;
      return {
        median: m,
        previous: p,
        trend: trend(m, p),
        measured: values.length,
        unmeasured: cur.length - values.length,
        target: goal,
        met: m === null || goal === null ? null : m <= goal,
      };
    };
    const [mttd, mtta, mttr] = METRICS.map(metric) as [
      ResponseMetric,
      ResponseMetric,
      ResponseMetric,
    ];
    return { severity, incidents: cur.length, mttd, mtta, mttr };
  });
}
