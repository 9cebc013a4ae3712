import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { renderSyncSummary } from '../../../src/core/sync/render-sync-summary.js';
import { PATH, issues, postmortemText, runSync, standIn } from './harness.js';

const items = [
  '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)',
  '- [ ] Document the failover runbook (Owner: @bob, Due: 2026-04-02)',
  '- [ ] Write a load test for the primary (@alice)',
  '- [ ] Rotate the replication credentials (Owner: @bob, Due: 2026-03-10)',
  '- [ ] Add a synthetic write probe (@alice)',
];
const files = (list: string[]): Record<string, string> => ({ [PATH]: postmortemText(list) });
const capped = (maxOpenIssues: number): Config => ({
  ...defaultConfig,
  sync: { ...defaultConfig.sync, maxOpenIssues },
});

describe('the per-repository cap on open tracked issues', () => {
  it('creates none beyond sync.maxOpenIssues, says so, and creates the rest as issues close', async () => {
    const gh = standIn();
    const config = capped(3);
    const first = await runSync(gh, files(items), { config });
    expect(first.counts.created).toBe(3);
    expect(issues(gh).filter((i) => i.state === 'open')).toHaveLength(3);
    expect(first.openIssues.limit).toBe(3);
    expect(first.openIssues.notCreated.map((n) => n.path)).toEqual([PATH, PATH]);
    expect(first.openIssues.notCreated[0]?.detail).toMatch(/sync\.maxOpenIssues \(3\)/);
    expect(renderSyncSummary(first, { dryRun: false })).toMatch(
      /Open-issue cap reached:.*at most 3 open tracked issues.*2 item\(s\) not tracked/,
    );

    const mark = gh.requests.mark();
    const again = await runSync(gh, files(items), { config });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(again.openIssues.notCreated).toHaveLength(2);

    // One tracked item done: its issue closes, which frees room for one more in the same run.
    const done = [items[0]?.replace('- [ ]', '- [x]') ?? '', ...items.slice(1)];
    const next = await runSync(gh, files(done), { config });
    expect(next.counts).toMatchObject({ closed: 1, created: 1 });
    expect(next.openIssues.notCreated).toHaveLength(1);
    expect(issues(gh).filter((i) => i.state === 'open')).toHaveLength(3);
  });

  it('defaults to 500', () => {
    expect(defaultConfig.sync.maxOpenIssues).toBe(500);
  });
});

describe('owners sync could not assign', () => {
  it('are listed in the report with the item, file, line, owner and why', async () => {
    const gh = standIn();
    const report = await runSync(
      gh,
      files([
        '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)',
        '- [ ] Document the failover runbook (@acme/sre)',
        '- [ ] Write a load test for the primary (@carol)',
        '- [ ] Rotate the replication credentials (Owner: Dana, Due: 2026-03-10)',
      ]),
    );
    expect(
      report.unassigned.map(({ path, line, owner, cause, team }) => ({
        path,
        line,
        owner,
        cause,
        team,
      })),
    ).toEqual([
      { path: PATH, line: 13, owner: '@acme/sre', cause: 'team', team: true },
      { path: PATH, line: 14, owner: '@carol', cause: 'not-assignable', team: false },
      { path: PATH, line: 15, owner: 'Dana', cause: 'not-a-login', team: false },
    ]);
    expect(report.unassigned[1]?.reason).toMatch(/@carol cannot be assigned in this repository/);
    const ids = new Set(report.plan.flatMap((op) => (op.kind === 'create' ? [op.id] : [])));
    expect(report.unassigned.every((u) => ids.has(u.id))).toBe(true);
    expect(renderSyncSummary(report, { dryRun: false })).toContain(
      `${PATH}:14 ${report.unassigned[1]?.id ?? ''}: owner @carol cannot be assigned`,
    );
  });
});
