import * as core from '@actions/core';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathProblem, showPath } from '../core/guard/index.js';
import { DigestTargetError } from '../core/digest/index.js';
import { collectTrackedIssues } from '../core/digest/index.js';
import type { Postmortem } from '../core/model/index.js';
import { buildReport, renderReport } from '../core/report/index.js';
import { readUplotAssets } from '../io/read-uplot-assets.js';
import { runDigest, type RunDigestResult } from '../core/digest/index.js';
import { createOctokitDiscussions } from '../github/octokit-discussions.js';
import { logInfo } from './log-info.js';
import type { ModeContext, ModeOutcome } from './mode-context.js';
import { readWorkspacePostmortems } from './read-workspace-postmortems.js';

/** The job summary of a digest run: where it went, any fallback, and the digest itself. */
export function renderDigestSummary(result: RunDigestResult, dryRun: boolean): string {
  const where = result.publication
    ? `Posted (${result.publication.outcome}) to ${result.publication.target === 'issue' ? 'the digest issue' : 'GitHub Discussions'}: ${result.publication.url}`
    : dryRun
      ? 'Dry run: the digest below was not posted.'
      : 'The digest was not posted.';
  const notes = result.messages.map((m) => `> [!WARNING]\n> ${m}`).join('\n\n');
  const reminders = result.reminders
    ? `Reminders: ${result.reminders.posted.length} posted, ${result.reminders.skipped.length} already reminded this week, ${result.reminders.deferred.length} deferred.\n\n`
    : '';
  return `# Post-mortem digest ${result.digest.week}\n\n${where}\n\n${notes ? `${notes}\n\n` : ''}${reminders}${result.bodies.join('\n\n')}\n`;
}

/**
 * The Action's `digest` mode (schedule or workflow_dispatch): reads the workspace's post-mortems,
 * runs the shared digest (status from tracked issues), posts it idempotently, and reports the URL.
 */
export async function runDigestMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { env, config } = ctx;
  const { postmortems, unreadable, files, refused } = await readWorkspacePostmortems(
    env.workspace,
    ctx.paths,
    config,
  );
  for (const u of unreadable)
    core.warning(`${u.message}; it is left out of the digest.`, {
      file: u.path,
    });
  for (const r of refused)
    core.warning(`${r.reason}; not read, and left out of the digest.`, { title: 'path refused' });
  if (files.length === 0)
    core.warning(
      `no post-mortems found in ${ctx.paths.join(', ')}; the digest counts none. Check the "paths" input or the config's "paths".`,
    );
  const discussions = createOctokitDiscussions(ctx.octokit, { owner: env.owner, repo: env.repo });

  let result: RunDigestResult;
  try {
    result = await runDigest({
      config,
      now: ctx.now,
      postmortems,
      github: {
        issues: ctx.port,
        discussions,
        toolLogin: ctx.creatorLogin,
      },
      publish: !ctx.inputs.dryRun,
      log: (line) => logInfo(line),
    });
  } catch (error) {
    if (error instanceof DigestTargetError) {
      await core.summary.addRaw(`# Post-mortem digest\n\nNot posted: ${error.message}\n`).write();
    }
    throw error;
  }
  for (const m of result.messages) core.warning(m);
  if (ctx.inputs.reportDir !== '') await writeDashboard(ctx, postmortems);
  await core.summary.addRaw(renderDigestSummary(result, ctx.inputs.dryRun)).write();
  return {
    created: result.publication?.outcome === 'created' ? 1 : 0,
    updated: result.publication?.outcome === 'updated' ? 1 : 0,
    closed: 0,
    problems: unreadable.length + refused.length + result.messages.length,
    items: {},
    digestUrl: result.url ?? '',
    failure: null,
  };
}

/**
 * Writes the static dashboard into the `report-dir` input's folder of the workspace, with item
 * state from the tool's tracked issues (the digest's own rule). A dry run writes it too: it
 * touches the workspace only, never GitHub.
 */
async function writeDashboard(ctx: ModeContext, postmortems: Postmortem[]): Promise<void> {
  const { env, config } = ctx;
  const problem = pathProblem(ctx.inputs.reportDir);
  if (problem !== null)
    throw new Error(`input "report-dir": "${showPath(ctx.inputs.reportDir)}" ${problem}`);
  const login = await ctx.creatorLogin();
  const issues =
    login === null
      ? []
      : await collectTrackedIssues(ctx.port, config, login, { projectDue: true, log: logInfo });
  const data = buildReport({ postmortems, issues, config, now: ctx.now });
  const assets = await readUplotAssets();
  if (assets === null) core.warning('uPlot was not found: the dashboard has its tables only.');
  const html = renderReport(data, {
    ...(assets ?? { uplotJs: '', uplotCss: '' }),
    repoUrl: `${env.serverUrl}/${env.owner}/${env.repo}`,
    defaultBranch: defaultBranchOf(env.payload) ?? 'main',
  });
  const dir = join(env.workspace, ctx.inputs.reportDir);
  // A symlinked folder in the repository must not carry the write outside the workspace.
  if ((await lstat(dir).catch(() => null))?.isSymbolicLink())
    throw new Error(
      `input "report-dir": "${showPath(ctx.inputs.reportDir)}" is a symbolic link; name a real folder`,
    );
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html, 'utf8');
  logInfo(
    `dashboard written to ${ctx.inputs.reportDir}/index.html (${data.incidents.length} post-mortems)`,
  );
}

function defaultBranchOf(payload: Record<string, unknown>): string | null {
  const repository = payload['repository'];
  if (typeof repository !== 'object' || repository === null) return null;
  const branch = (repository as { default_branch?: unknown }).default_branch;
  return typeof branch === 'string' && branch !== '' ? branch : null;
}
