import type { Postmortem } from '../model/index.js';
import { addDays, daysBetween } from '../text/calendar-date.js';
import { openOn } from './analyse-action-items.js';
import type { DigestItem, IncidentRef, RecurrenceBasis, RecurrenceGroup } from './digest-model.js';
import { incidentRef } from './resolve-items.js';
import { cosine, tfIdfVectors, type SparseVector } from './tf-idf.js';

/** Options of {@link analyseRecurrence}. */
export interface RecurrenceOptions {
  /** Local date of the digest, `YYYY-MM-DD`; incidents dated later are ignored. */
  today: string;
  /** Two incidents of the same class at most this many days apart are a recurrence. */
  windowDays: number;
  /** A group is reported when its latest incident lies within this many days before `today`. */
  lookbackDays: number;
  /** Cosine similarity of title + root cause at or above which the wording is "similar" (one signal). */
  similarityThreshold: number;
  /** Tags that do not group incidents (compared ignoring case); none by default. */
  ignoreTags?: readonly string[];
  /**
   * Independent signals (shared service, shared tag, same root-cause category, similar wording) two
   * incidents need to be the same class; 2 by default, 1 groups on any one of them.
   */
  minSignals?: number;
  /** Cosine at or above which the wording alone makes two incidents the same class (a strong signal); default 0.5. */
  strongSimilarity?: number;
}

/** The default number of independent signals a recurrence needs. */
export const DEFAULT_MIN_SIGNALS = 2;
/** The default cosine at which similar wording alone is enough. */
export const DEFAULT_STRONG_SIMILARITY = 0.5;

/** One matched signal between two incidents. */
export interface RecurrenceSignal {
  basis: RecurrenceBasis;
  /** The shared service, tag or category; for similarity, the shared top terms. */
  key: string;
}

/** How two incidents compare: the signals they share and the cosine of their wording. */
export interface PairComparison {
  signals: RecurrenceSignal[];
  similarity: number;
  /** Whether the pair meets the rule (enough signals, or strong wording). */
  related: boolean;
}

interface Candidate {
  pm: Postmortem;
  ref: IncidentRef & { date: string };
}

function norm(value: string): string {
  return value.trim().toLowerCase();
}

function shared(
  a: readonly string[],
  b: readonly string[],
  ignored: ReadonlySet<string>,
): string[] {
  const theirs = new Set(b.map(norm));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of a) {
    const k = norm(v);
    if (k === '' || ignored.has(k) || seen.has(k) || !theirs.has(k)) continue;
    seen.add(k);
    out.push(v.trim());
  }
  return out;
}

/** The text whose wording is compared: title and root cause (impact and factors measured worse, see bench/recurrence.ts). */
export function recurrenceText(pm: Postmortem): string {
  return `${pm.title ?? ''} ${pm.rootCause ?? ''}`;
}

/** The terms two vectors share that weigh most, at most three. */
function sharedTerms(a: SparseVector, b: SparseVector): string {
  return [...a]
    .filter(([w]) => b.has(w))
    .map(([w, x]) => [w, x * b.get(w)!] as const)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, 3)
    .map(([w]) => w)
    .join(', ');
}

/**
 * Compares two incidents: each shared service, shared tag (`ignoreTags` aside), the same
 * root-cause category and similar wording (cosine of `va` and `vb` at or above the threshold) is
 * one signal — services count once however many are shared, as do tags. The pair is related when
 * it has `minSignals` signals, or when its wording reaches `strongSimilarity`.
 */
export function comparePair(
  a: Postmortem,
  b: Postmortem,
  va: SparseVector,
  vb: SparseVector,
  options: Pick<
    RecurrenceOptions,
    'similarityThreshold' | 'ignoreTags' | 'minSignals' | 'strongSimilarity'
  >,
): PairComparison {
  const ignored = new Set((options.ignoreTags ?? []).map(norm));
  const signals: RecurrenceSignal[] = [];
  const services = shared(a.services, b.services, new Set());
  if (services.length > 0) signals.push({ basis: 'service', key: services.join(', ') });
  const category =
    a.rootCauseCategory !== null &&
    b.rootCauseCategory !== null &&
    norm(a.rootCauseCategory) !== '' &&
    norm(a.rootCauseCategory) === norm(b.rootCauseCategory)
      ? a.rootCauseCategory.trim()
      : null;
  if (category !== null) signals.push({ basis: 'rootCauseCategory', key: category });
  const tags = shared(a.tags, b.tags, ignored);
  if (tags.length > 0) signals.push({ basis: 'tag', key: tags.join(', ') });
  const similarity = cosine(va, vb);
  if (va.size > 0 && vb.size > 0 && similarity >= options.similarityThreshold)
    signals.push({ basis: 'similarity', key: sharedTerms(va, vb) });
  const min = options.minSignals ?? DEFAULT_MIN_SIGNALS;
  const strong = options.strongSimilarity ?? DEFAULT_STRONG_SIMILARITY;
  const related =
    signals.length > 0 &&
    (signals.length >= min || (va.size > 0 && vb.size > 0 && similarity >= strong));
  return { signals, similarity, related };
}

