import type { IssueRecord } from '../ports/port.js';
import type { DesiredIssue } from './desired-issue.js';
import { parseMarker, type ItemMarker } from './marker.js';

/** An issue the tool created, with its parsed marker. */
export interface TrackedIssue {
  issue: IssueRecord;
  marker: ItemMarker;
}

/** A further issue carrying the marker of an item whose oldest (lowest-numbered) issue is `kept`. */
export interface DuplicateIssue extends TrackedIssue {
  kept: TrackedIssue;
}

/** A wanted item and the tool issue that tracks it, if any. */
export interface IssueMatch {
  desired: DesiredIssue;
  tracked: TrackedIssue | null;
  /** True when the issue was found by title similarity after the item's id changed. */
  adopted: boolean;
}

/** How desired items and existing issues pair up. */
export interface IssueMatching {
  matches: IssueMatch[];
  /** Items whose id already appeared earlier in the run. */
  duplicateItems: DesiredIssue[];
  /** Issues carrying the marker of an id whose lowest-numbered issue is the item's issue. */
  duplicateIssues: DuplicateIssue[];
  /** Tool issues whose item is gone. */
  orphans: TrackedIssue[];
}

/** Options of {@link matchIssues}. */
export interface MatchOptions {
  /** Title similarity, 0..1, used only to re-find an issue after its item's id changed. */
  similarity?: (a: string, b: string) => number;
  /** Minimum similarity to adopt an orphan issue (default 0.8). */
  similarityThreshold?: number;
  /**
   * The login the tool opens issues as: only issues it opened are matched, so an issue a person
   * filed with a copied marker is never updated, adopted or closed. Absent or null: any author
   * (only for plans that are not applied).
   */
  toolLogin?: string | null;
}

function closedAsDuplicate(issue: IssueRecord): boolean {
  return issue.state === 'closed' && issue.stateReason === 'duplicate';
}

/** Whether `issue` was opened by `login` (case-insensitive); any issue when `login` is absent or null. */
export function openedBy(issue: IssueRecord, login: string | null | undefined): boolean {
  if (login === undefined || login === null) return true;
  return typeof issue.author === 'string' && issue.author.toLowerCase() === login.toLowerCase();
}

/** The key issues are matched on: the item id, never the title. */
export function identityKey(id: string): string {
  return id;
}

/**
 * Pairs desired items with tool issues by the marker's item id. Issues without a marker, or opened
 * by anyone but `toolLogin`, are not considered at all. When an item has no issue, an orphan issue of the same file whose title is
 * highly similar is adopted (its id changed, e.g. after a large rewording), and then orphans of
 * files that no longer have items are adopted by near-identical items of other files (a rename).
 */
export function matchIssues(
  desired: readonly DesiredIssue[],
  existing: readonly IssueRecord[],
  options: MatchOptions = {},
): IssueMatching {
  const byKey = new Map<string, TrackedIssue>();
  const duplicateIssues: DuplicateIssue[] = [];
  // The oldest issue is the item's; one closed as a duplicate (by a person who kept a newer one,
  // or by an earlier run) only when every issue of the item is.
  const order = (i: IssueRecord): number => (closedAsDuplicate(i) ? 1 : 0);
  for (const issue of [...existing].sort((a, b) => order(a) - order(b) || a.number - b.number)) {
    if (!openedBy(issue, options.toolLogin)) continue;
    const marker = parseMarker(issue.body);
    if (marker === null) continue;
    const key = identityKey(marker.id);
    const kept = byKey.get(key);
    // Issue numbers only grow, so every run, whatever it saw, keeps the same (oldest) issue.
    if (kept) duplicateIssues.push({ issue, marker, kept });
    else byKey.set(key, { issue, marker });
  }

  const seen = new Set<string>();
  const duplicateItems: DesiredIssue[] = [];
  const matches: IssueMatch[] = [];
  for (const d of desired) {
    const key = identityKey(d.id);
    if (seen.has(key)) {
      duplicateItems.push(d);
      continue;
    }
    seen.add(key);
    matches.push({ desired: d, tracked: byKey.get(key) ?? null, adopted: false });
  }

  const orphans = new Map<number, TrackedIssue>();
  for (const [key, tracked] of byKey)
    if (!seen.has(key)) orphans.set(tracked.issue.number, tracked);

  const similarity = options.similarity;
  if (similarity && orphans.size > 0) {
    const threshold = options.similarityThreshold ?? 0.8;
    adopt(
      matches,
      orphans,
      similarity,
      threshold,
      (orphan, match) => orphan.marker.path === match.desired.path,
    );
    // A renamed or moved post-mortem changes every id of its items (the id carries the file stem):
    // orphans of a file that no longer has any item go to near-identical items of another file, so
    // a rename updates the issues instead of closing and re-creating them.
    const livePaths = new Set(matches.map((m) => m.desired.path));
    adopt(
      matches,
      orphans,
      similarity,
      Math.max(threshold, MOVED_FILE_THRESHOLD),
      (orphan) => !livePaths.has(orphan.marker.path),
    );
  }
  return { matches, duplicateItems, duplicateIssues, orphans: [...orphans.values()] };
}

/** Gives each unmatched item the most similar eligible orphan at or above `threshold`. */
function adopt(
  matches: IssueMatch[],
  orphans: Map<number, TrackedIssue>,
  similarity: (a: string, b: string) => number,
  threshold: number,
  eligible: (orphan: TrackedIssue, match: IssueMatch) => boolean,
): void {
  for (const match of matches) {
    if (match.tracked !== null || match.desired.tracker?.kind === 'issue') continue;
    let best: TrackedIssue | null = null;
    let bestScore = 0;
    for (const orphan of orphans.values()) {
      if (!eligible(orphan, match)) continue;
      const score = similarity(orphan.issue.title, match.desired.title);
      if (score >= threshold && (best === null || score > bestScore)) {
        best = orphan;
        bestScore = score;
      }
    }
    if (best !== null) {
      match.tracked = best;
      match.adopted = true;
      orphans.delete(best.issue.number);
    }
  }
}

/** Across files only near-identical titles are taken for the same item. */
const MOVED_FILE_THRESHOLD = 0.9;
