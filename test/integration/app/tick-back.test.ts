import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { postmortemText } from './fixtures.js';
import { createTestProbot, deliver, examplePayload, retarget, standInWithRepo } from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';
const PATH = 'postmortems/2026-02-10-cache.md';
const NOW = new Date('2026-02-20T10:00:00Z');
const doc = postmortemText({
  title: 'Cache outage',
  items: [
    { text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-03-01' },
    { text: 'Validate cache settings before rollout', owner: '@bob', due: '2026-03-15' },
  ],
});

async function syncedRepo(config: string) {
  const env = standInWithRepo({ files: { [CONFIG]: config, [PATH]: doc } });
  const probot = await createTestProbot(env.standIn, { now: () => NOW });
  const install = examplePayload('installation_repositories', 'added');
  install['installation'] = {
    ...install['installation'],
    id: env.installation.id,
    account: { ...install['installation']['account'], login: 'acme' },
  };
  install['repositories_added'] = [
    { id: 1, node_id: 'R_1', name: 'payments', full_name: 'acme/payments', private: false },
  ];
  await deliver(probot, 'installation_repositories', install);
  const issue = [...env.repo.issues.values()].find(
    (i) => i.pull === null && i.title.startsWith('Alert'),
  );
  if (!issue || parseMarker(issue.body) === null)
    throw new Error('sync did not create the tracked issue');
  return { env, probot, issue };
}

function closedPayload(
  env: ReturnType<typeof standInWithRepo>,
  issue: { number: number; title: string; body: string | null },
  stateReason: string,
) {
  // @octokit/webhooks-examples has no issues.closed example: take a real issues payload and close it.
  const payload = retarget(examplePayload('issues', 'reopened'), {
    owner: 'acme',
    repo: 'payments',
    installationId: env.installation.id,
  });
  payload['action'] = 'closed';
  Object.assign(payload['issue'], {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: 'closed',
    state_reason: stateReason,
    closed_at: NOW.toISOString(),
  });
  return payload;
}

function pulls(env: ReturnType<typeof standInWithRepo>) {
  return [...env.repo.issues.values()].filter((i) => i.pull !== null);
}

describe('issues.closed → tick-back pull request', () => {
  it('opens one pull request that ticks the item, when tickBack is on', async () => {
    const { env, probot, issue } = await syncedRepo('tickBack: true\n');
    issue.state = 'closed';

    await deliver(probot, 'issues', closedPayload(env, issue, 'completed'));
    await deliver(probot, 'issues', closedPayload(env, issue, 'completed'));

    const opened = pulls(env);
    expect(opened).toHaveLength(1);
    const branch = opened[0]!.pull!.head.ref;
    const text = env.standIn.files('acme', 'payments', branch)[PATH]!;
    expect(text).toContain('- [x] Alert on a zero eviction limit');
    expect(text).toContain('- [ ] Validate cache settings before rollout');
    expect(text.replace('- [x] Alert', '- [ ] Alert')).toBe(doc);
    expect(env.standIn.files('acme', 'payments')[PATH]).toBe(doc);
    env.standIn.assertNoContractViolations();
  });

  it('does nothing when tickBack is off, or the issue was closed as not planned', async () => {
    const off = await syncedRepo('check:\n  failOn: error\n');
    let mark = off.env.standIn.requests.mark();
    await deliver(off.probot, 'issues', closedPayload(off.env, off.issue, 'completed'));
    expect(off.env.standIn.requests.writes(mark)).toBe(0);

    const on = await syncedRepo('tickBack: true\n');
    mark = on.env.standIn.requests.mark();
    await deliver(on.probot, 'issues', closedPayload(on.env, on.issue, 'not_planned'));
    expect(on.env.standIn.requests.writes(mark)).toBe(0);
    expect(pulls(on.env)).toHaveLength(0);
  });
});
