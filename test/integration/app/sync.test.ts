import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { postmortemText } from './fixtures.js';
import { createTestProbot, deliver, examplePayload, retarget, standInWithRepo } from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';
const NOW = new Date('2026-02-20T10:00:00Z');

const cacheOutage = postmortemText({
  title: 'Cache outage',
  items: [
    { text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-03-01' },
    { text: 'Validate cache settings before rollout', owner: '@bob', due: '2026-03-15' },
    { text: 'Write the cache runbook', owner: '@alice', due: '2026-02-28', done: true },
  ],
});

function pushPayload(
  env: ReturnType<typeof standInWithRepo>,
  sha: string,
  touched: { added?: string[]; modified?: string[]; removed?: string[] },
  ref = 'refs/heads/main',
) {
  const payload = retarget(
    examplePayload('push', (p) => p['ref'] === 'refs/heads/master' && p['commits'].length > 0),
    { owner: 'acme', repo: 'payments', installationId: env.installation.id },
  );
  Object.assign(payload, { ref, after: sha, created: false, deleted: false, forced: false });
  Object.assign(payload['commits'][0], {
    id: sha,
    added: touched.added ?? [],
    modified: touched.modified ?? [],
    removed: touched.removed ?? [],
  });
  return payload;
}

function trackedIssues(env: ReturnType<typeof standInWithRepo>) {
  return [...env.repo.issues.values()].filter(
    (i) => i.pull === null && parseMarker(i.body) !== null,
  );
}

describe('push to the default branch → sync', () => {
  it('re-finds issues that lost the tool label by the app login, and restores the label instead of duplicating', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: '{}\n' } });
    const path = 'postmortems/2026-02-10-cache.md';
    const sha = env.standIn.commitFiles('acme', 'payments', { [path]: cacheOutage });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });
    await deliver(probot, 'push', pushPayload(env, sha, { added: [path] }));
    const before = trackedIssues(env);
    expect(before).toHaveLength(2);
    // Someone takes the tool label off every tracked issue: no tracked issue names the app any more.
    for (const issue of before)
      issue.labels = issue.labels.filter((l) => l !== 'postmortem-action-item');

    const edited = cacheOutage.replace('2026-03-15', '2026-03-22');
    const next = env.standIn.commitFiles('acme', 'payments', { [path]: edited });
    await deliver(probot, 'push', pushPayload(env, next, { modified: [path] }));

    const after = trackedIssues(env);
    expect(after.map((i) => i.number).sort()).toEqual(before.map((i) => i.number).sort());
    expect(after.every((i) => i.labels.includes('postmortem-action-item'))).toBe(true);
    expect(after.find((i) => i.title.startsWith('Validate'))?.body).toContain('2026-03-22');
    expect(env.standIn.requests.count({ route: '/app' })).toBe(1);
    env.standIn.assertNoContractViolations();
  });

  it('creates one issue per open action item, then re-syncs with zero writes', async () => {
    const env = standInWithRepo({
      files: { [CONFIG]: 'labels:\n  extra: [incident-follow-up]\n' },
    });
    const sha = env.standIn.commitFiles('acme', 'payments', {
      'postmortems/2026-02-10-cache.md': cacheOutage,
    });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });

    await deliver(
      probot,
      'push',
      pushPayload(env, sha, { added: ['postmortems/2026-02-10-cache.md'] }),
    );

    const issues = trackedIssues(env);
    expect(issues.map((i) => i.title).sort()).toEqual([
      'Alert on a zero eviction limit',
      'Validate cache settings before rollout',
    ]);
    expect(
      issues.every(
        (i) =>
          i.labels.includes('postmortem-action-item') && i.labels.includes('incident-follow-up'),
      ),
    ).toBe(true);
    expect(issues.find((i) => i.title.startsWith('Alert'))?.assignees).toEqual(['alice']);
    expect(issues[0]?.body).toContain(`/blob/${sha}/postmortems/2026-02-10-cache.md#L`);

    const mark = env.standIn.requests.mark();
    await deliver(
      probot,
      'push',
      pushPayload(env, sha, { modified: ['postmortems/2026-02-10-cache.md'] }),
    );
    expect(env.standIn.requests.writes(mark)).toBe(0);
    // Reading the files: one tree listing and one GraphQL query for the batch.
    expect(
      env.standIn.requests.count({ route: '/repos/{owner}/{repo}/git/trees/{tree_sha}' }, mark),
    ).toBe(1);
    expect(env.standIn.requests.count({ kind: 'graphql' }, mark)).toBe(1);
    env.standIn.assertNoContractViolations();
  });

  it('closes the issue of an item ticked in a later push', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: 'check:\n  failOn: error\n' } });
    const first = env.standIn.commitFiles('acme', 'payments', {
      'postmortems/2026-02-10-cache.md': cacheOutage,
    });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });
    await deliver(
      probot,
      'push',
      pushPayload(env, first, { added: ['postmortems/2026-02-10-cache.md'] }),
    );

    const ticked = cacheOutage.replace(
      '- [ ] Alert on a zero eviction limit',
      '- [x] Alert on a zero eviction limit',
    );
    const second = env.standIn.commitFiles('acme', 'payments', {
      'postmortems/2026-02-10-cache.md': ticked,
    });
    await deliver(
      probot,
      'push',
      pushPayload(env, second, { modified: ['postmortems/2026-02-10-cache.md'] }),
    );

    const alert = trackedIssues(env).find((i) => i.title.startsWith('Alert'));
    expect(alert?.state).toBe('closed');
    expect(alert?.state_reason).toBe('completed');
  });

  it('ignores pushes that touch no post-mortem, and pushes to other branches', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: 'check:\n  failOn: error\n' } });
    const sha = env.standIn.commitFiles('acme', 'payments', {
      'postmortems/2026-02-10-cache.md': cacheOutage,
    });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });

    await deliver(probot, 'push', pushPayload(env, sha, { modified: ['src/server.ts'] }));
    await deliver(
      probot,
      'push',
      pushPayload(env, sha, { added: ['postmortems/2026-02-10-cache.md'] }, 'refs/heads/feature'),
    );

    expect(trackedIssues(env)).toHaveLength(0);
    expect(env.standIn.requests.writes()).toBe(0);
  });

  it('syncs when the push only changes the configuration', async () => {
    const env = standInWithRepo({ files: { 'postmortems/2026-02-10-cache.md': cacheOutage } });
    const sha = env.standIn.commitFiles('acme', 'payments', {
      [CONFIG]: 'sync:\n  maxWrites: 100\n',
    });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });

    await deliver(probot, 'push', pushPayload(env, sha, { added: [CONFIG] }));

    expect(trackedIssues(env)).toHaveLength(2);
  });
});

