import * as core from '@actions/core';
import { createOctokit } from '../github/create-octokit.js';
import { parseOnThisThread } from '../io/parse-pool.js';
import { OctokitPort } from '../github/octokit-port.js';
import { readActionEnv, type ActionEnv } from './action-env.js';
import { capDiagnostics, globShapeProblem, pathProblem, showPath } from '../core/guard/index.js';
import { annotate } from './annotate.js';
import { logInfo } from './log-info.js';
import type { Config } from '../core/config/index.js';
import type { Diagnostic } from '../core/model/index.js';
import type { ModeContext, ModeOutcome } from './mode-context.js';
import { creatorLogin } from './creator-login.js';
import { watchFirstRequest } from './watch-first-request.js';
import { splitPathsInput } from './paths-input.js';
import { isActionMode, pickMode } from './pick-mode.js';
import { syncSkipReason } from './sync-skip-reason.js';

/** Host collaborators tests may replace; the runner uses the defaults. */
export interface RunOverrides {
  /** fetch for Octokit (tests pass the GitHub stand-in's). */
  fetch?: typeof globalThis.fetch;
  /** Minimum milliseconds between writes (default: the config's `sync.writeIntervalMs`). */
  writeIntervalMs?: number;
  /** Milliseconds per retry-after second (default 1000). */
  retryUnitMs?: number;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

/** The Action: reads inputs and the event, runs the mode, sets outputs; fails the step on any thrown value. */
export async function run(overrides: RunOverrides = {}): Promise<void> {
  // A one-shot process: files are parsed on this thread, each still stopped at its time budget.
  parseOnThisThread();
  try {
    const outcome = await main(overrides);
    if (outcome === null) return;
    core.setOutput('created', outcome.created);
    core.setOutput('updated', outcome.updated);
    core.setOutput('closed', outcome.closed);
    core.setOutput('problems', outcome.problems);
    core.setOutput('items', JSON.stringify(outcome.items));
    core.setOutput('digest-url', outcome.digestUrl);
    if (outcome.failure !== null) core.setFailed(outcome.failure);
  } catch (error: unknown) {
    core.setFailed(error instanceof Error ? error.message : `unexpected failure: ${String(error)}`);
  }
}

async function main(overrides: RunOverrides): Promise<ModeOutcome | null> {
  // Masked before anything else is logged, so no later line (debug included) can show it.
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const env = await readActionEnv(overrides.env ?? process.env);
  let config: Config | null = null;
  const watched = watchFirstRequest(overrides.fetch ?? globalThis.fetch);
  const octokit = createOctokit({
    baseUrl: env.apiUrl,
    token,
    fetch: watched.fetch,
    // Read at each write: the config, loaded below, sets it.
    writeIntervalMs: () => overrides.writeIntervalMs ?? config?.sync.writeIntervalMs ?? 1000,
    ...(overrides.retryUnitMs !== undefined ? { retryUnitMs: overrides.retryUnitMs } : {}),
    // Octokit logs every request at info and every failed one at error; the modes report failures themselves.
    logger: {
      debug: (m) => core.debug(m),
      info: (m) => core.debug(m),
      warn: (m) => core.warning(m),
      error: (m) => core.debug(m),
    },
  });

  let login: Promise<string | null> | null = null;
  const askLogin = () => (login ??= creatorLogin(token, octokit));
  // Sync and the digest always ask who the token writes as: asked from the raw `mode` input before
  // the inputs' and the config's code (zod, YAML, globs) loads, the answer travels meanwhile; the
  // inputs are validated right after (a run that stops before awaiting the answer must not turn a
  // refusal into an unhandled rejection). Node's fetch needs turns of the event loop to connect and
  // write the request, which compiling that code would hold: it loads once the request has left.
  // A `paths` input of a refused shape fails the step before any request (its full check follows).
  checkPaths(splitPathsInput(core.getInput('paths')), globShapeProblem);
  const early = token !== '' && asksLoginFirst(core.getInput('mode'), env);
  if (early) await Promise.race([watched.firstLeft, askLogin().then(noop, noop)]);
  const [{ readInputs, DEFAULT_PATHS }, { loadActionConfig }, { globProblem }] = await Promise.all([
    import('./inputs.js'),
    import('./load-action-config.js'),
    import('../core/config/index.js'),
  ]);
  const inputs = readInputs();
  checkPaths(inputs.paths, globProblem);
  const mode = pickMode(inputs.mode, env.eventName);
  logInfo(`postmortem-tracker: ${mode} mode (${env.eventName} on ${env.owner}/${env.repo})`);
  if (mode === 'check' && env.eventName === 'pull_request_target') return refuseTargetCheck();

  const loaded = await loadActionConfig(env.workspace, inputs.config);
  config = loaded.config;
  const configErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (mode !== 'check') {
    const { shown, omitted } = capDiagnostics(loaded.diagnostics);
    for (const d of shown) annotate(d);
    for (const { file, count } of omitted)
      core.notice(`${count} more config problem(s) not annotated; fix the ones shown first.`, {
        file,
      });
    if (configErrors.length > 0) {
      throw new Error(
        `${inputs.config} has ${configErrors.length} error(s) (see the annotations); fix it before ${mode} runs, so nothing is written from a misread config`,
      );
    }
  }
  if (!inputs.token)
    throw new Error(
      'input "token" is empty; pass ${{ github.token }} or a token with issues: write',
    );

  const paths = inputs.paths.join('\n') === DEFAULT_PATHS ? config.paths : inputs.paths;
  const ctx: ModeContext = {
    inputs,
    env,
    config,
    paths,
    octokit,
    port: new OctokitPort(octokit, { owner: env.owner, repo: env.repo }),
    creatorLogin: askLogin,
    now: overrides.now ? overrides.now() : new Date(),
  };
  // Each mode is its own chunk of the bundle: a run compiles only the code of its mode.
  // The mode parses every post-mortem on this thread, which would hold the login request back
  // (Octokit's plugins and fetch need turns of the event loop to send it): its answer is awaited
  // first, a round trip the config's loading above mostly covers (the mode asks again and gets
  // the same answer, or the same refusal).
  if (early) await askLogin().catch(() => undefined);
  return (await loadMode(mode))(ctx, loaded.diagnostics);
}

function noop(): void {}

/** Throws, naming the first pattern of the `paths` input that is unsafe or that `globCheck` refuses. */
function checkPaths(patterns: readonly string[], globCheck: (glob: string) => string | null): void {
  for (const pattern of patterns) {
    const problem = pathProblem(pattern) ?? globCheck(pattern);
    if (problem !== null) throw new Error(`input "paths": "${showPath(pattern)}" ${problem}`);
  }
}

/** Whether a run with this raw `mode` input will ask who the token writes as (sync and the digest do). */
function asksLoginFirst(rawMode: string, env: ActionEnv): boolean {
  const mode = rawMode.trim() || 'auto';
  if (!isActionMode(mode)) return false;
  try {
    const picked = pickMode(mode, env.eventName);
    return picked === 'digest' || (picked === 'sync' && syncSkipReason(env) === null);
  } catch {
    return false; // an event `auto` cannot map: the inputs' check says so below
  }
}

type RunMode = (
  ctx: ModeContext,
  configDiagnostics: readonly Diagnostic[],
) => Promise<ModeOutcome | null>;

async function loadMode(mode: ReturnType<typeof pickMode>): Promise<RunMode> {
  switch (mode) {
    case 'check':
      return (await import('./check-mode.js')).runCheckMode;
    case 'sync':
      return (await import('./sync-mode.js')).runSyncMode;
    case 'digest':
      return (await import('./digest-mode.js')).runDigestMode;
  }
}

/**
 * Check mode under `pull_request_target` runs with a write token and secrets while the workspace
 * may hold the pull request's head: nothing of it is read, and the step fails saying what to use.
 */
async function refuseTargetCheck(): Promise<ModeOutcome> {
  const why =
    'check mode does not run under pull_request_target: that event has a write token and secrets, so the head of a pull request from a fork must not be read; trigger the check with "on: pull_request" (and actions/checkout with persist-credentials: false)';
  core.warning(why, { title: 'pull_request_target' });
  await core.summary.addRaw(`## Post-mortem check\n\nNot run: ${why}.\n`).write();
  return {
    created: 0,
    updated: 0,
    closed: 0,
    problems: 1,
    items: {},
    digestUrl: '',
    failure:
      'check mode refused to read the pull request under pull_request_target; see the warning.',
  };
}
