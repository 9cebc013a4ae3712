import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/sync.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { makeWorkspace } from '../action/action-harness.js';
import { OWNER, REPO, issues, postmortemText, standIn } from './harness.js';

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      cwd,
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
      now: () => new Date('2026-03-20T12:00:00Z'),
    },
  };
}

describe('postmortem-tracker sync (CLI)', () => {
  let gh: GitHubStandIn;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    gh = standIn();
    server = await gh.listen();
  });
  afterAll(async () => server?.close());

  it('plans in a dry run, then syncs, against a loopback GitHub', async () => {
    const cwd = makeWorkspace({
      'postmortems/2026-03-01-db.md': postmortemText([
        '- [ ] Add a replica lag alert (@alice, due 2026-04-01)',
        '- [ ] Document the runbook (@bob)',
      ]),
      '.github/postmortem-tracker.yml': 'sync:\n  writeIntervalMs: 0\n',
    });
    const args = [
      '--repo',
      `${OWNER}/${REPO}`,
      '--token',
      't',
      '--api-url',
      server.url,
      '--sha',
      'e'.repeat(40),
    ];
    const dry = io(cwd);
    expect(await run([...args, '--dry-run'], dry.io)).toBe(0);
    expect(dry.out.stdout).toContain('[dry-run] create issue for');
    expect(dry.out.stdout).toContain('planned: 2 created');
    expect(gh.requests.writes()).toBe(0);

    const real = io(cwd);
    expect(await run(args, real.io)).toBe(0);
    expect(real.out.stdout).toContain('done: 2 created');
    expect(
      issues(gh)
        .filter((i) => parseMarker(i.body))
        .map((i) => i.title),
    ).toEqual(['Add a replica lag alert', 'Document the runbook']);
  });

  it('asks GitHub once who the token is, and writes nothing when GitHub does not say', async () => {
    const cwd = makeWorkspace({
      'postmortems/2026-03-02-cache.md': postmortemText(['- [ ] Cap cache memory (@alice)'], {
        title: 'Cache stampede',
        date: '2026-03-02',
      }),
      '.github/postmortem-tracker.yml': 'sync:\n  writeIntervalMs: 0\n',
    });
    const args = ['--repo', `${OWNER}/${REPO}`, '--token', 'ghs_x', '--api-url', server.url];
    const mark = gh.requests.mark();
    // An installation token may not read /user; GraphQL's viewer still names the bot.
    gh.faults.add(
      { method: 'GET', route: '/user', times: Infinity },
      { status: 403, message: 'Resource not accessible by integration' },
    );
    gh.faults.add({ route: 'graphql', times: Infinity }, { status: 401 });
    const refused = io(cwd);
    expect(await run([...args, '--sha', 'f'.repeat(40)], refused.io)).toBe(1);
    expect(refused.out.stderr).toContain('cannot tell the login this token writes as');
    expect(gh.requests.writes(mark)).toBe(0);
    expect(gh.requests.count({ method: 'GET', route: '/user' }, mark)).toBe(1);
    gh.faults.clear();

    gh.faults.add(
      { method: 'GET', route: '/user', times: Infinity },
      { status: 403, message: 'Resource not accessible by integration' },
    );
    const bot = io(cwd);
    expect(await run([...args, '--sha', 'f'.repeat(40)], bot.io)).toBe(0);
    expect(bot.out.stdout).toContain('done: 1 created');
    expect(
      issues(gh).find((i) => i.title === 'Cap cache memory')?.user,
      'matched and opened as the bot GraphQL named',
    ).toBe('postmortem-tracker[bot]');
    const again = io(cwd);
    expect(await run([...args, '--sha', 'f'.repeat(40)], again.io)).toBe(0);
    expect(again.out.stdout).toContain('done: 0 created');
    gh.faults.clear();
  });

  it('rejects a malformed --repo as a usage error', async () => {
    await expect(run(['--repo', 'nope'], io('/tmp').io)).rejects.toThrow(
      /--repo is "nope"; expected OWNER\/NAME/,
    );
  });
});
