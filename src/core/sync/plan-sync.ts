import type { Config } from '../config/schema.js';
import type { IssuePatch, IssueRecord, LabelSpec } from '../ports/port.js';
import { isGitHubHandle } from '../markdown/owners.js';
import type { DesiredIssue } from './desired-issue.js';
import { isManagedLabel, labelSpecs } from './label-specs.js';
import { replaceMarker, type ItemMarker } from './marker.js';
import {
  matchIssues,
  type IssueMatch,
  type MatchOptions,
  type TrackedIssue,
} from './match-issues.js';
import { normaliseBody, normaliseTitle } from './normalise-body.js';
import { capOpenIssues } from './cap-open-issues.js';
import { closingComment } from './closing-comment.js';
import { planDuplicate } from './plan-duplicate.js';
import { renderLinkedComment, renderRemovalComment } from './render-issue-body.js';
import type { IssueOperation } from './sync-operation.js';
import type { UnassignedOwner } from './unassigned-owner.js';
import {
  sameNamesCaseInsensitive,
  uniqueCaseInsensitive,
} from '../text/unique-case-insensitive.js';

/** What planning needs besides the desired and existing issues; everything already fetched. */
export interface PlanContext extends MatchOptions {
  config: Config;
  /** Names of the labels that exist in the repository. */
  repoLabels: readonly string[];
  /** Assignability of the logins {@link assigneesToCheck} asked for, keyed by lower-case login. */
  assignable: ReadonlyMap<string, boolean>;
  /** Whether an orphan issue's post-mortem was in scope and read, so its item really is gone. */
  isRemovable: (path: string) => boolean;
  /** Issues that already carry the tool's closing comment (from an interrupted earlier run). */
  closingCommented?: ReadonlySet<number>;
  /** Most open tracked issues the repository may have after the plan (default `config.sync.maxOpenIssues`). */
  maxOpenIssues?: number;
}

/**
 * Plans the writes that make GitHub match the post-mortems: pure, deterministic, and empty of
 * writes when nothing changed. Issues without the tool's marker never appear in the plan. Extra
 * open issues of one item are closed as duplicates of its oldest, and no create takes the
 * repository past `maxOpenIssues` open tracked issues.
 */
export function planSync(
  desired: readonly DesiredIssue[],
  existing: readonly IssueRecord[],
  ctx: PlanContext,
): IssueOperation[] {
  const matching = matchIssues(desired, existing, ctx);
  const ops: IssueOperation[] = [];
  for (const match of matching.matches) ops.push(...planItem(match, ctx));
  for (const d of matching.duplicateItems) {
    ops.push({
      kind: 'skip',
      id: d.id,
      path: d.path,
      number: null,
      reason: 'duplicate-id',
      detail: `line ${d.line} repeats an item id`,
    });
  }
  for (const orphan of matching.orphans.sort((a, b) => a.issue.number - b.issue.number))
    ops.push(...planOrphan(orphan, ctx));
  const live = new Set(matching.matches.map((m) => m.desired.id));
  for (const dup of matching.duplicateIssues)
    ops.push(
      ...planDuplicate(
        dup,
        live.has(dup.marker.id) || ctx.isRemovable(dup.marker.path),
        ctx.closingCommented,
      ),
    );
  const capped = capOpenIssues(ops, matching, ctx.maxOpenIssues ?? ctx.config.sync.maxOpenIssues);
  return [...labelOperations(capped, ctx), ...capped];
}

/** Logins whose assignability planning needs: owners of items to create or whose owner changed. */
export function assigneesToCheck(
  desired: readonly DesiredIssue[],
  existing: readonly IssueRecord[],
  options: MatchOptions = {},
): string[] {
  const logins = new Set<string>();
  for (const match of matchIssues(desired, existing, options).matches) {
    const d = match.desired;
    if (d.assignee === null || d.status !== 'open') continue;
    if (match.tracked === null ? needsCreate(d, null) : ownerChanged(match))
      logins.add(d.assignee.toLowerCase());
  }
  return [...logins].sort();
}

function needsCreate(d: DesiredIssue, tracked: TrackedIssue | null): boolean {
  return tracked === null && d.status === 'open' && d.tracker === null;
}

function ownerChanged(match: IssueMatch): boolean {
  if (match.tracked === null) return false;
  if (match.adopted) return match.tracked.marker.owner !== match.desired.owner;
  // Markers written before owners were recorded: treat the owner as unchanged.
  return (
    match.tracked.marker.owner !== undefined && match.tracked.marker.owner !== match.desired.owner
  );
}

