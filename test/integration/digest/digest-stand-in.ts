import { createOctokit } from '../../../src/github/create-octokit.js';
import { createOctokitDiscussions } from '../../../src/github/octokit-discussions.js';
import { OctokitPort } from '../../../src/github/octokit-port.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';

/** The login the stand-in's token acts as: the digest's own bodies are written by it. */
export const TOOL_LOGIN = 'postmortem-tracker[bot]';

/** A stand-in with one repository, a movable clock, and the digest's ports over real Octokit. */
export function digestWorld(seed: { hasDiscussions?: boolean; categories?: string[] } = {}) {
  let clock = new Date('2026-11-23T09:00:00Z');
  const standIn: GitHubStandIn = createGitHubStandIn({ now: () => clock, actor: TOOL_LOGIN });
  standIn.addRepo({
    owner: 'acme',
    repo: 'ops',
    hasDiscussions: seed.hasDiscussions ?? true,
    ...(seed.categories ? { categories: seed.categories } : {}),
    collaborators: ['alice', 'bob'],
  });
  const octokit = createOctokit({
    baseUrl: 'https://api.github.com',
    token: 'test-token',
    fetch: standIn.fetch,
    writeIntervalMs: 0,
    retries: 0,
  });
  const github = {
    issues: new OctokitPort(octokit, { owner: 'acme', repo: 'ops' }),
    discussions: createOctokitDiscussions(octokit, { owner: 'acme', repo: 'ops' }),
    toolLogin: async (): Promise<string | null> => TOOL_LOGIN,
  };
  return {
    standIn,
    github,
    repo: () => standIn.repo('acme', 'ops'),
    setNow(iso: string): Date {
      clock = new Date(iso);
      return clock;
    },
  };
}
