import { describe, expect, it } from 'vitest';
import { checkPullRequest, renderCheckSummary } from '../../../src/core/check/index.js';
import {
  compareWithEarlier,
  resemblanceMessage,
} from '../../../src/core/check/compare-with-earlier.js';
import { config, issue, item, pm } from '../digest/fixtures.js';

const TODAY = '2026-11-26';

const outage = pm({
  path: 'pm/2026-03-25-checkout.md',
  title: 'Checkout Service Outage',
  incidentDate: '2026-03-25',
  severity: 'SEV1',
  services: ['checkout'],
  rootCause: 'The payment connection pool was sized below peak traffic',
  lines: { title: 3 },
  actionItems: [
    item({ title: 'Alert on pool saturation', due: '2026-04-30' }),
    item({ title: 'Load-test the pool', due: '2026-12-31' }),
    item({ title: 'Document pool sizing', due: '2026-04-01', status: 'done' }),
  ],
});
const dns = pm({
  path: 'pm/2026-08-27-dns.md',
  title: 'DNS resolver outage',
  incidentDate: '2026-08-27',
  severity: 'SEV2',
  services: ['dns'],
  rootCauseCategory: 'capacity',
  rootCause: 'Resolver pods ran out of file descriptors',
});
const recurrence = pm({
  path: 'pm/2026-11-20-checkout.md',
  title: 'Checkout errors from the payment connection pool',
  incidentDate: '2026-11-20',
  severity: 'SEV1',
  services: ['Checkout'],
  rootCauseCategory: 'capacity',
  rootCause: 'The connection pool was too small for the sale traffic',
  lines: { title: 1 },
});

function compare(
  overrides: Partial<Parameters<typeof compareWithEarlier>[0]> = {},
  check: Record<string, unknown> = {},
  digest: Record<string, unknown> = {},
) {
  return compareWithEarlier({
    added: [recurrence],
    earlier: [outage, dns],
    issues: null,
    config: config(digest, { check }),
    today: TODAY,
    ...overrides,
  });
}

describe('compareWithEarlier', () => {
  it('names the earlier incident, why it matched and its items on the new title line', () => {
    const [r, ...rest] = compare();
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ file: 'pm/2026-11-20-checkout.md', line: 1, level: 'notice' });
    expect(resemblanceMessage(r!)).toMatch(
      /^Resembles \*Checkout Service Outage\* \(2026-03-25, SEV1\): same service `checkout`, similar wording \([^)]*pool[^)]*\)\. 2 of its 3 action items are still open, 1 overdue\.$/,
    );
    expect(r!.items.map((i) => `${i.state}:${i.source}`)).toEqual([
      'overdue:markdown',
      'open:markdown',
      'done:markdown',
    ]);
  });

  it('does not match an incident sharing only a root-cause category (one weak signal)', () => {
    expect(compare().some((r) => r.earlier.path === dns.path)).toBe(false);
    // With one signal enough, as before issue 12, the DNS outage would be named too.
    expect(compare({}, {}, { minSignals: 1 }).map((r) => r.earlier.path)).toEqual([
      outage.path,
      dns.path,
    ]);
  });

  it('follows the rule at its edges: three signals required, or only near-identical wording strong enough', () => {
    expect(compare({}, {}, { minSignals: 3, strongSimilarity: 0.99 })).toEqual([]);
    const twin = pm({ ...outage, path: 'pm/twin.md', services: [], incidentDate: '2026-11-21' });
    expect(
      compare({ added: [twin] }, {}, { minSignals: 3, strongSimilarity: 0.99 }).map((r) =>
        r.signals.map((s) => s.basis),
      ),
    ).toEqual([['similarity']]);
  });

  it('takes item state from the tracked issues when readable: closed in GitHub is done, unticked or not', () => {
    const issues = [
      issue(41, outage.path, 'alert-on-pool-saturation', {
        state: 'closed',
        closedAt: '2026-05-02T10:00:00Z',
      }),
    ];
    const [r] = compare({ issues });
    expect(r!.items[0]).toMatchObject({
      title: 'Alert on pool saturation',
      state: 'done',
      source: 'issue',
      issue: { number: 41 },
    });
    expect(resemblanceMessage(r!)).toContain('1 of its 3 action items is still open.');
    // Without issues, the markdown decides: the same item is open and overdue.
    expect(compare()[0]!.items[0]).toMatchObject({ state: 'overdue', source: 'markdown' });
  });

  it('is a notice by default; check.recurrence raises it only while earlier items are open, for the listed severities', () => {
    expect(compare({}, { recurrence: 'error' })[0]!.level).toBe('error');
    expect(compare({}, { recurrence: 'warning', recurrenceSeverities: ['sev-1'] })[0]!.level).toBe(
      'warning',
    );
    expect(compare({}, { recurrence: 'error', recurrenceSeverities: ['SEV2'] })[0]!.level).toBe(
      'notice',
    );
    const allDone = pm({
      ...outage,
      actionItems: outage.actionItems.map((i) => ({ ...i, status: 'done' as const })),
    });
    const [r] = compare({ earlier: [allDone] }, { recurrence: 'error' });
    expect(r!.level).toBe('notice');
    expect(resemblanceMessage(r!)).toContain('All 3 action items are done.');
    expect(compare({}, { recurrence: 'off' })).toEqual([]);
  });

  it('compares only with incidents before the new one, and not with its own earlier version', () => {
    const later = pm({ ...outage, path: 'pm/later.md', incidentDate: '2026-11-25' });
    expect(compare({ earlier: [later] })).toEqual([]);
    expect(compare({ earlier: [recurrence, outage] }).map((r) => r.earlier.path)).toEqual([
      outage.path,
    ]);
  });
});