function planItem(match: IssueMatch, ctx: PlanContext): IssueOperation[] {
  const d = match.desired;
  const tracked = match.tracked;
  const base = { id: d.id, path: d.path };
  if (d.tracker?.kind === 'issue' && d.tracker.number !== tracked?.issue.number) {
    const link: IssueOperation = { kind: 'link', ...base, number: d.tracker.number };
    if (tracked === null || tracked.issue.state === 'closed') return [link];
    // The item now links another issue: close ours so the work is tracked once.
    return [
      ...closingComment(
        tracked,
        renderLinkedComment(d.path, d.id, d.tracker.number),
        ctx.closingCommented,
      ),
      {
        kind: 'close',
        ...base,
        number: tracked.issue.number,
        reason: 'not_planned',
        patch: {
          state: 'closed',
          stateReason: 'not_planned',
          body: replaceMarker(tracked.issue.body, { ...tracked.marker, status: 'linked' }),
        },
        changes: [`now tracked in #${d.tracker.number}`],
      },
      link,
    ];
  }
  if (tracked === null) {
    if (d.tracker?.kind === 'external') {
      return [
        {
          kind: 'skip',
          ...base,
          number: null,
          reason: 'tracked-externally',
          detail: `tracked in ${d.tracker.ref}`,
        },
      ];
    }
    if (d.status === 'done') {
      return [
        {
          kind: 'skip',
          ...base,
          number: null,
          reason: 'done-untracked',
          detail: 'done before it was tracked: no issue created',
        },
      ];
    }
    const { assignees, notes, unassigned } = assigneesFor(d, [], null, ctx);
    return [
      {
        kind: 'create',
        ...base,
        line: d.line,
        issue: { title: d.title, body: d.body, labels: d.labels, assignees },
        notes,
        ...(unassigned ? { unassigned } : {}),
      },
    ];
  }

  const issue = tracked.issue;
  const { patch, changes, notes, unassigned } = contentPatch(match, ctx);
  const owner = unassigned ? { unassigned } : {};
  const number = issue.number;
  if (issue.state === 'open' && d.status === 'done') {
    if (tracked.marker.status === 'done' && !match.adopted)
      return keepStateSetOnGitHub(
        match,
        ctx,
        'reopened-on-github',
        `#${number} was reopened on GitHub while the item is marked done`,
      );
    return [
      {
        kind: 'close',
        ...base,
        number,
        reason: 'completed',
        patch: { ...patch, state: 'closed', stateReason: 'completed' },
        changes: ['item done', ...changes],
      },
    ];
  }
  if (issue.state === 'closed' && d.status === 'open') {
    const closedByTool =
      tracked.marker.status === 'done' ||
      tracked.marker.status === 'removed' ||
      tracked.marker.status === 'linked';
    if (!closedByTool && !match.adopted)
      return keepStateSetOnGitHub(
        match,
        ctx,
        'closed-on-github',
        `#${number} was closed on GitHub while the item is still open`,
      );
    return [
      {
        kind: 'reopen',
        ...base,
        number,
        patch: { ...patch, state: 'open', stateReason: 'reopened' },
        changes: ['item open again', ...changes],
        notes,
        ...owner,
      },
    ];
  }
  if (Object.keys(patch).length === 0)
    return [{ kind: 'skip', ...base, number, reason: 'up-to-date', detail: '' }];
  return [{ kind: 'update', ...base, number, patch, changes, notes, ...owner }];
}

function contentPatch(
  match: IssueMatch,
  ctx: PlanContext,
): { patch: IssuePatch; changes: string[]; notes: string[]; unassigned: UnassignedOwner | null } {
  const d = match.desired;
  const { issue, marker } = match.tracked as TrackedIssue;
  const patch: IssuePatch = {};
  const changes: string[] = [];
  if (match.adopted) changes.push(`item id changed from ${marker.id}`);
  if (normaliseTitle(issue.title) !== normaliseTitle(d.title)) {
    patch.title = d.title;
    changes.push('title');
  }
  if (normaliseBody(issue.body) !== normaliseBody(d.body)) {
    patch.body = d.body;
    changes.push('body');
  }
  const kept = issue.labels.filter((l) => !isManagedLabel(ctx.config, l));
  const labels = uniqueCaseInsensitive([...kept, ...d.labels]);
  if (!sameNamesCaseInsensitive(labels, issue.labels)) {
    patch.labels = labels;
    changes.push(hasToolLabel(issue, ctx) ? 'labels' : 'labels (tool label restored)');
  }
  let notes: string[] = [];
  let unassigned: UnassignedOwner | null = null;
  if (ownerChanged(match)) {
    const previous = previousLogin(marker);
    const result = assigneesFor(d, issue.assignees, previous, ctx);
    notes = result.notes;
    unassigned = result.unassigned;
    if (!sameNamesCaseInsensitive(result.assignees, issue.assignees)) {
      patch.assignees = result.assignees;
      changes.push('assignees');
    }
  }
  return { patch, changes, notes, unassigned };
}

/**
 * Someone opened or closed the issue on GitHub against the item: sync does not fight people. It
 * only puts the tool label back when the issue lost it, so later runs find it by the label again.
 */
