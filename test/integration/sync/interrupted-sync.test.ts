import { describe, expect, it } from 'vitest';
import { PATH, base, failingFetch, postmortemText, runSync, snapshot, standIn } from './harness.js';

const files = (items: string[]): Record<string, string> => ({ [PATH]: postmortemText(items) });

describe('a run that fails on its k-th write, then a rerun', () => {
  const pre = files([...base, '- [ ] Archive the old dashboards (@alice)']);
  const before = files([...base, '- [x] Archive the old dashboards (@alice)']);
  const after = {
    [PATH]: postmortemText([
      '- [ ] Add a replica lag alert and page on it (Owner: @alice, Due: 2026-04-01)',
      '- [x] Fix the failover script — @bob',
      '- [x] Document the failover runbook (@acme/sre)',
      '- [ ] Review connection pool limits, see #12',
      '- [ ] Rotate the replication credentials (Owner: @alice, Due: 2026-03-10)',
      '- [ ] Archive the old dashboards (@alice)',
      '- [ ] Add a synthetic write probe (@bob)',
    ]),
    'postmortems/2026-03-12-cache.md': postmortemText(
      ['- [ ] Cap cache memory (@alice)', '- [ ] Alert on eviction storms (@bob)'],
      {
        title: 'Cache stampede',
        date: '2026-03-12',
        severity: 'SEV2',
      },
    ),
  };

  async function prepared() {
    const gh = standIn();
    await runSync(gh, pre, { plain: true });
    await runSync(gh, before, { plain: true });
    return gh;
  }

  it('finishes with the same issues as an uninterrupted run, for every k', async () => {
    const clean = await prepared();
    const cleanReport = await runSync(clean, after, { plain: true });
    const total = cleanReport.result.writes;
    const kinds = new Set(cleanReport.plan.map((op) => op.kind));
    expect([...kinds].sort()).toEqual(
      ['close', 'comment', 'create', 'create-label', 'reopen', 'skip', 'update', 'link'].sort(),
    );
    expect(total).toBeGreaterThanOrEqual(10);
    const expected = snapshot(clean);

    for (const how of ['refused', 'lost'] as const) {
      for (let k = 1; k <= total; k++) {
        const gh = await prepared();
        const failing = await runSync(gh, after, {
          fetch: failingFetch(gh.fetch, k, how),
          createAttempts: 1,
          plain: true,
        });
        expect(failing.result.failure, `${how} k=${k}`).not.toBeNull();
        expect(failing.result.writes, `${how} k=${k}`).toBe(k);
        const rerun = await runSync(gh, after, { plain: true });
        expect(rerun.result.failure, `${how} k=${k}`).toBeNull();
        expect(snapshot(gh), `${how} k=${k}`).toEqual(expected);
        const mark = gh.requests.mark();
        await runSync(gh, after, { plain: true });
        expect(gh.requests.writes(mark), `${how} k=${k}: a third run writes nothing`).toBe(0);
      }
    }
  });

  it('recovers a create whose response was lost within the same run, without a duplicate', async () => {
    const probe = await prepared();
    const plan = (await runSync(probe, after, { dryRun: true, plain: true })).plan.filter(
      (op) => op.kind !== 'skip' && op.kind !== 'link',
    );
    const k = plan.findIndex((op) => op.kind === 'create') + 1;
    expect(k).toBeGreaterThan(0);
    const gh = await prepared();
    const mark = gh.requests.mark();
    const report = await runSync(gh, after, {
      fetch: failingFetch(gh.fetch, k, 'lost'),
      retries: 0,
    });
    // The lost create reached GitHub once and was found again, not posted twice.
    expect(gh.requests.count({ method: 'POST', route: '/repos/{owner}/{repo}/issues' }, mark)).toBe(
      report.counts.created,
    );
    expect(report.result.failure).toBeNull();
    const clean = await prepared();
    await runSync(clean, after);
    expect(snapshot(gh)).toEqual(snapshot(clean));
  });
});