describe('installation → initial sync after opt-in only', () => {
  function setup() {
    const env = standInWithRepo({
      files: {
        [CONFIG]: 'check:\n  failOn: error\n',
        'postmortems/2026-02-10-cache.md': cacheOutage,
      },
    });
    const web = env.standIn.addRepo({
      owner: 'acme',
      repo: 'web',
      files: { 'postmortems/2026-01-05-cdn.md': cacheOutage },
      collaborators: ['alice'],
    });
    env.standIn.state.installations.get(env.installation.id)?.repositories.push('acme/web');
    return { env, web };
  }

  function repositories(...names: string[]) {
    return names.map((name, i) => ({
      id: 9000 + i,
      node_id: `R_${i}`,
      name,
      full_name: `acme/${name}`,
      private: false,
    }));
  }

  it('installation.created syncs opted-in repositories and writes nothing to the others', async () => {
    const { env, web } = setup();
    const payload = examplePayload('installation', 'created');
    payload['installation'] = {
      ...payload['installation'],
      id: env.installation.id,
      account: { ...payload['installation']['account'], login: 'acme' },
    };
    payload['repositories'] = repositories('payments', 'web');
    const probot = await createTestProbot(env.standIn, { now: () => NOW });

    await deliver(probot, 'installation', payload);

    expect(trackedIssues(env)).toHaveLength(2);
    expect([...web.issues.values()]).toHaveLength(0);
    expect(web.labels.size).toBe(0);
    const writesToWeb = env.standIn.requests.filter(
      (r) => r.write && r.path.startsWith('/repos/acme/web/'),
    );
    expect(writesToWeb).toHaveLength(0);
    env.standIn.assertNoContractViolations();
  });

  it('installation_repositories.added does nothing until the repository adds its config, then the push syncs it', async () => {
    const { env, web } = setup();
    const payload = examplePayload('installation_repositories', 'added');
    payload['installation'] = {
      ...payload['installation'],
      id: env.installation.id,
      account: { ...payload['installation']['account'], login: 'acme' },
    };
    payload['repositories_added'] = repositories('web');
    const probot = await createTestProbot(env.standIn, { now: () => NOW });

    await deliver(probot, 'installation_repositories', payload);
    expect(env.standIn.requests.writes()).toBe(0);

    const sha = env.standIn.commitFiles('acme', 'web', { [CONFIG]: '_extends: .github\n' });
    env.standIn.addRepo({
      owner: 'acme',
      repo: '.github',
      files: { [CONFIG]: 'labels:\n  tool: follow-up\n' },
    });
    const push = pushPayload(env, sha, { added: [CONFIG] });
    Object.assign(push['repository'], {
      name: 'web',
      full_name: 'acme/web',
      html_url: 'https://github.com/acme/web',
    });
    await deliver(probot, 'push', push);

    const issues = [...web.issues.values()];
    expect(issues).toHaveLength(2);
    // The organisation-wide settings reached through `_extends` apply.
    expect(issues.every((i) => i.labels.includes('follow-up'))).toBe(true);
  });
});
