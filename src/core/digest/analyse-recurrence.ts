import type { Postmortem } from '../model/index.js';
import { addDays, daysBetween } from '../text/calendar-date.js';
import { openOn } from './analyse-action-items.js';
import type { DigestItem, IncidentRef, RecurrenceBasis, RecurrenceGroup } from './digest-model.js';
import { incidentRef } from './resolve-items.js';
import { cosine, tfIdfVectors } from './tf-idf.js';

/** Options of {@link analyseRecurrence}. */
export interface RecurrenceOptions {
  /** Local date of the digest, `YYYY-MM-DD`; incidents dated later are ignored. */
  today: string;
  /** Two incidents of the same class at most this many days apart are a recurrence. */
  windowDays: number;
  /** A group is reported when its latest incident lies within this many days before `today`. */
  lookbackDays: number;
  /** Cosine similarity at or above which two incidents are the same class. */
  similarityThreshold: number;
  /** Tags that do not group incidents (compared ignoring case); none by default. */
  ignoreTags?: readonly string[];
}

interface Candidate {
  pm: Postmortem;
  ref: IncidentRef & { date: string };
}

function norm(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Splits date-ordered members into runs in which each incident follows the previous one within
 * `windowDays`: a class that comes back after a longer quiet spell starts a new run.
 */
function recurrenceRuns(
  members: readonly number[],
  candidates: readonly Candidate[],
  windowDays: number,
): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const m of members) {
    const last = run.at(-1);
    if (
      last !== undefined &&
      daysBetween(candidates[last]!.ref.date, candidates[m]!.ref.date) > windowDays
    ) {
      runs.push(run);
      run = [];
    }
    run.push(m);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Groups of textually similar incidents by leader clustering in date order: an incident joins the
 * group whose first incident it is most similar to (at or above the threshold) and whose latest
 * incident is at most `windowDays` earlier, else starts one. Unlike connected components, this does
 * not chain A~B~C into one class when A and C share nothing.
 */
function similarityGroups(
  candidates: readonly Candidate[],
  threshold: number,
  windowDays: number,
): { members: number[]; terms: string[] }[] {
  const vectors = tfIdfVectors(
    candidates.map((c) => `${c.pm.title ?? ''} ${c.pm.rootCause ?? ''}`),
  );
  const groups: number[][] = [];
  for (let i = 0; i < vectors.length; i++) {
    if (vectors[i]!.size === 0) continue;
    let best: number[] | null = null;
    let bestScore = threshold;
    for (const g of groups) {
      const gap = daysBetween(candidates[g.at(-1)!]!.ref.date, candidates[i]!.ref.date);
      if (gap > windowDays) continue;
      const score = cosine(vectors[g[0]!]!, vectors[i]!);
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) best.push(i);
    else groups.push([i]);
  }
  return groups
    .filter((members) => members.length > 1)
    .map((members) => {
      // Name the group by the terms its members share that weigh most.
      const weight = new Map<string, number>();
      for (const m of members)
        for (const [w, x] of vectors[m]!) weight.set(w, (weight.get(w) ?? 0) + x);
      const shared = [...weight].filter(
        ([w]) => members.filter((m) => vectors[m]!.has(w)).length > 1,
      );
      const terms = (shared.length > 0 ? shared : [...weight])
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([w]) => w);
      return { members, terms };
    });
}

/**
 * Incidents of the same class — by shared service or tag (`ignoreTags` aside), by root-cause
 * category, and by TF-IDF cosine of title + root cause — each at most `windowDays` after the
 * previous one of its group, for groups whose latest incident lies in the lookback; each flagged
 * where an incident recurred while action items of an earlier incident of the group were still
 * open at the later one's date.
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

  const lookbackFrom = addDays(options.today, -options.lookbackDays);
  const raw: { basis: RecurrenceBasis; key: string; members: number[] }[] = [];
  const push = (basis: RecurrenceBasis, key: string, members: readonly number[]): void => {
    for (const run of recurrenceRuns(members, candidates, options.windowDays))
      if (run.length > 1 && candidates[run.at(-1)!]!.ref.date >= lookbackFrom)
        raw.push({ basis, key, members: run });
  };
  const byValue = (basis: RecurrenceBasis, values: (pm: Postmortem) => readonly string[]): void => {
    const index = new Map<string, { label: string; members: number[] }>();
    candidates.forEach((c, i) => {
      for (const v of new Set(
        values(c.pm)
          .map((x) => x.trim())
          .filter(Boolean),
      )) {
        const k = norm(v);
        const entry = index.get(k);
        if (entry) {
          if (entry.members.at(-1) !== i) entry.members.push(i);
        } else index.set(k, { label: v, members: [i] });
      }
    });
    for (const { label, members } of index.values()) push(basis, label, members);
  };
  byValue('service', (pm) => pm.services);
  const ignoredTags = new Set((options.ignoreTags ?? []).map(norm));
  byValue('tag', (pm) => pm.tags.filter((t) => !ignoredTags.has(norm(t))));
  byValue('rootCauseCategory', (pm) => (pm.rootCauseCategory ? [pm.rootCauseCategory] : []));
  for (const { members, terms } of similarityGroups(
    candidates,
    options.similarityThreshold,
    options.windowDays,
  ))
    push('similarity', terms.join(', '), members);

  const itemsByPath = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = itemsByPath.get(item.path);
    if (list) list.push(item);
    else itemsByPath.set(item.path, [item]);
  }

  const order: Record<RecurrenceBasis, number> = {
    rootCauseCategory: 0,
    service: 1,
    tag: 2,
    similarity: 3,
  };
  // The same incidents grouped on several grounds form one group that names every ground.
  const merged = new Map<
    string,
    {
      basis: RecurrenceBasis;
      key: string;
      members: number[];
      also: { basis: RecurrenceBasis; key: string }[];
    }
  >();
  for (const g of [...raw].sort(
    (a, b) => order[a.basis] - order[b.basis] || a.key.localeCompare(b.key),
  )) {
    const id = g.members.join(',');
    const existing = merged.get(id);
    if (existing) existing.also.push({ basis: g.basis, key: g.key });
    else merged.set(id, { ...g, also: [] });
  }
  return [...merged.values()]
    .map(({ basis, key, members, also }): RecurrenceGroup => {
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
      return { basis, key, also, incidents: group.map((c) => c.ref), recurredWhileOpen };
    })
    .sort(
      (a, b) =>
        Number(b.recurredWhileOpen.length > 0) - Number(a.recurredWhileOpen.length > 0) ||
        b.incidents.length - a.incidents.length ||
        order[a.basis] - order[b.basis] ||
        a.key.localeCompare(b.key),
    );
}
