import { httpStatus } from '../ports/http-status.js';
import type { IssuesPort } from '../ports/port.js';
import { isWrite, type SyncOperation } from './sync-operation.js';
import { describeOperation } from './describe-operation.js';
import { silentLogger, type SyncLogger } from './sync-logger.js';
import { errorMessage } from '../text/error-message.js';

/** Options of {@link applySync}. */
export interface ApplyOptions {
  /** Plan only: perform no write. */
  dryRun: boolean;
  /** Stop before the write that would exceed this many. */
  maxWrites: number;
  logger?: SyncLogger;
  /**
   * The login issues are matched by: a created issue opened as anyone else means the host named
   * the wrong login, and every later run would create the items again, so the run stops there.
   */
  toolLogin?: string | null;
}

/** An operation that ran, with the issue number it touched or created. */
export interface AppliedOperation {
  op: SyncOperation;
  number: number | null;
  /** Database id of the issue a create made, when GitHub reported it. */
  issueId?: number;
  /** Id of the project item an `add-project-item` made. */
  itemId?: number;
}

/** Why an operation was not performed. */
export type NotAppliedReason = 'dry-run' | 'max-writes' | 'after-failure';

/** The outcome of applying a plan. */
export interface ApplyResult {
  /** Writes performed, plus `link` and `skip` operations (which need none). */
  applied: AppliedOperation[];
  notApplied: Array<{ op: SyncOperation; reason: NotAppliedReason }>;
  writes: number;
  /**
   * What stopped the run: the write that failed, or (with `op` null) why no write was allowed at
   * all; null when nothing did.
   */
  failure: { op: SyncOperation | null; message: string; status: number | null } | null;
  /** True when `maxWrites` stopped the run before the plan was done. */
  capped: boolean;
}

/**
 * Executes a plan in order through the port, one write at a time. Stops at the write cap or the
 * first failed write; what was not done is returned with the reason, so the next run (which plans
 * again from GitHub's state) finishes the rest.
 */
export async function applySync(
  ops: readonly SyncOperation[],
  port: IssuesPort,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const logger = options.logger ?? silentLogger;
  const result: ApplyResult = {
    applied: [],
    notApplied: [],
    writes: 0,
    failure: null,
    capped: false,
  };
  for (const op of ops) {
    if (!isWrite(op)) {
      result.applied.push({ op, number: 'number' in op ? op.number : null });
      continue;
    }
    if (result.failure !== null) {
      result.notApplied.push({ op, reason: 'after-failure' });
      continue;
    }
    if (options.dryRun) {
      logger.info(`[dry-run] ${describeOperation(op)}`);
      result.notApplied.push({ op, reason: 'dry-run' });
      continue;
    }
    if (result.writes >= options.maxWrites) {
      result.capped = true;
      result.notApplied.push({ op, reason: 'max-writes' });
      continue;
    }
    result.writes++;
    try {
      const { number, author, issueId, itemId } = await execute(op, port);
      logger.info(describeOperation(op, number));
      result.applied.push({
        op,
        number,
        ...(issueId === undefined ? {} : { issueId }),
        ...(itemId === undefined ? {} : { itemId }),
      });
      const expected = options.toolLogin;
      if (
        typeof expected === 'string' &&
        typeof author === 'string' &&
        author.toLowerCase() !== expected.toLowerCase()
      ) {
        const message = `#${number ?? '?'} was opened as ${author}, but sync takes only issues opened by ${expected} for its own; stopped before creating more (the host must pass the login its token writes as)`;
        logger.warning(message);
        result.failure = { op, message, status: null };
      }
    } catch (error: unknown) {
      const status = httpStatus(error);
      const message = errorMessage(error);
      logger.warning(
        `failed: ${describeOperation(op)}: ${status === null ? '' : `HTTP ${status}: `}${message}`,
      );
      result.failure = { op, message, status };
      result.notApplied.push({ op, reason: 'after-failure' });
    }
  }
  return result;
}

async function execute(
  op: SyncOperation,
  port: IssuesPort,
): Promise<{
  number: number | null;
  author?: string | null | undefined;
  issueId?: number;
  itemId?: number;
}> {
  switch (op.kind) {
    case 'create-label':
      await port.createLabel(op.label);
      return { number: null };
    case 'create':
    case 'create-parent': {
      const issue = await port.createIssue(op.issue);
      return {
        number: issue.number,
        author: issue.author,
        ...(issue.id === undefined ? {} : { issueId: issue.id }),
      };
    }
    case 'update-parent':
      await port.updateIssue(op.number, op.patch);
      return { number: op.number };
    case 'add-sub-issue':
      if (op.parent === null || op.issueId === null || port.addSubIssue === undefined)
        throw new Error(`cannot link ${op.id} to its parent: no issue number or no sub-issue port`);
      await port.addSubIssue(op.parent, op.issueId);
      return { number: op.number };
    case 'update':
    case 'close':
    case 'reopen':
      await port.updateIssue(op.number, op.patch);
      return { number: op.number };
    case 'comment':
      await port.createComment(op.number, op.body);
      return { number: op.number };
    case 'add-project-item': {
      if (op.number === null || port.addProjectItem === undefined)
        throw new Error(`cannot add ${op.id} to the project: no issue number or no project port`);
      const itemId = await port.addProjectItem(op.project, op.number);
      return { number: op.number, itemId };
    }
    case 'update-project-item':
      if (op.itemId === null || port.updateProjectItem === undefined)
        throw new Error(
          `cannot set project fields for ${op.id}: no project item or no project port`,
        );
      await port.updateProjectItem(
        op.project,
        op.itemId,
        op.fields.map((f) => ({ fieldId: f.fieldId, value: f.value })),
      );
      return { number: op.number };
    case 'set-fields': {
      if (op.number === null || port.setIssueFieldValues === undefined)
        throw new Error(
          `cannot set issue fields for ${op.id}: no issue number or no issue-field port`,
        );
      await port.setIssueFieldValues(
        op.number,
        op.fields.map((f) => ({ fieldId: f.fieldId, value: f.value })),
      );
      return { number: op.number };
    }
    case 'clear-field':
      if (port.clearIssueFieldValue === undefined)
        throw new Error(`cannot clear issue field ${op.field.name}: no issue-field port`);
      await port.clearIssueFieldValue(op.number, op.field.fieldId);
      return { number: op.number };
    case 'link':
    case 'skip':
      return { number: null };
  }
}