function keepStateSetOnGitHub(
  match: IssueMatch,
  ctx: PlanContext,
  reason: 'closed-on-github' | 'reopened-on-github',
  detail: string,
): IssueOperation[] {
  const { id, path } = match.desired;
  const { issue } = match.tracked as TrackedIssue;
  const skip: IssueOperation = { kind: 'skip', id, path, number: issue.number, reason, detail };
  if (hasToolLabel(issue, ctx)) return [skip];
  const labels = [...issue.labels, ctx.config.labels.tool];
  const restore: IssueOperation = {
    kind: 'update',
    id,
    path,
    number: issue.number,
    patch: { labels },
    changes: ['tool label restored'],
    notes: [],
  };
  return [restore, skip];
}

function hasToolLabel(issue: IssueRecord, ctx: PlanContext): boolean {
  const tool = ctx.config.labels.tool.toLowerCase();
  return issue.labels.some((l) => l.toLowerCase() === tool);
}

function assigneesFor(
  d: DesiredIssue,
  current: readonly string[],
  previous: string | null,
  ctx: PlanContext,
): { assignees: string[]; notes: string[]; unassigned: UnassignedOwner | null } {
  const kept = current.filter(
    (login) => previous === null || login.toLowerCase() !== previous.toLowerCase(),
  );
  const none = { assignees: kept, notes: [], unassigned: null };
  if (!ctx.config.sync.assignOwners || d.status !== 'open') return none;
  const item = { id: d.id, path: d.path, line: d.line, owner: d.owner ?? '' };
  if (d.ownerKind === 'team') {
    const reason = `owner ${d.owner ?? ''} is a team: mentioned in the body, not assigned`;
    return {
      ...none,
      notes: [reason],
      unassigned: { ...item, cause: 'team', reason, team: true },
    };
  }
  if (d.ownerKind === 'name') {
    const reason = `owner "${d.owner ?? ''}" is not a GitHub login: not assigned`;
    return {
      ...none,
      notes: [reason],
      unassigned: { ...item, cause: 'not-a-login', reason, team: false },
    };
  }
  if (d.ownerKind === 'none') return { ...none, notes: ['no owner'] };
  if (d.assignee === null) return none;
  if (ctx.assignable.get(d.assignee.toLowerCase()) !== true) {
    const reason = `owner @${d.assignee} cannot be assigned in this repository: mentioned in the body instead`;
    return {
      ...none,
      notes: [reason],
      unassigned: { ...item, cause: 'not-assignable', reason, team: false },
    };
  }
  return { assignees: uniqueCaseInsensitive([...kept, d.assignee]), notes: [], unassigned: null };
}

function planOrphan(orphan: TrackedIssue, ctx: PlanContext): IssueOperation[] {
  const { issue, marker } = orphan;
  if (issue.state === 'closed') return [];
  const base = { id: marker.id, path: marker.path, number: issue.number };
  if (!ctx.isRemovable(marker.path)) {
    return [
      {
        kind: 'skip',
        ...base,
        reason: 'out-of-scope',
        detail: `${marker.path} is outside the configured paths or unreadable: issue left open`,
      },
    ];
  }
  const labels = issue.labels.filter(
    (l) =>
      ctx.config.labels.overdue === '' ||
      l.toLowerCase() !== ctx.config.labels.overdue.toLowerCase(),
  );
  const patch: IssuePatch = {
    state: 'closed',
    stateReason: 'not_planned',
    body: replaceMarker(issue.body, { ...marker, status: 'removed' }),
  };
  if (labels.length !== issue.labels.length) patch.labels = labels;
  return [
    ...closingComment(orphan, renderRemovalComment(marker.path, marker.id), ctx.closingCommented),
    {
      kind: 'close',
      ...base,
      reason: 'not_planned',
      patch,
      changes: ['item removed from the post-mortem'],
    },
  ];
}

function labelOperations(ops: readonly IssueOperation[], ctx: PlanContext): IssueOperation[] {
  const present = new Set(ctx.repoLabels.map((l) => l.toLowerCase()));
  const specs = new Map(labelSpecs(ctx.config).map((s) => [s.name.toLowerCase(), s]));
  const missing = new Map<string, LabelSpec>();
  for (const op of ops) {
    const names =
      op.kind === 'create' ? op.issue.labels : 'patch' in op ? (op.patch.labels ?? []) : [];
    for (const name of names) {
      const key = name.toLowerCase();
      // Labels people put on the issue exist already; only the tool's own may be missing.
      if (present.has(key) || missing.has(key) || !isManagedLabel(ctx.config, name)) continue;
      missing.set(
        key,
        specs.get(key) ?? { name, color: 'ededed', description: 'Post-mortem action item' },
      );
    }
  }
  return [...missing.values()].map((label) => ({ kind: 'create-label', label }));
}

function previousLogin(marker: ItemMarker): string | null {
  const owner = marker.owner;
  if (typeof owner !== 'string' || !isGitHubHandle(owner) || owner.includes('/')) return null;
  return owner.slice(1);
}
