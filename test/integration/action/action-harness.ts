import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import {
  createGitHubStandIn,
  type GitHubStandIn,
  type StandInOptions,
} from '../../support/github-stand-in.js';

// Every test that loads this harness ends with no new contract violation at any stand-in.
assertContractsAfterEach();

const require = createRequire(import.meta.url);
type Example = { name: string; examples: Array<Record<string, unknown>> };
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[];

export const OWNER = 'acme';
export const REPO = 'ops';

/** A GitHub stand-in holding OWNER/REPO, where alice and bob can be assigned; its token acts as the Actions bot. */
export function standInRepo(options: StandInOptions = {}): GitHubStandIn {
  const gh = createGitHubStandIn({
    warnOnViolation: false,
    actor: 'github-actions[bot]',
    ...options,
  });
  gh.addRepo({ owner: OWNER, repo: REPO, collaborators: ['alice', 'bob'] });
  return gh;
}

/** A temp directory holding `files` (path → text), as a checked-out workspace. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmt-workspace-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function example(
  name: string,
  pick: (e: Record<string, unknown>) => boolean,
): Record<string, unknown> {
  const found = examples.find((e) => e.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

function patchRepository(payload: Record<string, unknown>, defaultBranch: string): void {
  const repository = payload['repository'] as Record<string, unknown>;
  repository['name'] = REPO;
  repository['full_name'] = `${OWNER}/${REPO}`;
  repository['default_branch'] = defaultBranch;
  (repository['owner'] as Record<string, unknown>)['login'] = OWNER;
}

/** GitHub's `pull_request.opened` example, patched to our repository and pull request number. */
export function pullRequestEvent(number: number, headSha: string): Record<string, unknown> {
  const payload = example('pull_request', (e) => e['action'] === 'opened');
  payload['number'] = number;
  const pr = payload['pull_request'] as Record<string, unknown>;
  pr['number'] = number;
  (pr['head'] as Record<string, unknown>)['sha'] = headSha;
  patchRepository(payload, 'main');
  return payload;
}

/** GitHub's `push` example for a branch, patched to our repository, ref and commit. */
export function pushEvent(
  ref: string,
  sha: string,
  defaultBranch = 'main',
): Record<string, unknown> {
  const payload = example(
    'push',
    (e) => typeof e['ref'] === 'string' && (e['ref'] as string).startsWith('refs/heads/'),
  );
  payload['ref'] = ref;
  payload['after'] = sha;
  patchRepository(payload, defaultBranch);
  return payload;
}

/** The runner's files and variables for one step. */
export interface StepFiles {
  eventPath: string;
  outputPath: string;
  summaryPath: string;
}

/** Writes the event payload and creates empty GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. */
export function stepFiles(payload: Record<string, unknown>): StepFiles {
  const dir = mkdtempSync(join(tmpdir(), 'pmt-runner-'));
  const files = {
    eventPath: join(dir, 'event.json'),
    outputPath: join(dir, 'output'),
    summaryPath: join(dir, 'summary.md'),
  };
  writeFileSync(files.eventPath, JSON.stringify(payload));
  writeFileSync(files.outputPath, '');
  writeFileSync(files.summaryPath, '');
  return files;
}

/** The environment the runner gives a step: INPUT_* (uppercase, spaces to `_`, dashes kept) and GITHUB_*. */
export function runnerEnv(options: {
  inputs: Record<string, string>;
  eventName: string;
  files: StepFiles;
  workspace: string;
  apiUrl: string;
  sha: string;
  ref: string;
}): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.files.eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_OUTPUT: options.files.outputPath,
    GITHUB_STEP_SUMMARY: options.files.summaryPath,
  };
  for (const [name, value] of Object.entries(options.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

/** Parses a GITHUB_OUTPUT file (`name<<delimiter` blocks). */
export function readOutputs(path: string): Record<string, string> {
  const text = readFileSync(path, 'utf8');
  const outputs: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1] as string] = m[3] as string;
  return outputs;
}

/** A post-mortem in the usual shape. */
export function postmortem(
  items: string[],
  options: { title?: string; sections?: boolean } = {},
): string {
  const lines = [
    `# ${options.title ?? 'Database failover'}`,
    '',
    '**Date:** 2026-03-01',
    '**Severity:** SEV1',
    '',
    '## Summary',
    '',
    'Writes stopped for twenty minutes.',
    '',
  ];
  if (options.sections !== false) {
    lines.push(
      '## Timeline',
      '',
      '- 14:02 UTC: the primary stopped accepting writes',
      '- 14:22 UTC: failover completed',
      '',
    );
    lines.push('## Root cause', '', 'A full disk on the primary.', '');
  }
  lines.push('## Action items', '', ...items, '');
  return lines.join('\n');
}

/** A config that keeps process-level runs fast (no write pacing). */
export const FAST_CONFIG = 'sync:\n  writeIntervalMs: 0\n';
