import type { Config } from '../config/schema.js';
import type { IssueRecord, IssuesPort, RepoRef } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { applySync, type ApplyResult } from './apply-sync.js';
import type { DesiredIssue } from './desired-issue.js';
import { permalink } from './permalink.js';
import { projectRef } from './project-ref.js';
import { findParents, planParents, planSubIssues, type ChildIssue } from './plan-parents.js';
import { sourceValuesById } from './field-source-value.js';
import { itemIssues, planFieldWrites, unfitNotes, type ItemIssue } from './plan-planning.js';
import {
  planProjectFields,
  planProjectItems,
  resolveProjectFields,
  type ProjectTarget,
  type ProjectTargets,
} from './plan-project.js';
import { httpStatus } from '../ports/http-status.js';
import { errorMessage } from '../text/error-message.js';
import { silentLogger, type SyncLogger } from './sync-logger.js';
import type { PlanningOperation, SyncOperation } from './sync-operation.js';

/** What the planning steps need: the applied issue plan and everything it was made from. */
export interface PlanningInput {
  config: Config;
  repo: RepoRef;
  serverUrl: string;
  sha: string;
  /** The post-mortems that were read (unreadable ones left out). */
  postmortems: readonly Postmortem[];
  desired: readonly DesiredIssue[];
  /** The tool's issues the issue plan was made from, as listed before the run. */
  existing: readonly IssueRecord[];
  plan: readonly SyncOperation[];
  result: ApplyResult;
  isRemovable: (path: string) => boolean;
}

/** The planning steps of a run and what applying them did. */
export interface PlanningRun {
  ops: PlanningOperation[];
  result: ApplyResult;
  reads: number;
}

/**
 * Plans and applies the GitHub-native planning steps after the issue plan: each post-mortem's
 * parent issue, then its items' sub-issue links and issue field values. Writes share the run's
 * write cap, pacing and dry run; a stop leaves the rest to the next run, which plans again from
 * GitHub's state (the issue listing reports each issue's parent and field values), so no extra
 * read is made when the features are off and only the field definitions are read when on.
 */
export async function applyPlanning(
  input: PlanningInput,
  port: IssuesPort,
  options: { dryRun: boolean; maxWrites: number; logger?: SyncLogger },
): Promise<PlanningRun> {
  const logger = options.logger ?? silentLogger;
  const { config } = input;
  const planning = config.planning;
  let run: PlanningRun = { ops: [], result: emptyResult(), reads: 0 };
  if (!planning.issueFields && !planning.parentIssues && planning.project === null) return run;
  const items = itemIssues(
    input.desired,
    input.plan,
    input.result,
    input.existing,
    new Map(input.postmortems.map((pm) => [pm.path, pm.severity])),
  );
  const apply = async (ops: PlanningOperation[]): Promise<ApplyResult> => {
    const result = await applySync(ops, port, {
      dryRun: options.dryRun,
      maxWrites: options.maxWrites - input.result.writes - run.result.writes,
      logger,
    });
    run = { ...run, ops: [...run.ops, ...ops], result: merge(run.result, result) };
    return result;
  };

  let links: PlanningOperation[] = [];
  if (planning.parentIssues) {
    const children = items.map(child);
    const sources = input.postmortems.map((pm) => ({
      path: pm.path,
      incidentTitle: pm.title,
      incidentDate: pm.incidentDate,
      severity: pm.severity,
      impact: pm.impact,
      fileUrl: permalink(input.serverUrl, input.repo, input.sha, pm.path, 1),
      status: 'open' as const,
    }));
    const parentOps = planParents(sources, children, input.existing, {
      repo: input.repo,
      closeWhenDone: planning.closeParentWhenDone,
      isRemovable: input.isRemovable,
      labels: [config.labels.tool],
    });
    const applied = await apply(parentOps);
    if (applied.failure !== null || applied.capped) return run;
    const parents = new Map<string, { number: number | null; subIssues: number }>();
    for (const [path, issue] of findParents(input.existing))
      parents.set(path, { number: issue.number, subIssues: issue.subIssues ?? 0 });
    for (const { op, number } of applied.applied)
      if (op.kind === 'create-parent') parents.set(op.path, { number, subIssues: 0 });
    for (const { op } of applied.notApplied)
      if (op.kind === 'create-parent') parents.set(op.path, { number: null, subIssues: 0 });
    links = planSubIssues(children, parents, input.repo);
  }
  const fields = await planFieldWrites(items, config, port, input.postmortems);
  run.reads += fields.reads;
  for (const note of fields.notes) logger.info(note);
  const project = await readProject(items, input, port, logger);
  run.reads += project.reads;
  const rest = [...links, ...fields.ops, ...project.adds];
  if (rest.length > 0) {
    const applied = await apply(rest);
    if (applied.failure !== null || applied.capped) return run;
  }
  if (project.fields !== null && planning.project !== null) {
    const added = new Map<string, number>();
    for (const { op, itemId } of run.result.applied)
      if (op.kind === 'add-project-item' && itemId !== undefined) added.set(op.id, itemId);
    const targets = project.targets.map((t) => ({ ...t, addedItemId: added.get(t.id) ?? null }));
    const ref = projectRef(planning.project);
    const updates = planProjectFields(
      targets,
      project.fields,
      ref,
      planning.dueDateSource === 'github',
    );
    for (const note of unfitNotes(`project ${ref.owner}#${ref.number}`, updates)) logger.info(note);
    if (updates.length > 0) await apply(updates);
  }
  return run;
}

