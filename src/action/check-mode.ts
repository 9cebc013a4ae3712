import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkConclusion } from '../core/check/check-conclusion.js';
import { checkPostmortems } from '../core/check/check-postmortems.js';
import { sortDiagnostics } from '../core/lint/index.js';
import type { Diagnostic } from '../core/model/index.js';
import { inScope } from '../core/sync/matches-glob.js';
import { annotate } from './annotate.js';
import type { ModeContext, ModeOutcome } from './mode-context.js';
import { renderCheckSummary } from './render-check-summary.js';

/**
 * Lints the post-mortems a pull request adds or changes, annotates every diagnostic on its line,
 * checks that owners can be assigned where the token may ask, and writes a job summary.
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
  const files = changed
    .filter((f) => f.status !== 'removed' && inScope(f.filename, ctx.paths, ctx.config.exclude))
    .map((f) => f.filename)
    .sort();
  core.info(
    `${files.length} post-mortem(s) changed by #${pull}${files.length ? `: ${files.join(', ')}` : ''}`,
  );

  const diagnostics: Diagnostic[] = [...configDiagnostics];
  const texts: Array<{ path: string; text: string }> = [];
  for (const file of files) {
    try {
      texts.push({ path: file, text: await readFile(join(ctx.env.workspace, file), 'utf8') });
    } catch {
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'file-unreadable',
        message: `${file} is in the pull request but not in the workspace; run actions/checkout before this Action.`,
      });
    }
  }
  const checked = await checkPostmortems(
    texts,
    ctx.config,
    ctx.port,
    `${ctx.env.owner}/${ctx.env.repo}`,
  );
  diagnostics.push(...checked.diagnostics);
  const notes = checked.notes;
  for (const note of notes) core.notice(note);

  sortDiagnostics(diagnostics);
  for (const d of diagnostics) annotate(d);
  await core.summary.addRaw(renderCheckSummary(files, diagnostics, notes)).write();

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const failOn = ctx.inputs.failOnError ? ctx.config.check.failOn : 'never';
  return {
    created: 0,
    updated: 0,
    closed: 0,
    problems: diagnostics.length,
    items: {},
    digestUrl: '',
    failure:
      checkConclusion(diagnostics, failOn) === 'failure'
        ? `${errors} error(s) and ${warnings} warning(s) in the post-mortems of this pull request (fail on: ${failOn}); see the annotations.`
        : null,
  };
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
