import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { pickMode } from '../../../src/action/pick-mode.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  OWNER,
  REPO,
  makeWorkspace,
  postmortem,
  pullRequestEvent,
  pushEvent,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

function standIn(): GitHubStandIn {
  return standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
}

const PM = 'postmortems/2026-03-01-db.md';
const items = [
  '- [ ] Add a replica lag alert (@alice, due 2026-04-01)',
  '- [ ] Document the runbook (@acme/sre, due 2026-04-02)',
  '- [ ] Load test the primary (@carol, due 2026-04-03)',
];

describe('check mode', () => {
  it('lints only the post-mortems the pull request adds or changes, with paginated file listing', async () => {
    const gh = standIn();
    const changed: Record<string, string | null> = { [PM]: postmortem(items) };
    for (let i = 0; i < 120; i++) changed[`src/file-${i}.ts`] = `export const x${i} = ${i};\n`;
    changed['postmortems/z-last.md'] = postmortem(['- [ ] Something (@alice)'], {
      sections: false,
    });
    const pr = gh.addPull(OWNER, REPO, { files: changed });
    const workspace = makeWorkspace({
      [PM]: postmortem(items),
      'postmortems/z-last.md': postmortem(['- [ ] Something (@alice)'], { sections: false }),
      'postmortems/untouched.md': '# nothing',
    });
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(gh.requests.count({ route: '/repos/{owner}/{repo}/pulls/{pull_number}/files' })).toBe(2);
    expect(result.stdout).toMatch(/file=postmortems\/z-last\.md/);
    expect(result.stdout).not.toMatch(/untouched/);
    expect(result.summary).toContain('2 post-mortems checked');
    expect(result.failed).toBe(true);
  });

  it('passes with warnings only, and fails on them when the config says failOn: warning', async () => {
    const gh = standIn();
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: postmortem(items) } });
    const workspace = makeWorkspace({ [PM]: postmortem(items) });
    const ok = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(ok.stdout).toMatch(/::warning title=owner-assignable,.*::@carol cannot be assigned/);
    expect(ok.failed, ok.stdout).toBe(false);
    const strict = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yml': 'check:\n  failOn: warning\n',
    });
    expect(
      (
        await step(gh, {
          eventName: 'pull_request',
          payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
          workspace: strict,
        })
      ).failed,
    ).toBe(true);
  });

  it('reports errors but passes when fail-on-error is false', async () => {
    const gh = standIn();
    const bad = postmortem(items, { sections: false });
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: bad } });
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace: makeWorkspace({ [PM]: bad }),
      inputs: { 'fail-on-error': 'false' },
    });
    expect(result.stdout).toMatch(/^::error title=required-sections/m);
    expect(result.failed).toBe(false);
    expect(Number(result.outputs['problems'])).toBeGreaterThanOrEqual(2);
  });

  it('skips the owner check with a notice when the token may not read assignees', async () => {
    const gh = standIn();
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: postmortem(items) } });
    gh.faults.add(
      { route: '/repos/{owner}/{repo}/assignees/{assignee}', times: Infinity },
      { status: 403, message: 'Resource not accessible by integration' },
    );
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace: makeWorkspace({ [PM]: postmortem(items) }),
    });
    expect(result.stdout).toMatch(
      /^::notice::Owners were not checked: the token may not read assignees \(HTTP 403\)/m,
    );
    expect(result.failed, result.stdout).toBe(false);
  });

  it('still prints annotations on a pull request from a fork, whose token is read-only', async () => {
    const gh = standIn();
    const bad = postmortem(items, { sections: false });
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: bad } });
    gh.faults.readOnlyToken();
    gh.faults.add(
      { route: '/repos/{owner}/{repo}/assignees/{assignee}', times: Infinity },
      { status: 403, message: 'Resource not accessible by integration' },
    );
    const payload = pullRequestEvent(pr.number, 'd'.repeat(40));
    const head = (payload['pull_request'] as Record<string, Record<string, unknown>>)['head']!;
    head['repo'] = { ...(head['repo'] as object), fork: true, full_name: 'someone/ops' };
    const result = await step(gh, {
      eventName: 'pull_request',
      payload,
      workspace: makeWorkspace({ [PM]: bad }),
    });
    expect(result.stdout).toMatch(
      /^::error title=required-sections,file=postmortems\/2026-03-01-db\.md,line=1,col=1::/m,
    );
    expect(result.summary).toContain('## Post-mortem check');
    expect(result.failed).toBe(true);
    expect(gh.requests.writes()).toBe(0);
  });

  it('reads the paths and config inputs, and lints only changed files under those paths', async () => {
    const gh = standIn();
    const bad = postmortem(items, { sections: false });
    const pr = gh.addPull(OWNER, REPO, {
      files: { 'incidents/2026/db.md': bad, 'docs/guide.md': bad, [PM]: bad },
    });
    const workspace = makeWorkspace({
      'incidents/2026/db.md': bad,
      'docs/guide.md': bad,
      [PM]: bad,
      'ops/tracker.yml': 'check:\n  failOn: never\n',
    });
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
      inputs: { paths: 'incidents/**/*.md', config: 'ops/tracker.yml' },
    });
    expect(result.stdout).toMatch(/^::error title=required-sections,file=incidents\/2026\/db\.md/m);
    expect(result.stdout).not.toMatch(/file=docs\/guide\.md/);
    expect(result.stdout).not.toMatch(/file=postmortems\//);
    // failOn: never from the config named by the input: errors are reported, the step passes.
    expect(result.failed, result.stdout).toBe(false);
  });

  it('annotates config errors and names the bad value', async () => {
    const gh = standIn();
    const pr = gh.addPull(OWNER, REPO, { files: { [PM]: postmortem(items) } });
    const workspace = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yml': 'sync:\n  maxWrites: lots\n',
    });
    const result = await step(gh, {
      eventName: 'pull_request',
      payload: pullRequestEvent(pr.number, 'd'.repeat(40)),
      workspace,
    });
    expect(result.stdout).toMatch(
      /^::error title=config-invalid,file=\.github\/postmortem-tracker\.yml,line=2,.*sync\.maxWrites/m,
    );
    expect(result.failed).toBe(true);
  });
});

