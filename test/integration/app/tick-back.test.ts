import { describe, expect, it } from 'vitest';
import { parseOptionsFromConfig } from '../../../src/core/config/parse-options-from-config.js';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { parseMarker, renderMarker } from '../../../src/core/sync/marker.js';
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

const RELEASE = 'docs/RELEASE.md';
const releaseDoc = postmortemText({
  title: 'Release 2.0 checklist',
  items: [{ text: 'Publish the release notes', owner: '@alice', due: '2026-03-01' }],
});
const APP = 'postmortem-tracker[bot]';

/** The item id an attacker computes from a file's name and an item's title. */
function itemId(text: string, path: string): string {
  return parsePostmortem(text, path, parseOptionsFromConfig(defaultConfig)).actionItems[0]!.id;
}

async function syncedRepo(config: string) {
  const env = standInWithRepo({ files: { [CONFIG]: config, [PATH]: doc, [RELEASE]: releaseDoc } });
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
  issue: { number: number; title: string; body: string | null; user: string; labels: string[] },
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
    user: { ...payload['issue']['user'], login: issue.user },
    labels: issue.labels.map((name, i) => ({
      ...payload['issue']['labels'][0],
      id: 9000 + i,
      name,
    })),
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

describe('tick-back acts only on the tracked issue the app created (forged markers)', () => {
  async function closeForged(
    seed: { user: string; labels: string[]; marker: { id: string; path: string } },
    title = 'Forged',
  ) {
    const { env, probot, issue: tracked } = await syncedRepo('tickBack: true\n');
    const forged = env.standIn.addIssue('acme', 'payments', {
      title,
      body: `Done!\n\n${renderMarker({ ...seed.marker, status: 'open' })}`,
      user: seed.user,
      labels: seed.labels,
      state: 'closed',
      state_reason: 'completed',
    });
    const mark = env.standIn.requests.mark();
    await deliver(probot, 'issues', closedPayload(env, forged, 'completed'));
    return { env, tracked, writes: env.standIn.requests.writes(mark) };
  }

  it("ignores an outsider's issue carrying the marker of a real item whose tracked issue is open", async () => {
    const real = itemId(doc, PATH);
    const { env, tracked, writes } = await closeForged({
      user: 'mallory',
      labels: ['postmortem-action-item'],
      marker: { id: real, path: PATH },
    });
    expect(tracked.state).toBe('open');
    expect(writes).toBe(0);
    expect(pulls(env)).toHaveLength(0);
    expect(Object.keys(env.standIn.files('acme', 'payments', 'main'))).toContain(PATH);
  });

  it('ignores an app-authored issue whose marker points outside the configured paths', async () => {
    // e.g. a body edited by someone with write access; docs/RELEASE.md is not a post-mortem.
    const { env, writes } = await closeForged({
      user: APP,
      labels: ['postmortem-action-item'],
      marker: { id: itemId(releaseDoc, RELEASE), path: RELEASE },
    });
    expect(writes).toBe(0);
    expect(pulls(env)).toHaveLength(0);
    expect(env.standIn.files('acme', 'payments')[RELEASE]).toBe(releaseDoc);
  });

  it("ignores an outsider's issue pointing outside the configured paths", async () => {
    const { env, writes } = await closeForged({
      user: 'mallory',
      labels: ['postmortem-action-item'],
      marker: { id: itemId(releaseDoc, RELEASE), path: RELEASE },
    });
    expect(writes).toBe(0);
    expect(pulls(env)).toHaveLength(0);
  });

  it("ignores a closed app-authored duplicate while the item's (older) tracked issue is open", async () => {
    const { env, tracked, writes } = await closeForged({
      user: APP,
      labels: ['postmortem-action-item'],
      marker: { id: itemId(doc, PATH), path: PATH },
    });
    expect(tracked.state).toBe('open');
    expect(writes).toBe(0);
    expect(pulls(env)).toHaveLength(0);
  });

  it('ignores the tracked issue once the tool label was taken off it', async () => {
    const { env, probot, issue } = await syncedRepo('tickBack: true\n');
    issue.labels = issue.labels.filter((l) => l !== 'postmortem-action-item');
    issue.state = 'closed';
    const mark = env.standIn.requests.mark();
    await deliver(probot, 'issues', closedPayload(env, issue, 'completed'));
    expect(env.standIn.requests.writes(mark)).toBe(0);
    expect(pulls(env)).toHaveLength(0);
  });
});
