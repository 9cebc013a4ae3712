import type { Config } from '../config/schema.js';
import { httpStatus } from '../ports/http-status.js';
import type { Postmortem } from '../model/index.js';
import type { IssueRecord, IssuesPort } from '../ports/port.js';
import { errorMessage } from '../text/error-message.js';
import type { ApplyResult } from './apply-sync.js';
import type { DesiredIssue } from './desired-issue.js';
import { sourceValuesById } from './field-source-value.js';
import { planIssueFields } from './plan-issue-fields.js';
import { resolveIssueFields } from './plan-issue-fields.js';
import type { PlanningOperation, SyncOperation } from './sync-operation.js';

/** An item and its own issue after the issue plan ran. */
export interface ItemIssue {
  desired: DesiredIssue;
  /** Null for an issue a dry run would create. */
  number: number | null;
  /** The issue as listed before the run; null for one created in it. */
  record: IssueRecord | null;
  /** The issue's database id, when known. */
  issueId: number | null;
  /** The post-mortem's severity as written, or null. */
  severity: string | null;
  /**
   * True when the issue body already showed the item as it is (its due date included): a field
   * that disagrees was then changed on GitHub, not by an edit of the post-mortem.
   */
  bodyInStep: boolean;
}

/**
 * Every item's own issue after the issue plan: updated, closed as done, left as it is, or created
 * (its number from the result; null in a dry run). Linked, external, removed and duplicate issues
 * are not the item's own.
 */
export function itemIssues(
  desired: readonly DesiredIssue[],
  plan: readonly SyncOperation[],
  result: ApplyResult,
  existing: readonly IssueRecord[],
  severities: ReadonlyMap<string, string | null>,
): ItemIssue[] {
  const byId = new Map(desired.map((d) => [d.id, d]));
  const byNumber = new Map(existing.map((i) => [i.number, i]));
  const created = new Map<string, { number: number; issueId: number | null }>();
  for (const { op, number, issueId } of result.applied)
    if (op.kind === 'create' && number !== null)
      created.set(op.id, { number, issueId: issueId ?? null });
  const dryRun = result.notApplied.some((n) => n.reason === 'dry-run');
  const seen = new Set<string>();
  const items: ItemIssue[] = [];
  for (const op of plan) {
    const own = ownIssue(op);
    if (own === undefined || !('id' in op) || seen.has(op.id)) continue;
    const d = byId.get(op.id);
    if (d === undefined) continue;
    seen.add(op.id);
    if (own === 'created') {
      const made = created.get(op.id);
      if (made === undefined && !dryRun) continue;
      items.push({
        desired: d,
        number: made?.number ?? null,
        record: null,
        issueId: made?.issueId ?? null,
        severity: severities.get(d.path) ?? null,
        bodyInStep: false,
      });
    } else {
      const record = byNumber.get(own) ?? null;
      items.push({
        desired: d,
        number: own,
        record,
        issueId: record?.id ?? null,
        severity: severities.get(d.path) ?? null,
        bodyInStep: !('patch' in op) || op.patch.body === undefined,
      });
    }
  }
  return items;
}

function ownIssue(op: SyncOperation): number | 'created' | undefined {
  switch (op.kind) {
    case 'create':
      return 'created';
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

/** Issue field writes for the items' issues, the reads made, and the lines for the log. */
export interface FieldPlan {
  ops: PlanningOperation[];
  reads: number;
  notes: string[];
}

/**
 * Plans the organisation's issue fields on every item's issue. Reads the field definitions once,
 * and only when the feature is on and some item has an issue; an owner without issue fields, or a
 * token refused them, gives no write and one line saying so. A mapped value that fits no field
 * adds one line per field and value.
 */
export async function planFieldWrites(
  items: readonly ItemIssue[],
  config: Config,
  port: IssuesPort,
  postmortems: readonly Postmortem[] = [],
): Promise<FieldPlan> {
  const none: FieldPlan = { ops: [], reads: 0, notes: [] };
  if (!config.planning.issueFields || items.length === 0) return none;
  if (port.listIssueFields === undefined)
    return { ...none, notes: ['issue fields: this host cannot read them; left as they are'] };
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
      notes: [
        `issue fields not used (${status === null ? '' : `HTTP ${status}: `}${why}); due dates stay in the issue body only`,
      ],
    };
  }
  const { targets, note } = resolveIssueFields(defs, config);
  const sources = sourceValuesById(
    postmortems,
    items.map((i) => i.desired),
    targets.mapped.map((m) => m.source),
  );
  const ops = planIssueFields(
    items.map((i) => {
      const values = sources.get(i.desired.id);
      return {
        id: i.desired.id,
        path: i.desired.path,
        number: i.number,
        due: i.desired.due,
        severity: i.severity,
        current: i.record?.fieldValues ?? [],
        bodyInStep: i.bodyInStep,
        ...(values === undefined ? {} : { sources: values }),
      };
    }),
    targets,
    config.planning.dueDateSource === 'github',
  );
  return { ops, reads: 1, notes: [note, ...unfitNotes('issue fields', ops)] };
}

/** One line per mapped field and value that did not fit, with how many items it held back. */
export function unfitNotes(where: string, ops: readonly PlanningOperation[]): string[] {
  const counts = new Map<string, number>();
  for (const op of ops)
    if (op.kind === 'skip' && op.reason === 'field-value-unfit')
      counts.set(op.detail, (counts.get(op.detail) ?? 0) + 1);
  return [...counts].map(
    ([detail, n]) => `${where}: ${detail} (${n} item${n === 1 ? '' : 's'}); left as it is`,
  );
}
