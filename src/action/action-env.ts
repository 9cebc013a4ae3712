import { readFile } from 'node:fs/promises';
import { errorMessage } from '../core/text/index.js';

/** The runner's environment as the Action uses it. */
export interface ActionEnv {
  eventName: string;
  /** The webhook payload of the triggering event (empty object when there is none). */
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  /** Commit the workflow runs at. */
  sha: string;
  /** `refs/heads/main`, `refs/pull/1/merge` … */
  ref: string;
  /** Checked-out repository root. */
  workspace: string;
  apiUrl: string;
  serverUrl: string;
}

/** Reads the GITHUB_* variables and the event payload; errors name the variable and the expected form. */
export async function readActionEnv(env: NodeJS.ProcessEnv): Promise<ActionEnv> {
  const repository = required(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new Error(`GITHUB_REPOSITORY is "${repository}"; expected "owner/name"`);
  }
  const eventPath = env['GITHUB_EVENT_PATH'];
  let payload: Record<string, unknown> = {};
  if (eventPath) {
    const text = await readFile(eventPath, 'utf8').catch((error: unknown) => {
      throw new Error(`GITHUB_EVENT_PATH "${eventPath}" cannot be read: ${errorMessage(error)}`);
    });
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null) payload = value as Record<string, unknown>;
    } catch {
      throw new Error(
        `GITHUB_EVENT_PATH "${eventPath}" is not JSON; expected the webhook payload the runner writes`,
      );
    }
  }
  return {
    eventName: required(env, 'GITHUB_EVENT_NAME'),
    payload,
    owner,
    repo,
    sha: env['GITHUB_SHA'] ?? '',
    ref: env['GITHUB_REF'] ?? '',
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value)
    throw new Error(
      `${name} is not set; run this Action in a GitHub Actions workflow (or set ${name})`,
    );
  return value;
}
