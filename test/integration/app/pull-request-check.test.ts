import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintText } from '../../../src/core/lint/index.js';
import { createTestProbot, deliver, examplePayload, retarget, standInWithRepo } from './harness.js';
import { postmortemText, sloppyPostmortemText } from './fixtures.js';

const CONFIG = '.github/postmortem-tracker.yml';

function pullRequestPayload(
  action: string,
  pull: { number: number; headSha: string; headRef: string },
  installationId: number,
) {
  const payload = retarget(examplePayload('pull_request', action), {
    owner: 'acme',
    repo: 'payments',
    installationId,
  });
  payload['number'] = pull.number;
  Object.assign(payload['pull_request'], { number: pull.number, state: 'open', draft: false });
  Object.assign(payload['pull_request']['head'], { sha: pull.headSha, ref: pull.headRef });
  Object.assign(payload['pull_request']['base'], { ref: 'main' });
  return payload;
}

describe('pull_request → postmortem-tracker check run', () => {
  let env: ReturnType<typeof standInWithRepo>;

  beforeEach(() => {
    env = standInWithRepo({ files: { [CONFIG]: 'check:\n  failOn: error\n' } });
  });

  function openPull(files: Record<string, string>) {
    const issue = env.standIn.addPull('acme', 'payments', {
      title: 'Add post-mortem',
      head: `pm-${env.repo.nextNumber}`,
      files,
    });
    const pull = issue.pull!;
    return { number: issue.number, headSha: pull.head.sha, headRef: pull.head.ref };
  }

  it('annotates the first 50 findings of each file, 50 per request, counts the rest, and fails on errors', async () => {
    const text = sloppyPostmortemText(60);
    const paths = ['postmortems/2026-02-01-broken.md', 'postmortems/2026-02-02-broken.md'];
    const expected = paths.flatMap((path) =>
      lintText(text, path, defaultConfig).diagnostics.slice(0, 50),
    );
    const all = lintText(text, paths[0]!, defaultConfig).diagnostics.length;
    expect(all).toBeGreaterThan(100);
    const pull = openPull({
      [paths[0]!]: text,
      [paths[1]!]: text,
      'src/app.ts': 'export {};\n',
    });
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'pull_request', pullRequestPayload('opened', pull, env.installation.id));

    const runs = [...env.repo.checkRuns.values()];
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.name).toBe('postmortem-tracker');
    expect(run.status).toBe('completed');
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(100);
    expect(run.annotationBatches).toEqual([50, 50]);
    expect(run.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual(
      expected.map((d) => [d.file, d.line, d.rule]),
    );
    expect(run.output.title).toMatch(/^2 post-mortems checked: \d+ errors, \d+ warnings?$/);
    expect(run.output.summary).toContain(
      `postmortems/2026-02-01-broken.md: ${all - 50} more findings not reported (GitHub shows 50 per file)`,
    );
    env.standIn.assertNoContractViolations();
  });

  it('reports a post-mortem it cannot read as file-unreadable, never as silently checked', async () => {
    const pull = openPull({
      'postmortems/a.md': postmortemText({
        title: 'Cache outage',
        items: [{ text: 'Alert on eviction limit', owner: '@alice', due: '2026-03-01' }],
      }),
      'postmortems/binary.md': 'PK\u0003\u0004\u0000\u0000binary',
    });
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'pull_request', pullRequestPayload('opened', pull, env.installation.id));

    const run = [...env.repo.checkRuns.values()][0]!;
    expect(run.conclusion).toBe('failure');
    const unreadable = run.annotations.filter((a) => a.path === 'postmortems/binary.md');
    expect(unreadable).toEqual([
      expect.objectContaining({
        title: 'file-unreadable',
        start_line: 1,
        annotation_level: 'failure',
      }),
    ]);
    expect(run.output.summary).toContain('| postmortems/binary.md | 1 | error | file-unreadable |');
    expect(run.output.summary).toContain(
      'Files checked:\n- postmortems/a.md\n- postmortems/binary.md',
    );
  });

  it('is neutral when findings are below failOn, and success with none', async () => {
    env.standIn.commitFiles('acme', 'payments', { [CONFIG]: 'check:\n  failOn: never\n' });
    const text = sloppyPostmortemText(2);
    const pull = openPull({ 'postmortems/a.md': text });
    const probot = await createTestProbot(env.standIn);

    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('synchronize', pull, env.installation.id),
    );

    expect([...env.repo.checkRuns.values()].map((r) => r.conclusion)).toEqual(['neutral']);

    env.standIn.commitFiles('acme', 'payments', {
      [CONFIG]: 'rules:\n  required-sections: "off"\n  severity-missing: "off"\n',
    });
    const clean = postmortemText({
      title: 'Cache outage',
      items: [{ text: 'Alert on eviction limit', owner: '@alice', due: '2026-03-01' }],
    });
    const config = (await import('../../../src/core/config/load-config.js')).loadConfig(
      'rules:\n  required-sections: "off"\n  severity-missing: "off"\n',
      CONFIG,
    ).config;
    const cleanFindings = lintText(clean, 'postmortems/b.md', config).diagnostics;
    const second = openPull({ 'postmortems/b.md': clean });
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('ready_for_review', second, env.installation.id),
    );
    expect(cleanFindings).toEqual([]);
    const last = [...env.repo.checkRuns.values()].at(-1)!;
    expect(last.conclusion).toBe('success');
    expect(last.annotations).toEqual([]);
  });

  it('warns on owners who cannot be assigned, asking once per owner', async () => {
    const text = postmortemText({
      title: 'Cache outage',
      items: [
        { text: 'Alert on eviction limit', owner: '@alice', due: '2026-03-01' },
        { text: 'Add a canary', owner: '@zed', due: '2026-03-02' },
        { text: 'Review the rollout', owner: '@zed', due: '2026-03-03' },
      ],
    });
    const pull = openPull({ 'postmortems/c.md': text });
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'pull_request', pullRequestPayload('opened', pull, env.installation.id));

    const run = [...env.repo.checkRuns.values()][0]!;
    const owners = run.annotations.filter((a) => a.title === 'owner-assignable');
    expect(owners.map((a) => a.start_line)).toHaveLength(2);
    expect(owners.every((a) => a.message.includes('@zed'))).toBe(true);
    expect(
      env.standIn.requests.count({ route: '/repos/{owner}/{repo}/assignees/{assignee}' }),
    ).toBe(2);
  });

  it('creates no check run for a pull request that touches no post-mortem', async () => {
    const pull = openPull({
      'src/app.ts': 'export const x = 1;\n',
      'postmortems/README.md': '# Index\n',
    });
    const probot = await createTestProbot(env.standIn);

    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('reopened', pull, env.installation.id),
    );

    expect(env.repo.checkRuns.size).toBe(0);
  });

  it('does nothing in a repository that has not opted in', async () => {
    env.standIn.commitFiles('acme', 'payments', { [CONFIG]: null });
    const pull = openPull({ 'postmortems/a.md': sloppyPostmortemText(3) });
    const probot = await createTestProbot(env.standIn);
    const writesBefore = env.standIn.requests.writes();

    await deliver(probot, 'pull_request', pullRequestPayload('opened', pull, env.installation.id));

    expect(env.repo.checkRuns.size).toBe(0);
    expect(env.standIn.requests.writes()).toBe(writesBefore);
  });

  it('validates a configuration file the pull request changes, on its lines', async () => {
    const pull = openPull({ [CONFIG]: 'check:\n  failOn: sometimes\n' });
    const probot = await createTestProbot(env.standIn);

    await deliver(probot, 'pull_request', pullRequestPayload('opened', pull, env.installation.id));

    const run = [...env.repo.checkRuns.values()][0]!;
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.some((a) => a.path === CONFIG && a.start_line === 2)).toBe(true);
  });
});
