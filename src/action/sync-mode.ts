import * as core from '@actions/core';
import { inScope } from '../core/config/index.js';
import { renderSyncSummary } from '../core/sync/index.js';
import { syncRepository, type SyncReport } from '../core/sync/index.js';
import { isGoneFromWorkspace } from '../io/is-gone-from-workspace.js';
import { logInfo } from './log-info.js';
import type { ModeContext, ModeOutcome } from './mode-context.js';
import { readWorkspacePostmortems } from './read-workspace-postmortems.js';
import { syncSkipReason } from './sync-skip-reason.js';

/**
 * Reconciles the issues of every action item under `paths` with the post-mortems in the workspace,
 * on a push to the default branch, workflow_dispatch or schedule; other pushes are skipped with a notice.
 */
export async function runSyncMode(ctx: ModeContext): Promise<ModeOutcome | null> {
  const { env } = ctx;
  const skipped = syncSkipReason(env);
  if (skipped !== null) {
    core.notice(`Sync skipped: ${skipped}; issues follow the default branch only.`);
    await core.summary.addRaw(`## Post-mortem action items: sync skipped\n\n${skipped}.\n`).write();
    return null;
  }
  if (!['push', 'workflow_dispatch', 'schedule'].includes(env.eventName)) {
    throw new Error(
      `sync mode runs on push to the default branch, workflow_dispatch or schedule; the event is "${env.eventName}" (use mode: check on pull requests)`,
    );
  }
  if (!env.sha) throw new Error('GITHUB_SHA is not set; sync needs the commit for permalinks');
  const { postmortems, unreadable, files, refused } = await readWorkspacePostmortems(
    env.workspace,
    ctx.paths,
    ctx.config,
  );
  for (const u of unreadable)
    core.warning(`${u.message}; its issues are left as they are.`, {
      file: u.path,
    });
  for (const r of refused)
    core.warning(`${r.reason}; not read, and its issues are left as they are.`, {
      title: 'path refused',
    });
  if (files.length === 0) {
    // A wrong path must not read as "every post-mortem was deleted" and close every tracked issue.
    const why = `no post-mortems found in ${ctx.paths.join(', ')}; nothing was synced. Check the "paths" input or the config's "paths".`;
    core.warning(why);
    await core.summary.addRaw(`## Post-mortem action items: sync skipped\n\n${why}\n`).write();
    return {
      created: 0,
      updated: 0,
      closed: 0,
      problems: 1 + refused.length,
      items: {},
      digestUrl: '',
      failure: null,
    };
  }
  const skip = new Set([...unreadable.map((u) => u.path), ...refused.map((r) => r.path)]);
  const read = new Set(postmortems.map((p) => p.path));
  logInfo(
    `${postmortems.length} post-mortem(s), ${postmortems.reduce((n, p) => n + p.actionItems.length, 0)} action item(s) under ${ctx.paths.join(', ')}`,
  );

  // The input is the operator's bound: a repository's config may lower the cap, never raise it.
  const maxWrites = Math.min(ctx.inputs.maxWrites, ctx.config.sync.maxWrites);
  const report = await syncRepository(
    {
      postmortems,
      config: ctx.config,
      repo: { owner: env.owner, repo: env.repo },
      sha: env.sha,
      serverUrl: env.serverUrl,
      now: ctx.now,
      isRemovable: (path) =>
        !skip.has(path) &&
        inScope(path, ctx.paths, ctx.config.exclude) &&
        (read.has(path) || isGoneFromWorkspace(env.workspace, path)),
      creatorLogin: ctx.creatorLogin,
    },
    ctx.port,
    {
      dryRun: ctx.inputs.dryRun,
      maxWrites,
      logger: { info: (m) => logInfo(m), warning: (m) => core.warning(m) },
    },
  );
  for (const u of report.unassigned) {
    const properties = { file: u.path, startLine: u.line, title: 'owner not assigned' };
    if (u.team) core.notice(`${u.id}: ${u.reason}`, properties);
    else core.warning(`${u.id}: ${u.reason}`, properties);
  }
  await core.summary.addRaw(renderSyncSummary(report, { dryRun: ctx.inputs.dryRun })).write();
  if (report.result.capped) {
    core.warning(
      `max-writes (${maxWrites}) reached: ${report.result.notApplied.filter((n) => n.reason === 'max-writes').length} write(s) left for the next run.`,
    );
  }
  return {
    created: report.counts.created,
    updated: report.counts.updated + report.counts.reopened,
    closed: report.counts.closed,
    problems: problemCount(report) + unreadable.length + refused.length,
    items: report.items,
    digestUrl: '',
    failure: failureMessage(report, ctx.inputs.failOnError),
  };
}

function failureMessage(report: SyncReport, failOnError: boolean): string | null {
  const failure = report.result.failure;
  if (failure === null) return null;
  const message = `sync stopped at a failed write (${failure.status === null ? '' : `HTTP ${failure.status}: `}${failure.message}); ${report.result.notApplied.length} operation(s) not done — the next run finishes them without duplicates.`;
  if (failOnError) return message;
  core.warning(message);
  return null;
}

function problemCount(report: SyncReport): number {
  const skips = report.result.applied.filter(
    (a) =>
      a.op.kind === 'skip' &&
      (a.op.reason === 'duplicate-id' ||
        a.op.reason === 'duplicate-issue' ||
        a.op.reason === 'out-of-scope' ||
        a.op.reason === 'open-issue-cap'),
  ).length;
  const unassigned = new Set(report.unassigned.map((u) => u.id)).size;
  const notDone = report.result.notApplied.filter((n) => n.reason !== 'dry-run').length;
  return skips + unassigned + notDone;
}