const ORDER: Record<RecurrenceBasis, number> = {
  rootCauseCategory: 0,
  service: 1,
  tag: 2,
  similarity: 3,
};

/**
 * Incidents of the same class, found by leader-less clustering in date order: an incident joins
 * the group holding the incident it is most strongly related to (most signals, then highest
 * cosine) when that group's latest incident is at most `windowDays` earlier, else starts one. Two
 * incidents are related when they share at least `minSignals` independent signals (service, tag,
 * root-cause category, similar wording) or their wording is strongly similar; a group names every
 * signal that joined it. Groups whose latest incident lies in the lookback are reported, each
 * flagged where an incident recurred while action items of an earlier incident of the group were
 * still open at the later one's date.
 */
export function analyseRecurrence(
  postmortems: readonly Postmortem[],
  items: readonly DigestItem[],
  options: RecurrenceOptions,
): RecurrenceGroup[] {
  const candidates: Candidate[] = [];
  for (const pm of postmortems) {
    const ref = incidentRef(pm);
    if (ref.date !== null && ref.date <= options.today)
      candidates.push({ pm, ref: { ...ref, date: ref.date } });
  }
  candidates.sort(
    (a, b) => a.ref.date.localeCompare(b.ref.date) || a.ref.path.localeCompare(b.ref.path),
  );
  const vectors = tfIdfVectors(candidates.map((c) => recurrenceText(c.pm)));

  const groups: { members: number[]; signals: RecurrenceSignal[] }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    let best: { group: (typeof groups)[number]; cmp: PairComparison } | null = null;
    for (const group of groups) {
      const gap = daysBetween(candidates[group.members.at(-1)!]!.ref.date, candidates[i]!.ref.date);
      if (gap > options.windowDays) continue;
      for (const m of group.members) {
        const cmp = comparePair(
          candidates[m]!.pm,
          candidates[i]!.pm,
          vectors[m]!,
          vectors[i]!,
          options,
        );
        if (!cmp.related) continue;
        if (
          best === null ||
          cmp.signals.length > best.cmp.signals.length ||
          (cmp.signals.length === best.cmp.signals.length && cmp.similarity > best.cmp.similarity)
        )
          best = { group, cmp };
      }
    }
    if (best === null) {
      groups.push({ members: [i], signals: [] });
      continue;
    }
    best.group.members.push(i);
    for (const s of best.cmp.signals)
      if (!best.group.signals.some((t) => t.basis === s.basis && norm(t.key) === norm(s.key)))
        best.group.signals.push(s);
  }

  const lookbackFrom = addDays(options.today, -options.lookbackDays);
  const raw = groups
    .filter((g) => g.members.length > 1 && candidates[g.members.at(-1)!]!.ref.date >= lookbackFrom)
    .map((g) => {
      const signals = [...g.signals].sort(
        (a, b) => ORDER[a.basis] - ORDER[b.basis] || a.key.localeCompare(b.key),
      );
      return { members: g.members, first: signals[0]!, also: signals.slice(1) };
    });

  const itemsByPath = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = itemsByPath.get(item.path);
    if (list) list.push(item);
    else itemsByPath.set(item.path, [item]);
  }

  return raw
    .map(({ members, first, also }): RecurrenceGroup => {
      const group = members.map((m) => candidates[m]!);
      const recurredWhileOpen: RecurrenceGroup['recurredWhileOpen'] = [];
      for (let j = 1; j < group.length; j++) {
        const later = group[j]!;
        // The most recent earlier incident whose items were still open names the failed follow-up.
        for (let i = j - 1; i >= 0; i--) {
          const earlier = group[i]!;
          if (earlier.ref.date >= later.ref.date) continue;
          const openItems = (itemsByPath.get(earlier.ref.path) ?? [])
            .filter((item) => openOn(item, later.ref.date))
            .map((item) => ({
              key: item.key,
              title: item.title,
              line: item.line,
              due: item.due,
              issue: item.issue,
              tracker: item.tracker,
            }));
          if (openItems.length > 0) {
            recurredWhileOpen.push({ incident: later.ref, earlier: earlier.ref, openItems });
            break;
          }
        }
      }
      return {
        basis: first.basis,
        key: first.key,
        also,
        incidents: group.map((c) => c.ref),
        recurredWhileOpen,
      };
    })
    .sort(
      (a, b) =>
        Number(b.recurredWhileOpen.length > 0) - Number(a.recurredWhileOpen.length > 0) ||
        b.incidents.length - a.incidents.length ||
        ORDER[a.basis] - ORDER[b.basis] ||
        a.key.localeCompare(b.key),
    );
}
