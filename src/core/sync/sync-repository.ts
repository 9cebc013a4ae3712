import type { Config } from '../config/schema.js';
import type { IssueRecord, IssuesPort, RepoRef } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { applySync, type ApplyResult } from './apply-sync.js';
import { isUntracked, UNTRACKED_RULES } from '../read/unread-postmortem.js';
import { SIMILARITY_THRESHOLD, titleSimilarity } from '../markdown/item-id.js';
import { lookupAssignable } from './lookup-assignable.js';
import { desiredIssues } from './desired-issues.js';
import { findUnlabelledIssues } from './find-unlabelled-issues.js';
import { matchIssues, openedBy } from './match-issues.js';
import { assigneesToCheck, planSync, type PlanContext } from './plan-sync.js';
import { applyPlanning, merge } from './apply-planning.js';
import { renderRemovalCommentMarker } from './render-issue-body.js';
import { silentLogger, type SyncLogger } from './sync-logger.js';
import { isWrite, type IssueOperation, type SyncOperation } from './sync-operation.js';
import type { UnassignedOwner } from './unassigned-owner.js';

/** Everything one sync reconciles, already read by the host. */
export interface SyncInput {
  postmortems: readonly Postmortem[];
  config: Config;
  repo: RepoRef;
  /** Commit the post-mortems were read at. */
  sha: string;
  serverUrl: string;
  now: Date;
  /** True when a path is under the configured paths and was read: only then are its missing items closed. */
  isRemovable: (path: string) => boolean;
  /** Title similarity for re-finding an issue after its item's id changed (default: the parser's `titleSimilarity`). */
  similarity?: (a: string, b: string) => number;
  /** Minimum similarity for that (default: the parser's `SIMILARITY_THRESHOLD`). */
  similarityThreshold?: number;
  /**
   * The login the tool opens issues as (`github-actions[bot]`, `my-app[bot]`, a token's user),
   * asked once per run: only issues it opened are matched, updated, adopted or closed. Null when
   * it cannot be told; sync then writes nothing (a dry run still plans, without the author check).
   */
  creatorLogin: () => Promise<string | null>;
}

/** Options of {@link syncRepository}. */
export interface SyncOptions {
  dryRun: boolean;
  maxWrites: number;
  logger?: SyncLogger;
}

/** Totals of a sync run, counting writes actually performed (planned ones in a dry run). */
export interface SyncCounts {
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  commented: number;
  linked: number;
  labelsCreated: number;
  skipped: number;
  /** Of `closed`: extra issues of an item closed as duplicates of its oldest issue. */
  duplicatesClosed: number;
  /** Issue field writes (values set or cleared). */
  fieldsWritten: number;
  /** Parent issues created and changed (`planning.parentIssues`). */
  parentsCreated: number;
  parentsUpdated: number;
  /** Item issues made sub-issues of their post-mortem's parent. */
  subIssuesLinked: number;
  /** Project items added and project field updates (`planning.project`). */
  projectWrites: number;
}

/** What a sync run planned and did. */
export interface SyncReport {
  plan: SyncOperation[];
  result: ApplyResult;
  counts: SyncCounts;
  /** Item id → issue number, for every tracked or linked item. */
  items: Record<string, number>;
  /** Tool issues found before the run (by the tool label). */
  trackedBefore: number;
  /** Tool issues found without the tool label (by their creator and marker); the plan restores the label. */
  unlabelled: number[];
  /** Read requests made for planning (listings, assignee checks, comment reads), for economy reports. */
  reads: number;
  /** Owners the plan could not assign (teams, names that are not logins, logins GitHub refuses). */
  unassigned: UnassignedOwner[];
  /** Open tracked issues allowed (`sync.maxOpenIssues`), and the items not created because of it. */
  openIssues: { limit: number; notCreated: Array<{ id: string; path: string; detail: string }> };
  /** The login whose issues were matched; null when it could not be told. */
  toolLogin: string | null;
}

/**
 * Reconciles the tool's issues with the post-mortems: reads GitHub through the port, plans with
 * {@link planSync}, and applies with {@link applySync}. Only issues the tool login opened count
 * as the tool's; extra issues of one item (concurrent runs, a lost create) are closed as
 * duplicates of the oldest in the run that finds them, so any interleaving of runs converges.
 * Reads are kept to one paginated issue listing; only when issues would be created, one listing
 * of the tool's own issues (to re-find any that lost the tool label) and assignee checks of their
 * owners; a label listing only when labels are written.
 */
