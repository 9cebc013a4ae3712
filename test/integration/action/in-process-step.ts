import { readFileSync, writeFileSync } from 'node:fs';
import { vi } from 'vitest';
import { run } from '../../../src/action/run.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { readOutputs, runnerEnv, stepFiles } from './action-harness.js';

const saved = { ...process.env };
// @actions/core caches the summary file path on first use, so every in-process step shares one file.
const sharedSummary = stepFiles({}).summaryPath;

/** Restores the environment, exit code and mocks after an in-process step (use in `afterEach`). */
export function restoreProcess(): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = 0;
  vi.restoreAllMocks();
}

/** One step of a workflow, as the runner would start it. */
export interface Step {
  eventName: 'push' | 'pull_request' | 'pull_request_target' | 'workflow_dispatch' | 'schedule';
  payload: Record<string, unknown>;
  workspace: string;
  inputs?: Record<string, string>;
  ref?: string;
  /** Extra environment variables (`RUNNER_DEBUG`). */
  env?: Record<string, string>;
}

/** What a step showed: the failed flag, stdout (annotations and log), outputs and the job summary. */
export interface StepResult {
  failed: boolean;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the Action in-process as the runner would, with Octokit's fetch pointed at the stand-in. */
export async function step(gh: GitHubStandIn, s: Step): Promise<StepResult> {
  const files = { ...stepFiles(s.payload), summaryPath: sharedSummary };
  writeFileSync(sharedSummary, '');
  const sha = 'c'.repeat(40);
  Object.assign(
    process.env,
    runnerEnv({
      inputs: { token: 'ghs_test', ...s.inputs },
      eventName: s.eventName,
      files,
      workspace: s.workspace,
      apiUrl: 'https://api.github.com',
      sha,
      ref: s.ref ?? 'refs/heads/main',
    }),
    s.env ?? {},
  );
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = 0;
  await run({
    fetch: gh.fetch,
    writeIntervalMs: 0,
    retryUnitMs: 1,
    now: () => new Date('2026-03-20T12:00:00Z'),
  });
  vi.restoreAllMocks();
  const failed = process.exitCode === 1;
  process.exitCode = 0;
  return {
    failed,
    stdout,
    outputs: readOutputs(files.outputPath),
    summary: readFileSync(files.summaryPath, 'utf8'),
  };
}
