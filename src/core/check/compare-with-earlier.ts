import type { Config } from '../config/schema.js';
import {
  comparePair,
  recurrenceText,
  type RecurrenceSignal,
} from '../digest/analyse-recurrence.js';
import type { IncidentRef } from '../digest/digest-model.js';
import { incidentRef, resolveItems } from '../digest/resolve-items.js';
import { tfIdfVectors } from '../digest/tf-idf.js';
import type { IssueRecord } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { isUnread } from '../read/unread-postmortem.js';
import { severityKey } from '../text/severity-key.js';

/** Most earlier incidents named per new post-mortem, the closest first. */
const MAX_PER_FILE = 3;

/** One action item of an earlier incident and its state today. */
export interface EarlierItem {
  title: string;
  state: 'open' | 'overdue' | 'done';
  /** Where the state came from: the tracked issue, or the markdown (no issue, or issues unreadable). */
  source: 'issue' | 'markdown';
  issue: { number: number; url: string } | null;
  due: string | null;
}

/** A post-mortem of the pull request that resembles one already in the repository. */
export interface Resemblance {
  /** The new post-mortem and the line of its title (where the notice goes). */
  file: string;
  line: number;
  incident: IncidentRef;
  earlier: IncidentRef;
  /** Why they matched, in the recurrence rule's terms. */
  signals: RecurrenceSignal[];
  items: EarlierItem[];
  /** What the check makes of it: a notice, or a warning or error under `check.recurrence`. */
  level: 'notice' | 'warning' | 'error';
}

/** What {@link compareWithEarlier} needs. */
export interface EarlierComparisonInput {
  /** The post-mortems the pull request adds or changes, parsed. */
  added: readonly Postmortem[];
  /** The post-mortems already in the repository (those of `added` paths are left out). */
  earlier: readonly Postmortem[];
  /** Tracked issues when the token can read them (an issue's state decides its item's), else null. */
  issues: readonly IssueRecord[] | null;
  config: Config;
  /** Local date of the check, `YYYY-MM-DD`: items due before it and open are overdue. */
  today: string;
}

const PHRASE: Record<RecurrenceSignal['basis'], string> = {
  service: 'same service',
  tag: 'same tag',
  rootCauseCategory: 'same root-cause category',
  similarity: 'similar wording',
};

/** "same service `checkout`, similar wording (pool, config)". */
export function describeSignals(signals: readonly RecurrenceSignal[]): string {
  return signals
    .map((s) =>
      s.basis === 'similarity'
        ? `${PHRASE.similarity} (${s.key})`
        : `${PHRASE[s.basis]} \`${s.key.replace(/`/g, "'")}\``,
    )
    .join(', ');
}

/** "2 of its 3 action items are still open, 1 overdue." */
export function describeItems(items: readonly EarlierItem[]): string {
  if (items.length === 0) return 'It listed no action items.';
  const open = items.filter((i) => i.state !== 'done').length;
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const of = `${items.length} action item${items.length === 1 ? '' : 's'}`;
  if (open === 0) return items.length === 1 ? 'Its action item is done.' : `All ${of} are done.`;
  return `${open} of its ${of} ${open === 1 ? 'is' : 'are'} still open${overdue > 0 ? `, ${overdue} overdue` : ''}.`;
}

/** The one-line notice on the new post-mortem's title. */
export function resemblanceMessage(r: Resemblance): string {
  const when = [r.earlier.date, r.earlier.severity].filter((x) => x !== null).join(', ');
  return `Resembles *${r.earlier.title}*${when ? ` (${when})` : ''}: ${describeSignals(r.signals)}. ${describeItems(r.items)}`;
}

function levelOf(
  incident: IncidentRef,
  items: readonly EarlierItem[],
  check: Config['check'],
): Resemblance['level'] {
  if (check.recurrence === 'notice' || check.recurrence === 'off') return 'notice';
  if (!items.some((i) => i.state !== 'done')) return 'notice';
  const severities = check.recurrenceSeverities.map((s) => severityKey(s));
  if (
    severities.length > 0 &&
    (incident.severity === null || !severities.includes(incident.severity))
  )
    return 'notice';
  return check.recurrence;
}

/**
 * Compares each post-mortem of a pull request with those already in the repository under the
 * digest's recurrence rule (two independent signals, or strongly similar wording) and returns, per
 * new post-mortem, the closest earlier incidents with the state of their action items — from their
 * tracked issues when given (an issue closed in GitHub is done, ticked or not), else from the
 * markdown. A resemblance is a notice unless `check.recurrence` raises it for a recurrence while
 * the earlier items are open; pure.
 */
export function compareWithEarlier(input: EarlierComparisonInput): Resemblance[] {
  const { config } = input;
  if (config.check.recurrence === 'off') return [];
  const addedPaths = new Set(input.added.map((pm) => pm.path));
  const added = input.added.filter((pm) => !isUnread(pm));
  const earlier = input.earlier.filter((pm) => !addedPaths.has(pm.path) && !isUnread(pm));
  if (added.length === 0 || earlier.length === 0) return [];
  const all = [...earlier, ...added];
  const vectors = tfIdfVectors(all.map(recurrenceText));
  const items = resolveItems(earlier, input.issues ?? [], config);
  const rule = {
    similarityThreshold: config.digest.similarityThreshold,
    ignoreTags: config.digest.ignoreTags,
    minSignals: config.digest.minSignals,
    strongSimilarity: config.digest.strongSimilarity,
  };
  const out: Resemblance[] = [];
  added.forEach((pm, k) => {
    const v = vectors[earlier.length + k]!;
    const incident = incidentRef(pm);
    const matches = earlier
      .map((other, j) => ({ other, cmp: comparePair(other, pm, vectors[j]!, v, rule) }))
      .filter(({ other, cmp }) => {
        if (!cmp.related) return false;
        // Only incidents before this one (or undated) can be what recurred.
        const date = incidentRef(other).date;
        return incident.date === null || date === null || date <= incident.date;
      })
      .sort(
        (a, b) =>
          b.cmp.signals.length - a.cmp.signals.length ||
          b.cmp.similarity - a.cmp.similarity ||
          a.other.path.localeCompare(b.other.path),
      )
      .slice(0, MAX_PER_FILE);
    for (const { other, cmp } of matches) {
      const earlierItems: EarlierItem[] = items
        .filter((i) => i.path === other.path)
        .map((i) => ({
          title: i.title,
          state:
            i.status === 'done'
              ? 'done'
              : i.due !== null && i.due < input.today
                ? 'overdue'
                : 'open',
          source: i.statusSource,
          issue: i.issue,
          due: i.due,
        }));
      out.push({
        file: pm.path,
        line: incident.line,
        incident,
        earlier: incidentRef(other),
        signals: cmp.signals,
        items: earlierItems,
        level: levelOf(incident, earlierItems, config.check),
      });
    }
  });
  return out;
}
