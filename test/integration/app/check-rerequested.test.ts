import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/index.js';
import { createTestProbot, deliver, examplePayload, retarget, standInWithRepo } from './harness.js';
import { sloppyPostmortemText } from './fixtures.js';

const CONFIG = '.github/postmortem-tracker.yml';
const PATH = 'postmortems/2026-02-01-cache.md';
/** The id the stand-in's `GET /app` answers, i.e. this app's. */
const OUR_APP_ID = 1;

describe('Re-run (check_run / check_suite rerequested) → a new postmortem-tracker check run', () => {
  let env: ReturnType<typeof standInWithRepo>;
  let pull: { number: number; headSha: string; headRef: string };
  const text = sloppyPostmortemText(3);
  const expected = lintText(text, PATH, defaultConfig).diagnostics;

  beforeEach(() => {
    env = standInWithRepo({ files: { [CONFIG]: 'check:\n  failOn: error\n' } });
    const issue = env.standIn.addPull('acme', 'payments', {
      title: 'Add post-mortem',
      head: 'pm-cache',
      files: { [PATH]: text, 'src/app.ts': 'export {};\n' },
    });
    pull = { number: issue.number, headSha: issue.pull!.head.sha, headRef: issue.pull!.head.ref };
    // The run a user would re-run, as an earlier pull_request delivery left it.
    env.repo.checkRuns.set(900, {
      id: 900,
      name: 'postmortem-tracker',
      head_sha: pull.headSha,
      status: 'completed',
      conclusion: 'failure',
      details_url: null,
      external_id: null,
      started_at: null,
      completed_at: null,
      output: { title: 'old', summary: 'old', text: null },
      annotations: [],
      annotationBatches: [],
    });
  });

  /** The payload's pull_requests entry for the stand-in's pull request (same shape as GitHub's). */
  function pullRequestRef() {
    const repo = {
      id: env.repo.id,
      url: 'https://api.github.com/repos/acme/payments',
      name: 'payments',
    };
    return {
      url: `https://api.github.com/repos/acme/payments/pulls/${pull.number}`,
      id: 5000 + pull.number,
      number: pull.number,
      head: { ref: pull.headRef, sha: pull.headSha, repo },
      base: { ref: 'main', sha: env.repo.git.refs.get('refs/heads/main') ?? '', repo },
    };
  }

  function rerequested(event: 'check_run' | 'check_suite') {
    const payload = retarget(examplePayload(event, 'rerequested'), {
      owner: 'acme',
      repo: 'payments',
      installationId: env.installation.id,
    });
    payload['repository']['id'] = env.repo.id;
    const suite =
      event === 'check_run' ? payload['check_run']['check_suite'] : payload['check_suite'];
    Object.assign(suite, {
      head_sha: pull.headSha,
      head_branch: pull.headRef,
      pull_requests: [pullRequestRef()],
    });
    suite['app']['id'] = OUR_APP_ID;
    if (event === 'check_run') {
      Object.assign(payload['check_run'], {
        id: 900,
        name: 'postmortem-tracker',
        head_sha: pull.headSha,
        pull_requests: [pullRequestRef()],
      });
      payload['check_run']['app']['id'] = OUR_APP_ID;
    }
    return payload;
  }

  function newRuns() {
    return [...env.repo.checkRuns.values()].filter((r) => r.id !== 900);
  }

  function expectFreshRun() {
    const runs = newRuns();
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.name).toBe('postmortem-tracker');
    expect(run.head_sha).toBe(pull.headSha);
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe('failure');
    expect(expected.length).toBeGreaterThan(0);
    expect(run.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual(
      expected.map((d) => [d.file, d.line, d.rule]),
    );
  }

  it('re-runs the check when our check run is rerequested', async () => {
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'check_run', rerequested('check_run'));

    expectFreshRun();
  });

  it('re-runs the check when our check suite is rerequested', async () => {
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'check_suite', rerequested('check_suite'));

    expectFreshRun();
  });

  it('finds the pull request with one request when the payload lists none (a fork)', async () => {
    const payload = rerequested('check_run');
    payload['check_run']['pull_requests'] = [];
    const probot = await createTestProbot(env.standIn);
    const mark = env.standIn.requests.mark();

    await deliver(probot, 'check_run', payload);

    expectFreshRun();
    expect(
      env.standIn.requests.count({ method: 'GET', route: '/repos/{owner}/{repo}/pulls' }, mark),
    ).toBe(1);
  });

  it('ignores pull requests of other repositories listed in the payload', async () => {
    const payload = rerequested('check_suite');
    const elsewhere = pullRequestRef();
    elsewhere.base.repo = { id: 42, url: 'https://api.github.com/repos/up/stream', name: 'stream' };
    payload['check_suite']['pull_requests'] = [elsewhere];
    payload['check_suite']['head_sha'] = 'f'.repeat(40);
    const probot = await createTestProbot(env.standIn);
    const writes = env.standIn.requests.writes();

    await deliver(probot, 'check_suite', payload);

    expect(newRuns()).toEqual([]);
    expect(env.standIn.requests.writes()).toBe(writes);
  });

  it("ignores a rerequested check run of another app, even one with our check's name", async () => {
    const probot = await createTestProbot(env.standIn);
    const untouched = retarget(examplePayload('check_run', 'rerequested'), {
      owner: 'acme',
      repo: 'payments',
      installationId: env.installation.id,
    });
    Object.assign(untouched['check_run'], {
      head_sha: pull.headSha,
      pull_requests: [pullRequestRef()],
    });
    const sameName = rerequested('check_run');
    sameName['check_run']['app']['id'] = 2;
    const writes = env.standIn.requests.writes();

    await deliver(probot, 'check_run', untouched);
    await deliver(probot, 'check_run', sameName);

    expect(untouched['check_run']['name']).not.toBe('postmortem-tracker');
    expect(newRuns()).toEqual([]);
    expect(env.standIn.requests.writes()).toBe(writes);
    expect(
      env.standIn.requests.count({ route: '/repos/{owner}/{repo}/pulls/{pull_number}/files' }),
    ).toBe(0);
  });

  it('ignores a rerequested check suite of another app', async () => {
    const payload = rerequested('check_suite');
    payload['check_suite']['app']['id'] = 29310;
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'check_suite', payload);

    expect(newRuns()).toEqual([]);
  });
});