/** The project's fields and items (read once per run), the adds they call for, and one log line. */
async function readProject(
  items: readonly ItemIssue[],
  { config, postmortems }: PlanningInput,
  port: IssuesPort,
  logger: SyncLogger,
): Promise<{
  adds: PlanningOperation[];
  targets: ProjectTarget[];
  fields: ProjectTargets | null;
  reads: number;
}> {
  const none = { adds: [], targets: [], fields: null, reads: 0 };
  const project = config.planning.project;
  if (project === null || items.length === 0) return none;
  const ref = projectRef(project);
  if (port.listProjectFields === undefined || port.listProjectItems === undefined) {
    logger.info(
      `project ${ref.owner}#${ref.number}: this host cannot reach projects; left as it is`,
    );
    return none;
  }
  let reads = 0;
  try {
    const defs = await port.listProjectFields(ref);
    reads++;
    const { targets: fields, note } = resolveProjectFields(defs, project);
    const ids = [
      fields.due,
      fields.status,
      fields.severity,
      ...fields.mapped.map((m) => m.field),
    ].flatMap((f) => (f ? [f.id] : []));
    const listed = await port.listProjectItems(ref, ids);
    reads++;
    logger.info(note);
    const byIssue = new Map(listed.map((i) => [i.issueId, i]));
    const sources = sourceValuesById(
      postmortems,
      items.map((i) => i.desired),
      fields.mapped.map((m) => m.source),
    );
    const targets: ProjectTarget[] = items.map((i) => ({
      id: i.desired.id,
      path: i.desired.path,
      number: i.number,
      item: i.issueId === null ? null : (byIssue.get(i.issueId) ?? null),
      addedItemId: null,
      due: i.desired.due,
      status: i.desired.status,
      severity: i.severity,
      bodyInStep: i.bodyInStep,
      ...withSources(sources.get(i.desired.id)),
    }));
    return { adds: planProjectItems(targets, ref), targets, fields, reads };
  } catch (error: unknown) {
    const status = httpStatus(error);
    logger.info(
      `project ${ref.owner}#${ref.number} not used (${status === null ? errorMessage(error) : `HTTP ${status}`}: it does not exist or the token may not read it${status === 404 && ref.ownerType !== 'user' ? "; a user's project needs planning.project.ownerType: user" : ''}); items stay off the project`,
    );
    return { ...none, reads: reads + 1 };
  }
}

function withSources(
  sources: ProjectTarget['sources'],
): Pick<ProjectTarget, 'sources'> | Record<string, never> {
  return sources === undefined ? {} : { sources };
}

function child(item: ItemIssue): ChildIssue {
  return {
    id: item.desired.id,
    path: item.desired.path,
    number: item.number,
    issueId: item.issueId,
    parent: item.record?.parent ?? null,
    status: item.desired.status,
  };
}

function emptyResult(): ApplyResult {
  return { applied: [], notApplied: [], writes: 0, failure: null, capped: false };
}

/** Two results of one run, one after the other. */
export function merge(a: ApplyResult, b: ApplyResult): ApplyResult {
  return {
    applied: [...a.applied, ...b.applied],
    notApplied: [...a.notApplied, ...b.notApplied],
    writes: a.writes + b.writes,
    failure: a.failure ?? b.failure,
    capped: a.capped || b.capped,
  };
}