export async function syncRepository(
  input: SyncInput,
  port: IssuesPort,
  options: SyncOptions,
): Promise<SyncReport> {
  const logger = options.logger ?? silentLogger;
  const { config } = input;
  let reads = 0;
  const listed = await port.listIssuesByLabel(config.labels.tool);
  reads++;
  const toolLogin = nonEmpty(await input.creatorLogin());
  if (toolLogin === null)
    logger.warning(
      options.dryRun
        ? 'cannot tell the login this token writes as: the plan matches issues by marker whatever their author'
        : 'cannot tell the login this token writes as: nothing is written, so no issue a person opened is taken for the tool’s',
    );
  // Issues a person opened with the tool label and a copied marker are never the tool's.
  const labelled = listed.filter((i) => openedBy(i, toolLogin));
  const desired = desiredIssues(input.postmortems, config, input);
  // Unread (empty, binary, too large or complex, unparsable) or over the action-item limit: hands off.
  const unparsed = new Set(input.postmortems.filter(isUntracked).map((pm) => pm.path));
  for (const pm of input.postmortems.filter(isUntracked)) {
    const why = pm.diagnostics.find((d) => UNTRACKED_RULES.has(d.rule));
    logger.warning(
      why === undefined || why.rule === 'parse-error'
        ? `${pm.path} could not be parsed; its issues are left as they are.`
        : why.message,
    );
  }
  const match = {
    similarity: input.similarity ?? titleSimilarity,
    similarityThreshold: input.similarityThreshold ?? SIMILARITY_THRESHOLD,
    toolLogin,
  };
  const ctx: PlanContext = {
    ...match,
    config,
    // First pass assumes every label exists: the label listing is only needed when labels are written.
    repoLabels: [config.labels.tool, ...desired.flatMap((d) => d.labels)],
    assignable: new Map(),
    // A post-mortem the parser could not read has no items; that must not read as "all removed".
    isRemovable: (path) => !unparsed.has(path) && input.isRemovable(path),
  };

  const existing = [...labelled];
  let unlabelled: number[] = [];
  // Without the open-issue cap: an item held back by it may still have an issue that lost its label.
  const creates = planSync(desired, labelled, { ...ctx, maxOpenIssues: Infinity }).flatMap((op) =>
    op.kind === 'create' ? [op] : [],
  );
  if (creates.length > 0) {
    // Same id, or same file (the item may also have been reworded, so its id changed).
    const ids = new Set(creates.map((op) => op.id));
    const paths = new Set(creates.map((op) => op.path));
    const found = await findUnlabelledIssues(
      (m) => ids.has(m.id) || paths.has(m.path),
      labelled,
      port,
      toolLogin,
    );
    reads += found.reads;
    // Keep only issues that pair with an item: one that lost its label and its item is not closed here.
    const paired = new Set(
      matchIssues(desired, [...labelled, ...found.issues], match).matches.flatMap((m) =>
        m.tracked ? [m.tracked.issue.number] : [],
      ),
    );
    const recovered = found.issues.filter((i) => paired.has(i.number));
    existing.push(...recovered);
    unlabelled = recovered.map((i) => i.number);
    if (unlabelled.length > 0)
      logger.info(
        `found ${unlabelled.length} issue(s) without the ${config.labels.tool} label: ${unlabelled.map((n) => `#${n}`).join(', ')}`,
      );
  }

  const lookup = await lookupAssignable(assigneesToCheck(desired, existing, match), port);
  reads += lookup.reads;
  ctx.assignable = lookup.assignable;
  let plan = planSync(desired, existing, ctx);
  if (plan.some(writesLabels)) {
    ctx.repoLabels = await port.listLabels();
    reads++;
  }
  const commented = await closingCommentsPosted(plan, existing, port, toolLogin);
  reads += commented.reads;
  ctx.closingCommented = commented.numbers;
  plan = planSync(desired, existing, ctx);

  let result =
    toolLogin === null && !options.dryRun && plan.some(isWrite)
      ? refused(plan)
      : await applySync(plan, port, {
          dryRun: options.dryRun,
          maxWrites: options.maxWrites,
          logger,
          toolLogin,
        });
  // Planning steps follow the issue plan (they need its issue numbers); a stopped run leaves them to the next.
  const issuePlan = plan;
  let fullPlan: SyncOperation[] = plan;
  if (result.failure === null && !result.capped) {
    const planning = await applyPlanning(
      {
        config,
        repo: input.repo,
        serverUrl: input.serverUrl,
        sha: input.sha,
        postmortems: input.postmortems.filter((pm) => !unparsed.has(pm.path)),
        desired,
        existing,
        plan,
        result,
        isRemovable: ctx.isRemovable,
      },
      port,
      { dryRun: options.dryRun, maxWrites: options.maxWrites, logger },
    );
    reads += planning.reads;
    if (planning.ops.length > 0) {
      result = merge(result, planning.result);
      fullPlan = [...plan, ...planning.ops];
    }
  }
  const notCreated = plan.flatMap((op) =>
    op.kind === 'skip' && op.reason === 'open-issue-cap'
      ? [{ id: op.id, path: op.path, detail: op.detail }]
      : [],
  );
  if (notCreated.length > 0)
    logger.warning(
      `sync.maxOpenIssues (${config.sync.maxOpenIssues}) reached: ${notCreated.length} item(s) not tracked: ${notCreated.map((n) => n.id).join(', ')}`,
    );
  return {
    plan: fullPlan,
    result,
    counts: countOperations(result, options.dryRun),
    items: itemNumbers(result, issuePlan, new Set(desired.map((d) => d.id))),
    trackedBefore: labelled.length,
    unlabelled,
    reads,
    unassigned: plan.flatMap((op) => ('unassigned' in op && op.unassigned ? [op.unassigned] : [])),
    openIssues: { limit: config.sync.maxOpenIssues, notCreated },
    toolLogin,
  };
}

