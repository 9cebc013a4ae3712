import type { Config } from '../config/schema.js';
import { httpStatus } from '../github/http-status.js';
import type { IssueRecord, IssuesPort } from '../github/port.js';
import { errorMessage } from '../text/error-message.js';
import type { ApplyResult } from './apply-sync.js';
import type { DesiredIssue } from './desired-issue.js';
import { planIssueFields, resolveIssueFields, type FieldTarget } from './plan-issue-fields.js';
import type { SyncOperation } from './sync-operation.js';

/** What {@link planPlanning} needs: the issue plan, what applying it did, and what was read. */
export interface PlanningInput {
  config: Config;
  desired: readonly DesiredIssue[];
  /** Severity as written, by post-mortem path. */
  severities: ReadonlyMap<string, string | null>;
  /** The issue plan and the result of applying it (or of its dry run). */
  plan: readonly SyncOperation[];
  result: ApplyResult;
  /** The issues the plan was made from, with the field values the listing reported. */
  existing: readonly IssueRecord[];
}

/** The planning writes of a run, the reads made to plan them, and one line for the log. */
export interface PlanningPlan {
  ops: SyncOperation[];
  reads: number;
  /** Null when the feature is off or no item has an issue. */
  note: string | null;
}

/**
 * Plans the GitHub-native planning writes that follow the issue plan: the organisation's issue
 * fields on every item's issue (its own number once created; null in a dry run). Reads the field
 * definitions once, and only when some item has an issue; an owner without issue fields, or a
 * token refused them, gives no write and one line saying so.
 */
export async function planPlanning(input: PlanningInput, port: IssuesPort): Promise<PlanningPlan> {
  const none: PlanningPlan = { ops: [], reads: 0, note: null };
  if (!input.config.planning.issueFields) return none;
  const targets = fieldTargets(input);
  if (targets.length === 0) return none;
  if (port.listIssueFields === undefined)
    return { ...none, note: 'issue fields: this host cannot read them; left as they are' };
  let defs;
  try {
    defs = await port.listIssueFields();
  } catch (error: unknown) {
    const status = httpStatus(error);
    const why =
      status === 404
        ? 'the repository owner is not an organisation with issue fields'
        : status === 403
          ? 'the token may not read them'
          : errorMessage(error);
    return {
      ops: [],
      reads: 1,
      note: `issue fields not used (${status === null ? '' : `HTTP ${status}: `}${why}); due dates stay in the issue body only`,
    };
  }
  const { targets: fields, note } = resolveIssueFields(defs, input.config);
  return { ops: planIssueFields(targets, fields), reads: 1, note };
}

/** Every item's own issue after the issue plan: updated, closed as done, left as is, or created. */
function fieldTargets(input: PlanningInput): FieldTarget[] {
  const desired = new Map(input.desired.map((d) => [d.id, d]));
  const existing = new Map(input.existing.map((i) => [i.number, i]));
  const created = new Map<string, number>();
  for (const { op, number } of input.result.applied)
    if (op.kind === 'create' && number !== null) created.set(op.id, number);
  const dryRun = input.result.notApplied.some((n) => n.reason === 'dry-run');
  const seen = new Set<string>();
  const targets: FieldTarget[] = [];
  for (const op of input.plan) {
    const number = ownIssue(op, created, dryRun);
    if (number === undefined || !('id' in op) || seen.has(op.id)) continue;
    const d = desired.get(op.id);
    if (d === undefined) continue;
    seen.add(op.id);
    targets.push({
      id: d.id,
      path: d.path,
      number,
      due: d.due,
      severity: input.severities.get(d.path) ?? null,
      current: number === null ? [] : (existing.get(number)?.fieldValues ?? []),
    });
  }
  return targets;
}

/** The item's own issue number for an issue-plan step (null: created by a dry run), or undefined when it has none. */
function ownIssue(
  op: SyncOperation,
  created: ReadonlyMap<string, number>,
  dryRun: boolean,
): number | null | undefined {
  switch (op.kind) {
    case 'create':
      return created.get(op.id) ?? (dryRun ? null : undefined);
    case 'update':
    case 'reopen':
      return op.number;
    case 'close':
      return op.reason === 'completed' ? op.number : undefined;
    case 'skip':
      return op.reason === 'up-to-date' ||
        op.reason === 'closed-on-github' ||
        op.reason === 'reopened-on-github'
        ? (op.number ?? undefined)
        : undefined;
    default:
      return undefined;
  }
}
