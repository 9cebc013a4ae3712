import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { describe, expect, it } from 'vitest';
import { failed, statusOf, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

function setup() {
  const standIn = createGitHubStandIn({ warnOnViolation: false });
  standIn.addRepo({ owner: 'acme', repo: 'web', collaborators: ['alice'] });
  const octokit = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
  return { standIn, octokit };
}

describe('GitHub stand-in fault injection', () => {
  it('fails exactly the nth write (from when the fault is added) with 500 and lets reads and later writes through', async () => {
    const { standIn, octokit } = setup();
    await octokit.rest.issues.create({ owner: 'acme', repo: 'web', title: 'before' });
    standIn.faults.failNthWrite(3);
    const outcomes: Array<number> = [];
    for (let i = 1; i <= 5; i++) {
      await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
      outcomes.push(
        await statusOf(octokit.rest.issues.create({ owner: 'acme', repo: 'web', title: `w${i}` })),
      );
    }
    expect(outcomes).toEqual([201, 201, 500, 201, 201]);
    expect([...standIn.repo('acme', 'web').issues.values()].map((i) => i.title)).toEqual([
      'before',
      'w1',
      'w2',
      'w4',
      'w5',
    ]);
    expect(standIn.requests.filter({ status: 500 })[0]?.fault).toMatch(/500/);
    expect(standIn.faults.pending).toBe(0);
  });

  it('can lose the response of a write that GitHub applied (502 after the issue exists)', async () => {
    const { standIn, octokit } = setup();
    standIn.faults.loseNthWriteResponse(1);
    const status = await statusOf(
      octokit.rest.issues.create({ owner: 'acme', repo: 'web', title: 'ghost' }),
    );
    expect(status).toBe(502);
    expect([...standIn.repo('acme', 'web').issues.values()].map((i) => i.title)).toEqual(['ghost']);
    expect(standIn.requests.all[0]?.fault).toMatch(/after applying/);
  });

  it('can fail a write at the transport, before or after applying it, in both modes', async () => {
    const { standIn, octokit } = setup();
    standIn.faults.networkErrorOnNthWrite(1);
    standIn.faults.networkErrorOnNthWrite(2, { afterApplying: true });
    const first = await octokit.rest.issues
      .create({ owner: 'acme', repo: 'web', title: 'a' })
      .then(succeeded, failed);
    expect(first.status).toBe(500); // Octokit wraps a fetch rejection as a 500 RequestError
    expect(first.message).toMatch(/ECONNRESET/);
    const server = await standIn.listen();
    try {
      const overHttp = new Octokit({ baseUrl: server.url, log: quietLog });
      const second = await overHttp.rest.issues
        .create({ owner: 'acme', repo: 'web', title: 'b' })
        .then(succeeded, failed);
      expect(second.status).toBe(500);
    } finally {
      await server.close();
    }
    expect([...standIn.repo('acme', 'web').issues.values()].map((i) => i.title)).toEqual(['b']);
  });

  it('answers a secondary rate limit with 403, retry-after and the message plugin-throttling recognises', async () => {
    const { standIn } = setup();
    standIn.faults.secondaryRateLimit({ nthWrite: 1, retryAfter: 7 });
    const seen: number[] = [];
    const Throttled = Octokit.plugin(throttling);
    const octokit = new Throttled({
      request: { fetch: standIn.fetch },
      log: quietLog,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return false;
        },
      },
    });
    // One write only: plugin-throttling itself spaces writes a second apart.
    const error = await octokit.rest.issues
      .create({ owner: 'acme', repo: 'web', title: 'b' })
      .then(succeeded, failed);
    expect(error.status).toBe(403);
    expect(error.response?.headers['retry-after']).toBe('7');
    expect(error.response?.data.message).toMatch(/You have exceeded a secondary rate limit/);
    expect(seen).toEqual([7]);
    expect(standIn.repo('acme', 'web').issues.size).toBe(0);
    expect(standIn.faults.pending).toBe(0);
  });

  it('can answer every write with 403 as a read-only token would, and any request with 401', async () => {
    const { standIn, octokit } = setup();
    standIn.faults.readOnlyToken();
    const w = await octokit.rest.issues
      .create({ owner: 'acme', repo: 'web', title: 'a' })
      .then(succeeded, failed);
    expect(w.status).toBe(403);
    expect(
      (
        await octokit.rest.issues.checkUserCanBeAssigned({
          owner: 'acme',
          repo: 'web',
          assignee: 'alice',
        })
      ).status,
    ).toBe(204);
    standIn.faults.clear();
    standIn.faults.add(
      { route: '/repos/{owner}/{repo}/issues', method: 'GET' },
      { status: 401, message: 'Bad credentials' },
    );
    expect(await statusOf(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' }))).toBe(
      401,
    );
    expect((await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' })).status).toBe(
      200,
    );
  });

  it('can enforce GitHub write pacing by its clock: a write less than a second after the last one gets 403 retry-after', async () => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const standIn = createGitHubStandIn({ now: () => clock, warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'web' });
    const octokit = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
    standIn.faults.enforceWritePacing({ minIntervalMs: 1000, retryAfter: 1 });
    const statuses: number[] = [];
    for (const stepMs of [0, 1000, 400, 1000, 0]) {
      clock = new Date(clock.getTime() + stepMs);
      await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
      statuses.push(
        await statusOf(octokit.rest.issues.create({ owner: 'acme', repo: 'web', title: 't' })),
      );
    }
    expect(statuses).toEqual([201, 201, 403, 201, 403]);
    expect(standIn.requests.filter({ write: true }).map((r) => r.at.slice(17))).toEqual([
      '00.000Z',
      '01.000Z',
      '01.400Z',
      '02.400Z',
      '02.400Z',
    ]);
  });

  it('counts GraphQL mutations as writes and queries as reads', async () => {
    const { standIn, octokit } = setup();
    standIn.setDiscussionsEnabled('acme', 'web', true);
    standIn.addDiscussionCategory('acme', 'web', 'Digests');
    const { repository } = await octokit.graphql<{
      repository: { id: string; discussionCategories: { nodes: Array<{ id: string }> } };
    }>(
      'query { repository(owner: "acme", name: "web") { id discussionCategories(first: 5) { nodes { id } } } }',
    );
    standIn.faults.failNthWrite(1);
    const input = {
      repositoryId: repository.id,
      categoryId: repository.discussionCategories.nodes[0]?.id,
      title: 't',
      body: 'b',
    };
    const mutation =
      'mutation($input: CreateDiscussionInput!) { createDiscussion(input: $input) { discussion { id } } }';
    const rejected = await octokit.graphql(mutation, { input }).then(succeeded, failed);
    expect(rejected.status).toBe(500);
    await octokit.graphql(mutation, { input });
    expect(standIn.requests.writes()).toBe(2);
    expect(standIn.requests.count({ kind: 'graphql', write: false })).toBe(1);
    expect(standIn.requests.filter({ write: true })[1]?.operation).toBe('createDiscussion');
  });
});
