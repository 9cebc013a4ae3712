import { Octokit } from '@octokit/rest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { createOctokit } from '../../../src/github/create-octokit.js';
import { OctokitPort } from '../../../src/github/octokit-port.js';
import type { PacerClock } from '../../../src/github/write-pacer.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import type { Postmortem } from '../../../src/core/model/index.js';
import { inScope } from '../../../src/core/config/matches-glob.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { syncRepository, type SyncReport } from '../../../src/core/sync/sync-repository.js';
import type { SyncLogger } from '../../../src/core/sync/sync-logger.js';
import {
  createGitHubStandIn,
  type GitHubStandIn,
  type IssueState,
} from '../../support/github-stand-in.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';

// Every test that loads this harness ends with no new contract violation at any stand-in.
assertContractsAfterEach();

export const OWNER = 'acme';
export const REPO = 'ops';
export const NOW = new Date('2026-03-20T12:00:00Z');

/** The login the stand-in's token acts as: the author of every issue sync opens. */
export const TOOL_LOGIN = 'postmortem-tracker[bot]';

/** The post-mortem the sync scenarios edit. */
export const PATH = 'postmortems/2026-03-01-db-failover.md';

/** Its action items before each scenario's edits. */
export const base = [
  '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)',
  '- [x] Fix the failover script — @bob',
  '- [ ] Document the failover runbook (@acme/sre)',
  '- [ ] Review connection pool limits, see #12',
  '- [ ] Write a load test for the primary (@carol)',
  '- [ ] Rotate the replication credentials (Owner: @bob, Due: 2026-03-10)',
];

/** A stand-in with one repository where alice and bob can be assigned. */
export function standIn(): GitHubStandIn {
  const gh = createGitHubStandIn({ now: () => NOW, warnOnViolation: false });
  gh.addRepo({ owner: OWNER, repo: REPO, collaborators: ['alice', 'bob'] });
  return gh;
}

/** Options of one sync run through Octokit and the stand-in. */
export interface RunOptions {
  dryRun?: boolean;
  maxWrites?: number;
  sha?: string;
  config?: Config;
  /** Wraps the stand-in's fetch (fault injection that the stand-in does not offer). */
  fetch?: typeof globalThis.fetch;
  retries?: number;
  createAttempts?: number;
  /**
   * Use an Octokit without the retry and throttling plugins: for loops of many runs that inject
   * non-retried failures (the plugins' Bottleneck scheduling costs ~15 ms a request).
   */
  plain?: boolean;
  now?: Date;
  /** The login the tool opens issues as (default the stand-in's actor); null: it cannot be told. */
  creatorLogin?: string | null;
  /**
   * Pace writes by this clock, `intervalMs` apart, or by createOctokit's default when it is left
   * out; without `pacing` the harness does not pace.
   */
  pacing?: { clock: PacerClock; intervalMs?: number };
  /** Parses each file (default: the real parser); tests of parser failures replace it. */
  parse?: (text: string, path: string) => Postmortem;
  /** Receives the run's log lines (default: none). */
  logger?: SyncLogger;
}

/** Runs one sync of `files` (path → markdown) against the stand-in. */
export async function runSync(
  gh: GitHubStandIn,
  files: Record<string, string>,
  options: RunOptions = {},
): Promise<SyncReport> {
  const config = options.config ?? defaultConfig;
  const octokit = options.plain
    ? new Octokit({ auth: 'test-token', request: { fetch: options.fetch ?? gh.fetch } })
    : createOctokit({
        baseUrl: 'https://api.github.com',
        token: 'test-token',
        fetch: options.fetch ?? gh.fetch,
        ...(options.pacing
          ? {
              pacerClock: options.pacing.clock,
              ...(options.pacing.intervalMs !== undefined
                ? { writeIntervalMs: options.pacing.intervalMs }
                : {}),
            }
          : { writeIntervalMs: 0 }),
        retryUnitMs: 1,
        ...(options.retries !== undefined ? { retries: options.retries } : {}),
      });
  const port = new OctokitPort(
    octokit,
    { owner: OWNER, repo: REPO },
    options.createAttempts !== undefined ? { createAttempts: options.createAttempts } : {},
  );
  const parse = options.parse ?? ((text: string, path: string) => parsePostmortem(text, path));
  const postmortems = Object.entries(files).map(([path, text]) => parse(text, path));
  return syncRepository(
    {
      postmortems,
      config,
      repo: { owner: OWNER, repo: REPO },
      sha: options.sha ?? '1'.repeat(40),
      serverUrl: 'https://github.com',
      now: options.now ?? NOW,
      isRemovable: (path) => inScope(path, config.paths, config.exclude),
      creatorLogin: async () =>
        options.creatorLogin === undefined ? TOOL_LOGIN : options.creatorLogin,
    },
    port,
    {
      dryRun: options.dryRun ?? false,
      maxWrites: options.maxWrites ?? 1000,
      ...(options.logger ? { logger: options.logger } : {}),
    },
  );
}

/** The repository's issues, by number. */
export function issues(gh: GitHubStandIn): IssueState[] {
  return [...gh.repo(OWNER, REPO).issues.values()]
    .filter((i) => i.pull === null)
    .sort((a, b) => a.number - b.number);
}

/** Tool issues keyed by marker id; throws on a duplicate (the one thing sync must never do). */
export function trackedById(gh: GitHubStandIn): Map<string, IssueState> {
  const byId = new Map<string, IssueState>();
  for (const issue of issues(gh)) {
    const marker = parseMarker(issue.body);
    if (!marker) continue;
    if (byId.has(marker.id))
      throw new Error(
        `duplicate issue for ${marker.id}: #${byId.get(marker.id)?.number} and #${issue.number}`,
      );
    byId.set(marker.id, issue);
  }
  return byId;
}

/** A comparable snapshot of the tool issues: what users see. */
export function snapshot(gh: GitHubStandIn): Array<Record<string, unknown>> {
  return [...trackedById(gh).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, i]) => ({
      id,
      title: i.title,
      state: i.state,
      state_reason: i.state === 'closed' ? i.state_reason : null,
      labels: [...i.labels].sort(),
      assignees: [...i.assignees].sort(),
      marker: parseMarker(i.body),
      comments: [...gh.repo(OWNER, REPO).comments.values()].filter(
        (c) => c.issue_number === i.number,
      ).length,
    }));
}

/** A post-mortem in the project's usual shape. */
export function postmortemText(
  items: string[],
  options: { title?: string; date?: string; severity?: string } = {},
): string {
  return [
    `# ${options.title ?? 'Database failover'}`,
    '',
    `**Date:** ${options.date ?? '2026-03-01'}`,
    `**Severity:** ${options.severity ?? 'SEV1'}`,
    '',
    '## Summary',
    '',
    'The primary database failed over and writes stopped for twenty minutes.',
    '',
    '## Action items',
    '',
    ...items,
    '',
  ].join('\n');
}

/** Wraps fetch so the nth write either fails before reaching GitHub or reaches it and loses the response. */
export function failingFetch(
  inner: typeof globalThis.fetch,
  nth: number,
  how: 'refused' | 'lost',
): typeof globalThis.fetch {
  let writes = 0;
  return async (input, init) => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      writes++;
      if (writes === nth) {
        if (how === 'lost') await inner(input, init);
        return new Response(JSON.stringify({ message: 'Bad Gateway' }), {
          status: 502,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return inner(input, init);
  };
}
