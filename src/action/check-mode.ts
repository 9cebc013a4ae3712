import * as core from '@actions/core';
import {
  checkPullRequest,
  renderCheckSummary,
  renderCheckTitle,
  resemblanceMessage,
  type FileContent,
} from '../core/check/index.js';
import { localDate } from '../core/digest/index.js';
import { readEarlierPostmortems } from './read-earlier-postmortems.js';
import type { Diagnostic } from '../core/model/index.js';
import { inScope } from '../core/config/index.js';
import { plural } from '../core/text/index.js';
import { IoError } from '../io/io-error.js';
import { readPostmortemFile } from '../io/read-postmortem-file.js';
import { lintInWorker } from '../io/parse-in-worker.js';
import type { ReadLimits } from '../core/read/index.js';
import { resolveWorkspaceFile } from '../io/resolve-workspace-file.js';
import { annotate } from './annotate.js';
import { logInfo } from './log-info.js';
import type { ModeContext, ModeOutcome } from './mode-context.js';

/**
 * Lints the post-mortems a pull request adds or changes, annotates every diagnostic on its line
 * (the first 50 per file), checks that owners can be assigned where the token may ask, and writes
 * a job summary. Files are read from the workspace only when they are regular files inside it.
 */
export async function runCheckMode(
  ctx: ModeContext,
  configDiagnostics: readonly Diagnostic[],
): Promise<ModeOutcome> {
  const pull = pullNumber(ctx.env.payload);
  if (pull === null) {
    throw new Error(
      `check mode needs a pull_request event; the event is "${ctx.env.eventName}" (set mode to sync or digest for other events)`,
    );
  }
  const changed = await ctx.port.listPullRequestFiles(pull);
  const paths = changed
    .filter((f) => f.status !== 'removed' && inScope(f.filename, ctx.paths, ctx.config.exclude))
    .map((f) => f.filename);
  logInfo(
    `${plural(paths.length, 'post-mortem')} changed by #${pull}${paths.length ? `: ${[...paths].sort().join(', ')}` : ''}`,
  );

  const failOn = ctx.inputs.failOnError ? ctx.config.check.failOn : 'never';
  const report = await checkPullRequest({
    paths,
    read: (accepted) => readWorkspace(ctx.env.workspace, accepted, ctx.config.limits),
    lint: (text, path, config) => lintInWorker(text, path, config),
    config: ctx.config,
    configDiagnostics,
    port: ctx.port,
    repo: `${ctx.env.owner}/${ctx.env.repo}`,
    failOn,
    recurrence: {
      earlier: () => readEarlierPostmortems(ctx, paths),
      today: localDate(ctx.now, ctx.config.digest.timeZone),
    },
  });
  for (const note of report.notes) core.notice(note);
  for (const r of report.resemblances ?? [])
    if (r.level === 'notice')
      core.notice(resemblanceMessage(r), { file: r.file, startLine: r.line, title: 'Recurrence' });
  for (const d of report.shown) annotate(d);
  for (const { file, count } of report.omitted) {
    core.notice(
      `${plural(count, 'more finding')} in this file not annotated (GitHub shows 50 per file); run postmortem-tracker lint on it to see them all.`,
      { file },
    );
  }
  await core.summary.addRaw(renderCheckSummary(report, { heading: true })).write();
  return {
    created: 0,
    updated: 0,
    closed: 0,
    problems: report.diagnostics.length,
    items: {},
    digestUrl: '',
    failure:
      report.conclusion === 'failure'
        ? `${renderCheckTitle(report)} in the post-mortems of this pull request (fail on: ${failOn}); see the annotations.`
        : null,
  };
}

/** Reads each file through the shared reader, after checking it is a regular file inside the workspace. */
async function readWorkspace(
  workspace: string,
  paths: readonly string[],
  limits: Partial<ReadLimits>,
): Promise<Map<string, FileContent>> {
  const contents = new Map<string, FileContent>();
  for (const path of paths) {
    try {
      await resolveWorkspaceFile(workspace, path);
      contents.set(path, { text: await readPostmortemFile(workspace, path, limits) });
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      const missing = (error.cause as { code?: unknown } | undefined)?.code === 'ENOENT';
      const rule = (error as { rule?: unknown }).rule;
      contents.set(path, {
        unreadable: missing
          ? `${path} is in the pull request but not in the workspace; run actions/checkout before this Action.`
          : `${error.message}.`,
        ...(typeof rule === 'string' ? { rule } : {}),
      });
    }
  }
  return contents;
}

function pullNumber(payload: Record<string, unknown>): number | null {
  const pr = payload['pull_request'];
  if (
    typeof pr === 'object' &&
    pr !== null &&
    typeof (pr as { number?: unknown }).number === 'number'
  )
    return (pr as { number: number }).number;
  return typeof payload['number'] === 'number' ? payload['number'] : null;
}
