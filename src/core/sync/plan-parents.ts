import type { IssueCreate, IssuePatch, IssueRecord, RepoRef } from '../ports/port.js';
import { normaliseBody, normaliseTitle } from './normalise-body.js';
import { parseParentMarker, replaceParentMarker, type ParentStatus } from './parent-marker.js';
import { renderParentBody, renderParentTitle, type ParentFields } from './render-parent-body.js';
import type { PlanningOperation } from './sync-operation.js';

/** GitHub's limit on sub-issues per parent. */
export const MAX_SUB_ISSUES = 100;

/** An item's own issue, as parent planning needs it. */
export interface ChildIssue {
  id: string;
  path: string;
  /** Null for an issue a dry run would create. */
  number: number | null;
  /** The issue's database id (what `sub_issue_id` takes); null when not known yet. */
  issueId: number | null;
  /** The issue's current parent, or null. */
  parent: IssueRecord['parent'] | null;
  status: 'open' | 'done';
}

/** Options of {@link planParents}. */
export interface ParentOptions {
  repo: RepoRef;
  /** Close a parent once all its items are done (it reopens when one is open again). */
  closeWhenDone: boolean;
  /** Whether a post-mortem path missing from the run really was removed (in scope and read). */
  isRemovable: (path: string) => boolean;
  /** Labels a created parent carries (the tool label: later runs find it by it). */
  labels: string[];
}

/** The tool's parent issue of each post-mortem: the lowest-numbered one carrying its marker. */
export function findParents(existing: readonly IssueRecord[]): Map<string, IssueRecord> {
  const parents = new Map<string, IssueRecord>();
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    const marker = parseParentMarker(issue.body);
    if (marker !== null && !parents.has(marker.path)) parents.set(marker.path, issue);
  }
  return parents;
}

/**
 * Plans each post-mortem's parent issue: created once the post-mortem has an item issue, kept in
 * step (title, body), closed when its post-mortem is removed (or, if configured, when every item
 * is done), reopened when the tool closed it and it is wanted open again. A parent a person
 * closed stays closed.
 */
export function planParents(
  sources: readonly ParentFields[],
  children: readonly ChildIssue[],
  existing: readonly IssueRecord[],
  options: ParentOptions,
): PlanningOperation[] {
  const parents = findParents(existing);
  const ops: PlanningOperation[] = [];
  const present = new Set(sources.map((s) => s.path));
  for (const source of sources) {
    const own = children.filter((c) => c.path === source.path);
    const allDone = own.length > 0 && own.every((c) => c.status === 'done');
    const status: ParentStatus = allDone && options.closeWhenDone ? 'done' : 'open';
    const fields = { ...source, status };
    const title = renderParentTitle(fields);
    const body = renderParentBody(fields);
    const parent = parents.get(source.path);
    if (parent === undefined) {
      if (own.length > 0 && status === 'open')
        ops.push({
          kind: 'create-parent',
          path: source.path,
          issue: { title, body, labels: options.labels, assignees: [] } satisfies IssueCreate,
        });
      continue;
    }
    const patch: IssuePatch = {};
    const changes: string[] = [];
    if (normaliseTitle(parent.title) !== normaliseTitle(title)) {
      patch.title = title;
      changes.push('title');
    }
    const wasClosedByTool = parseParentMarker(parent.body)?.status !== 'open';
    if (status === 'done' && parent.state === 'open') {
      Object.assign(patch, { state: 'closed', stateReason: 'completed' });
      changes.push('all items done');
    } else if (status === 'open' && parent.state === 'closed') {
      if (!wasClosedByTool) continue; // a person closed it: sync does not fight people
      Object.assign(patch, { state: 'open', stateReason: 'reopened' });
      changes.push('items open again');
    }
    if (normaliseBody(parent.body) !== normaliseBody(body)) {
      patch.body = body;
      if (!changes.includes('all items done')) changes.push('body');
    }
    if (Object.keys(patch).length > 0)
      ops.push({ kind: 'update-parent', path: source.path, number: parent.number, patch, changes });
  }
  for (const [path, parent] of parents) {
    if (present.has(path) || parent.state === 'closed' || !options.isRemovable(path)) continue;
    const body = replaceParentMarker(parent.body, { path, status: 'removed' });
    ops.push({
      kind: 'update-parent',
      path,
      number: parent.number,
      patch: { state: 'closed', stateReason: 'not_planned', body },
      changes: ['post-mortem removed'],
    });
  }
  return ops;
}

/**
 * Plans the sub-issue links that make each item's issue a sub-issue of its post-mortem's parent
 * (`parents`: path → number, null for a parent a dry run would create). An issue already under
 * another parent stays there (one parent per issue; a person put it there); no parent gets more
 * than {@link MAX_SUB_ISSUES}.
 */
export function planSubIssues(
  children: readonly ChildIssue[],
  parents: ReadonlyMap<string, { number: number | null; subIssues: number }>,
  repo: RepoRef,
): PlanningOperation[] {
  const ops: PlanningOperation[] = [];
  const counts = new Map([...parents].map(([path, p]) => [path, p.subIssues]));
  for (const child of children) {
    const parent = parents.get(child.path);
    if (parent === undefined) continue;
    const current = child.parent;
    const base = { id: child.id, path: child.path };
    if (current !== null && current !== undefined) {
      const ours =
        parent.number !== null &&
        current.number === parent.number &&
        current.owner.toLowerCase() === repo.owner.toLowerCase() &&
        current.repo.toLowerCase() === repo.repo.toLowerCase();
      if (!ours)
        ops.push({
          kind: 'skip',
          ...base,
          number: child.number,
          reason: 'parent-elsewhere',
          detail: `already a sub-issue of ${current.owner}/${current.repo}#${current.number}: left there`,
        });
      continue;
    }
    const count = counts.get(child.path) ?? 0;
    if (count >= MAX_SUB_ISSUES) {
      ops.push({
        kind: 'skip',
        ...base,
        number: child.number,
        reason: 'sub-issue-limit',
        detail: `the parent issue has ${MAX_SUB_ISSUES} sub-issues, GitHub's limit`,
      });
      continue;
    }
    counts.set(child.path, count + 1);
    ops.push({
      kind: 'add-sub-issue',
      ...base,
      parent: parent.number,
      number: child.number,
      issueId: child.issueId,
    });
  }
  return ops;
}