function nonEmpty(login: string | null): string | null {
  return login === null || login.trim() === '' ? null : login;
}

/** The result of a run that may not write: every write left undone, with the reason as the failure. */
function refused(plan: readonly SyncOperation[]): ApplyResult {
  return {
    applied: plan.filter((op) => !isWrite(op)).map((op) => ({ op, number: null })),
    notApplied: plan.filter(isWrite).map((op) => ({ op, reason: 'after-failure' as const })),
    writes: 0,
    failure: {
      op: null,
      message:
        'cannot tell the login this token writes as, so cannot tell the tool’s issues from issues people opened; nothing was written (give a token whose user GET /user returns, or the app’s installation)',
      status: null,
    },
    capped: false,
  };
}

function writesLabels(op: SyncOperation): boolean {
  return op.kind === 'create' || ('patch' in op && op.patch.labels !== undefined);
}

async function closingCommentsPosted(
  plan: readonly SyncOperation[],
  existing: readonly IssueRecord[],
  port: IssuesPort,
  toolLogin: string | null,
): Promise<{ numbers: Set<number>; reads: number }> {
  const numbers = new Set<number>();
  let reads = 0;
  const byNumber = new Map(existing.map((i) => [i.number, i]));
  for (const op of plan) {
    if (op.kind !== 'comment') continue;
    const issue = byNumber.get(op.number);
    // Only an issue with comments can hold a closing comment from an interrupted run.
    if (issue?.comments === 0) continue;
    const comments = await port.listComments(op.number);
    reads++;
    // Only the tool's own comment counts: anyone can paste the marker into a comment.
    if (
      comments.some(
        (c) =>
          c.body.includes(renderRemovalCommentMarker(op.id)) &&
          (toolLogin === null || c.author?.toLowerCase() === toolLogin.toLowerCase()),
      )
    )
      numbers.add(op.number);
  }
  return { numbers, reads };
}

function countOperations(result: ApplyResult, dryRun: boolean): SyncCounts {
  const counts: SyncCounts = {
    created: 0,
    updated: 0,
    closed: 0,
    reopened: 0,
    commented: 0,
    linked: 0,
    labelsCreated: 0,
    skipped: 0,
    duplicatesClosed: 0,
    fieldsWritten: 0,
    parentsCreated: 0,
    parentsUpdated: 0,
    subIssuesLinked: 0,
    projectWrites: 0,
  };
  const ops = [
    ...result.applied.map((a) => a.op),
    ...(dryRun ? result.notApplied.filter((n) => n.reason === 'dry-run').map((n) => n.op) : []),
  ];
  for (const op of ops) {
    if (op.kind === 'create') counts.created++;
    else if (op.kind === 'update') counts.updated++;
    else if (op.kind === 'close') {
      counts.closed++;
      if (op.reason === 'duplicate') counts.duplicatesClosed++;
    } else if (op.kind === 'reopen') counts.reopened++;
    else if (op.kind === 'comment') counts.commented++;
    else if (op.kind === 'link') counts.linked++;
    else if (op.kind === 'create-label') counts.labelsCreated++;
    else if (op.kind === 'set-fields' || op.kind === 'clear-field') counts.fieldsWritten++;
    else if (op.kind === 'create-parent') counts.parentsCreated++;
    else if (op.kind === 'update-parent') counts.parentsUpdated++;
    else if (op.kind === 'add-sub-issue') counts.subIssuesLinked++;
    else if (op.kind === 'add-project-item' || op.kind === 'update-project-item')
      counts.projectWrites++;
    else if (op.reason !== 'up-to-date') counts.skipped++;
  }
  return counts;
}

function itemNumbers(
  result: ApplyResult,
  plan: readonly IssueOperation[],
  ids: ReadonlySet<string>,
): Record<string, number> {
  const items: Record<string, number> = {};
  for (const op of plan) {
    if (
      op.kind === 'create-label' ||
      op.kind === 'create' ||
      op.kind === 'comment' ||
      !ids.has(op.id)
    )
      continue;
    if (op.kind === 'link') items[op.id] = op.number;
    else if (
      op.number !== null &&
      items[op.id] === undefined &&
      !(op.kind === 'skip' && op.reason === 'duplicate-issue') &&
      !(op.kind === 'close' && op.reason === 'duplicate')
    ) {
      items[op.id] = op.number;
    }
  }
  for (const { op, number } of result.applied) {
    if (op.kind === 'create' && number !== null) items[op.id] = number;
  }
  return Object.fromEntries(Object.entries(items).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
