import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { postmortemText } from './fixtures.js';
import { createTestProbot, deliver, examplePayload, retarget, standInWithRepo } from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';
const NOW = new Date('2026-02-20T10:00:00Z');
const PATH = 'postmortems/2026-02-10-cache.md';

const cacheOutage = postmortemText({
  title: 'Cache outage',
  items: [
    { text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-03-01' },
    { text: 'Validate cache settings before rollout', owner: '@bob', due: '2026-03-15' },
  ],
});

function pushPayload(env: ReturnType<typeof standInWithRepo>, sha: string) {
  const payload = retarget(
    examplePayload('push', (p) => p['ref'] === 'refs/heads/master' && p['commits'].length > 0),
    { owner: 'acme', repo: 'payments', installationId: env.installation.id },
  );
  Object.assign(payload, { ref: 'refs/heads/main', after: sha, created: false, deleted: false });
  Object.assign(payload['commits'][0], { id: sha, added: [], modified: [PATH], removed: [] });
  return payload;
}

function openTracked(env: ReturnType<typeof standInWithRepo>) {
  return [...env.repo.issues.values()].filter(
    (i) => i.pull === null && i.state === 'open' && parseMarker(i.body) !== null,
  );
}

/** Turns `path` at commit `sha` into a symbolic link (git mode 120000), as `git add` of a link records it. */
function markSymlink(env: ReturnType<typeof standInWithRepo>, sha: string, path: string): void {
  const git = env.repo.git;
  let tree = git.commits.get(sha)?.tree ?? '';
  const parts = path.split('/');
  for (const [i, part] of parts.entries()) {
    const entry = git.trees.get(tree)?.find((e) => e.path === part);
    if (!entry) throw new Error(`no ${path} at ${sha}`);
    if (i === parts.length - 1) entry.mode = '120000';
    else tree = entry.sha;
  }
}

describe('push of a post-mortem that is not what it seems → its issues stay as they are', () => {
  it('closes nothing when the file is emptied or replaced by binary content, and writes nothing when it is restored', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: '{}\n' } });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });
    const first = env.standIn.commitFiles('acme', 'payments', { [PATH]: cacheOutage });
    await deliver(probot, 'push', pushPayload(env, first));
    const before = openTracked(env).map((i) => i.number);
    expect(before).toHaveLength(2);

    for (const content of [
      '',
      '  \n\n',
      `# Cache outage\n\0\0\0${'\x01'.repeat(64)}`,
      cacheOutage,
    ]) {
      const mark = env.standIn.requests.mark();
      const sha = env.standIn.commitFiles('acme', 'payments', { [PATH]: content });
      await deliver(probot, 'push', pushPayload(env, sha));
      expect(env.standIn.requests.writes(mark)).toBe(0);
      expect(openTracked(env).map((i) => i.number)).toEqual(before);
    }
    expect(env.repo.comments.size).toBe(0);
    env.standIn.assertNoContractViolations();
  });

  it('closes nothing when the file is replaced by a symbolic link, whose target it never reads', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: '{}\n' } });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });
    const first = env.standIn.commitFiles('acme', 'payments', { [PATH]: cacheOutage });
    await deliver(probot, 'push', pushPayload(env, first));
    const before = openTracked(env).map((i) => i.number);
    expect(before).toHaveLength(2);

    const mark = env.standIn.requests.mark();
    const sha = env.standIn.commitFiles('acme', 'payments', { [PATH]: '../../../etc/passwd' });
    markSymlink(env, sha, PATH);
    await deliver(probot, 'push', pushPayload(env, sha));
    expect(env.standIn.requests.writes(mark)).toBe(0);
    expect(openTracked(env).map((i) => i.number)).toEqual(before);
    env.standIn.assertNoContractViolations();
  });

  it('tracks none of the items of a file over limits.maxActionItems and leaves its issues open', async () => {
    const env = standInWithRepo({ files: { [CONFIG]: 'limits:\n  maxActionItems: 2\n' } });
    const probot = await createTestProbot(env.standIn, { now: () => NOW });
    const first = env.standIn.commitFiles('acme', 'payments', { [PATH]: cacheOutage });
    await deliver(probot, 'push', pushPayload(env, first));
    const before = openTracked(env).map((i) => i.number);
    expect(before).toHaveLength(2);

    const three = postmortemText({
      title: 'Cache outage',
      items: [
        { text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-03-01' },
        { text: 'Write the cache runbook', owner: '@alice', due: '2026-03-10' },
        { text: 'Load-test the cache', owner: '@bob', due: '2026-03-20' },
      ],
    });
    const mark = env.standIn.requests.mark();
    const sha = env.standIn.commitFiles('acme', 'payments', { [PATH]: three });
    await deliver(probot, 'push', pushPayload(env, sha));
    expect(env.standIn.requests.writes(mark)).toBe(0);
    expect(openTracked(env).map((i) => i.number)).toEqual(before);
    env.standIn.assertNoContractViolations();
  });
});