describe('checkPullRequest with review-time recurrence', () => {
  const run = (check: Record<string, unknown> = {}) =>
    checkPullRequest({
      paths: [recurrence.path],
      read: async (paths) => new Map(paths.map((p) => [p, { text: 'parsed by the stub' }])),
      lint: () => ({ postmortem: recurrence, diagnostics: [] }),
      config: config({}, { check: { checkAssignees: false, ...check } }),
      port: { canBeAssigned: async () => true },
      repo: 'acme/ops',
      failOn: 'error',
      recurrence: {
        earlier: async () => ({ postmortems: [outage, dns], issues: null }),
        today: TODAY,
      },
    });

  it('reports a resemblance as a notice that never fails the check, with a summary section', async () => {
    const report = await run();
    expect(report.resemblances).toHaveLength(1);
    expect(report.diagnostics).toEqual([]);
    expect(report.conclusion).toBe('success');
    const summary = renderCheckSummary(report);
    expect(summary).toContain('### Resembles earlier incidents');
    expect(summary).toContain(
      '- *Checkout Service Outage* (2026-03-25, SEV1): same service `checkout`',
    );
    expect(summary).toContain('  - **overdue**: Alert on pool saturation, due 2026-04-30');
    expect(summary).toContain('  - done: Document pool sizing');
  });

  it('fails the check when check.recurrence is error and the earlier items are open', async () => {
    const report = await run({ recurrence: 'error' });
    expect(report.conclusion).toBe('failure');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ rule: 'recurrence', severity: 'error', line: 1 }),
    ]);
  });

  it('compares nothing without the host supplying the earlier post-mortems', async () => {
    const report = await checkPullRequest({
      paths: [recurrence.path],
      read: async (paths) => new Map(paths.map((p) => [p, { text: '' }])),
      lint: () => ({ postmortem: recurrence, diagnostics: [] }),
      config: config({}, { check: { checkAssignees: false } }),
      port: { canBeAssigned: async () => true },
      repo: 'acme/ops',
      failOn: 'error',
    });
    expect(report.resemblances).toEqual([]);
  });
});
