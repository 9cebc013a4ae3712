import { afterEach, describe, expect, it } from 'vitest';
import { EXTENDS_ALLOW_ENV } from '../../../app/load-repo-config.js';
import { createTestProbot, deliver, pullRequestOpened, standInWithRepo } from './harness.js';
import { postmortemText } from './fixtures.js';
import { pushPayload, trackedIssues } from './queue-fixtures.js';

const YML = '.github/postmortem-tracker.yml';
const YAML = '.github/postmortem-tracker.yaml';
const PM = 'postmortems/2026-02-10-cache.md';
const pmText = postmortemText({
  title: 'Cache outage',
  items: [{ text: 'Alert on eviction limit', owner: '@alice', due: '2026-03-01' }],
});

const saved = process.env[EXTENDS_ALLOW_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[EXTENDS_ALLOW_ENV];
  else process.env[EXTENDS_ALLOW_ENV] = saved;
});

/** Opens a pull request adding a post-mortem to acme/payments and delivers it to the app. */
async function checkPullRequest(
  env: ReturnType<typeof standInWithRepo>,
  files: Record<string, string> = { [PM]: pmText },
) {
  const issue = env.standIn.addPull('acme', 'payments', {
    title: 'Add post-mortem',
    head: 'pm-cache',
    files,
  });
  const payload = pullRequestOpened(env.installation.id, issue);
  const probot = await createTestProbot(env.standIn);
  await deliver(probot, 'pull_request', payload);
  return [...env.repo.checkRuns.values()];
}

describe("the app's config: one loader, one list of file names, a guarded _extends", () => {
  it('opts a repository in with .github/postmortem-tracker.yaml, as the Action and the CLI do', async () => {
    const env = standInWithRepo({ files: { [YAML]: 'sync:\n  maxWrites: lots\n' } });
    const runs = await checkPullRequest(env);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: YAML, start_line: 2, title: 'config-invalid' }),
    );
    expect(run.output.summary).toContain(`acme/payments:${YAML}`);
  });

  it('syncs on a push that adds .github/postmortem-tracker.yaml to a repository with post-mortems', async () => {
    const env = standInWithRepo({ files: { [PM]: pmText } });
    const sha = env.standIn.commitFiles('acme', 'payments', {
      [YAML]: 'sync:\n  writeIntervalMs: 0\n',
    });
    const probot = await createTestProbot(env.standIn);
    await deliver(probot, 'push', pushPayload(env.installation.id, 'payments', sha, [YAML]));
    expect(trackedIssues(env.standIn, 'payments')).toHaveLength(1);
  });

  it('checks a pull request that changes .github/postmortem-tracker.yaml, rule ids included', async () => {
    const env = standInWithRepo({ files: { [YAML]: 'check:\n  failOn: error\n' } });
    const runs = await checkPullRequest(env, {
      [YAML]: 'check:\n  failOn: error\nrules:\n  no-such-rule: off\nsync:\n  maxWrites: lots\n',
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual([
      [YAML, 4, 'config-unknown-rule'],
      [YAML, 6, 'config-invalid'],
    ]);
  });

  it('refuses _extends to another private repository of the installation and shows nothing of it', async () => {
    const env = standInWithRepo({
      files: { [YML]: 'check:\n  failOn: error\n_extends: vault:deploy/prod-values.yml\n' },
    });
    env.standIn.addRepo({
      owner: 'acme',
      repo: 'vault',
      private: true,
      files: {
        'deploy/prod-values.yml':
          'databasePassword: hunter2-PROD-s3cret\nstripeKey: sk_live_51Hxyz\nsync:\n  maxWrites: tok_live_abc\n',
      },
    });
    env.standIn.state.repos.get('acme/vault')!.installationId = env.installation.id;
    const mark = env.standIn.requests.mark();
    const runs = await checkPullRequest(env);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: YML, start_line: 3, title: 'config-extends' }),
    );
    const everything = JSON.stringify(run);
    for (const leak of [
      'databasePassword',
      'hunter2',
      'stripeKey',
      'sk_live',
      'tok_live',
      'prod-values',
      'vault',
    ])
      expect(everything, leak).not.toContain(leak);
    expect(env.standIn.requests.filter((r) => r.path.includes('/repos/acme/vault'), mark)).toEqual(
      [],
    );
  });

  it('follows _extends to a repository the operator allows', async () => {
    process.env[EXTENDS_ALLOW_ENV] = 'acme/tracker-config';
    const env = standInWithRepo({
      files: { [YML]: '_extends: tracker-config:base/postmortem-tracker.yml\n' },
    });
    env.standIn.addRepo({
      owner: 'acme',
      repo: 'tracker-config',
      files: {
        'base/postmortem-tracker.yml': 'check:\n  failOn: never\nsync:\n  maxWrites: s3cret\n',
      },
    });
    const runs = await checkPullRequest(env);
    const run = runs[0]!;
    expect(run.output.summary).toContain('acme/tracker-config:base/postmortem-tracker.yml');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        path: YML,
        start_line: 1,
        title: 'config-invalid',
        message: expect.stringContaining(
          'in acme/tracker-config:base/postmortem-tracker.yml (reached through _extends), line 4: sync.maxWrites: expected a non-negative integer, got a string',
        ),
      }),
    );
    expect(JSON.stringify(run)).not.toContain('s3cret');
  });
});