describe('sync mode', () => {
  it('counts items left untracked by sync.maxOpenIssues as problems', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yml': 'sync:\n  maxOpenIssues: 1\n  assignOwners: false\n',
    });
    const result = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(result.outputs).toMatchObject({ created: '1' });
    expect(Number(result.outputs['problems'])).toBe(2);
  });

  it('creates issues on push to the default branch and sets outputs; re-running writes nothing', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ [PM]: postmortem(items) });
    const first = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(first.failed).toBe(false);
    expect(first.outputs).toMatchObject({ created: '3', updated: '0', closed: '0' });
    expect(Number(first.outputs['problems'])).toBe(2);
    expect(first.summary).toContain('### Owners not assigned');
    // Every owner sync could not assign is also an annotation on the item's line.
    expect(first.stdout).toMatch(
      /^::warning title=owner not assigned,file=postmortems\/2026-03-01-db\.md,line=23::.*owner @carol cannot be assigned/m,
    );
    expect(first.stdout).toMatch(
      /^::notice title=owner not assigned,file=postmortems\/2026-03-01-db\.md,line=22::.*@acme\/sre is a team/m,
    );
    const mark = gh.requests.mark();
    const second = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(second.outputs).toMatchObject({ created: '0', updated: '0', closed: '0' });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(JSON.parse(second.outputs['items'] ?? '')).toEqual(
      JSON.parse(first.outputs['items'] ?? ''),
    );
  });

  it('writes a job summary with created, updated, closed and skipped, and why', async () => {
    const gh = standIn();
    const four = [...items, '- [ ] Rotate the credentials (@bob, due 2026-04-04)'];
    const workspace = makeWorkspace({ [PM]: postmortem(four) });
    const push = () =>
      step(gh, {
        eventName: 'push',
        payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
        workspace,
      });
    await push();
    writeFileSync(
      `${workspace}/${PM}`,
      postmortem([
        '- [ ] Add a replica lag alert (@bob, due 2026-04-01)',
        '- [x] Document the runbook (@acme/sre, due 2026-04-02)',
        '- [ ] Rotate the credentials (@bob, due 2026-04-04)',
        '- [x] Archive the old dashboards (@alice)',
      ]),
    );
    const second = await push();
    expect(second.outputs).toMatchObject({ created: '0', updated: '1', closed: '2' });
    expect(second.summary).toMatch(
      /\| created \| updated \| closed \| reopened \| linked \| skipped[^\n]*\n[^\n]*\n\| 0 \| 1 \| 2 \| 0 \| 0 \| 1 \|/,
    );
    expect(second.summary).toMatch(/### Done[\s\S]*update[\s\S]*close/);
    expect(second.summary).toMatch(/### Skipped\n\n- skip [^\n]*: done-untracked/);
    expect(second.summary).toContain('1 issue(s) already up to date; 4 tracked issue(s) found.');
  });

  it('prints the plan and writes nothing in a dry run', async () => {
    const gh = standIn();
    const result = await step(gh, {
      eventName: 'workflow_dispatch',
      payload: {},
      workspace: makeWorkspace({ [PM]: postmortem(items) }),
      inputs: { mode: 'sync', 'dry-run': 'true' },
    });
    expect(gh.requests.writes()).toBe(0);
    expect(result.stdout).toMatch(/\[dry-run\] create issue for .* Add a replica lag alert/);
    expect(result.summary).toContain('sync plan (dry run, nothing written)');
    expect(result.outputs['created']).toBe('3');
  });

  it('stops at max-writes with a warning and the next run finishes', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ [PM]: postmortem(items) });
    const first = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
      inputs: { 'max-writes': '2' },
    });
    expect(first.stdout).toMatch(/::warning::max-writes \(2\) reached/);
    expect(first.failed).toBe(false);
    await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
      inputs: { 'max-writes': '2' },
    });
    await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
      inputs: { 'max-writes': '2' },
    });
    const tracked = [...gh.repo(OWNER, REPO).issues.values()].filter((i) => parseMarker(i.body));
    expect(tracked).toHaveLength(3);
  });

  it('bounds writes by the max-writes input: the config may lower the cap, never raise it', async () => {
    const gh = standIn();
    const raise = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yml': 'sync:\n  maxWrites: 500\n',
    });
    const push = {
      eventName: 'push' as const,
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
    };
    let mark = gh.requests.mark();
    const raised = await step(gh, { ...push, workspace: raise, inputs: { 'max-writes': '2' } });
    expect(gh.requests.writes(mark)).toBe(2);
    expect(raised.stdout).toMatch(/::warning::max-writes \(2\) reached/);
    const lower = makeWorkspace({
      [PM]: postmortem(items),
      '.github/postmortem-tracker.yml': 'sync:\n  maxWrites: 1\n',
    });
    mark = gh.requests.mark();
    await step(gh, { ...push, workspace: lower, inputs: { 'max-writes': '50' } });
    expect(gh.requests.writes(mark)).toBe(1);
  });

  it('fails the step on a failed write, and the next run completes', async () => {
    const gh = standIn();
    const workspace = makeWorkspace({ [PM]: postmortem(items) });
    gh.faults.add(
      { writesOnly: true, nth: 3, times: Infinity },
      { status: 403, message: 'Resource not accessible by integration' },
    );
    const first = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(first.failed).toBe(true);
    expect(first.stdout).toMatch(/^::error::sync stopped at a failed write \(HTTP 403/m);
    expect(first.summary).toContain('Stopped by a failed write');
    gh.faults.clear();
    const second = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace,
    });
    expect(second.failed).toBe(false);
    expect(
      [...gh.repo(OWNER, REPO).issues.values()].filter((i) => parseMarker(i.body)),
    ).toHaveLength(3);
  });

  it('fails with a message naming the input for a bad value', async () => {
    const gh = standIn();
    const result = await step(gh, {
      eventName: 'push',
      payload: pushEvent('refs/heads/main', 'c'.repeat(40)),
      workspace: makeWorkspace({}),
      inputs: { 'max-writes': 'many' },
    });
    expect(result.failed).toBe(true);
    expect(result.stdout).toMatch(
      /^::error::input "max-writes" is "many"; expected a whole number/m,
    );
  });

  it('picks digest mode for schedule under mode auto', async () => {
    const gh = standIn();
    const result = await step(gh, {
      eventName: 'schedule',
      payload: { schedule: '0 9 * * 1' },
      workspace: makeWorkspace({}),
      inputs: { 'dry-run': 'true' },
    });
    expect(result.stdout).toMatch(/digest mode \(schedule/);
    expect(gh.requests.writes()).toBe(0);
  });

  it('maps events to modes under auto, and lets an explicit mode win', () => {
    expect(
      ['pull_request', 'push', 'schedule', 'workflow_dispatch'].map((e) => pickMode('auto', e)),
    ).toEqual(['check', 'sync', 'digest', 'digest']);
    expect(pickMode('sync', 'workflow_dispatch')).toBe('sync');
    expect(pickMode('check', 'push')).toBe('check');
    expect(() => pickMode('auto', 'issues')).toThrow(/"issues" does not pick a mode/);
  });

  it('picks digest mode for workflow_dispatch under mode auto', async () => {
    const gh = standIn();
    const result = await step(gh, {
      eventName: 'workflow_dispatch',
      payload: {},
      workspace: makeWorkspace({}),
      inputs: { 'dry-run': 'true' },
    });
    expect(result.stdout).toMatch(/digest mode \(workflow_dispatch/);
    expect(gh.requests.writes()).toBe(0);
  });
});
