import { describe, expect, it } from 'vitest';
import { analyseActionItems } from '../../../src/core/digest/analyse-action-items.js';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { resolveItems } from '../../../src/core/digest/resolve-items.js';
import { config, issue, item, pm } from './fixtures.js';

const TODAY = '2026-11-25';

function stats(
  postmortems: Parameters<typeof resolveItems>[0],
  issues: Parameters<typeof resolveItems>[1] = [],
  cfg = config(),
) {
  return analyseActionItems(resolveItems(postmortems, issues, cfg), {
    today: TODAY,
    dueSoonDays: 7,
  });
}

describe('resolveItems', () => {
  const doc = pm({
    path: 'pm/a.md',
    incidentDate: '2026-10-01',
    severity: 'SEV-1',
    actionItems: [
      item({ title: 'Add alert', due: '2026-11-01' }),
      item({ title: 'Fix runbook', owner: null }),
      item({ title: 'Vague', dueRaw: 'Q2 2027' }),
    ],
  });

  it('takes status, owner and dates from the tracked issue matched by marker id and path', () => {
    const items = resolveItems(
      [doc],
      [
        issue(7, 'pm/a.md', 'add-alert', {
          state: 'closed',
          closedAt: '2026-11-03T09:00:00Z',
          assignees: ['bob'],
          createdAt: '2026-10-02T08:00:00Z',
        }),
        issue(8, 'pm/other.md', 'fix-runbook', {
          state: 'closed',
          closedAt: '2026-11-03T09:00:00Z',
        }),
      ],
      config(),
    );
    expect(items[0]).toMatchObject({
      status: 'done',
      statusSource: 'issue',
      owner: '@bob',
      closedOn: '2026-11-03',
      createdOn: '2026-10-02',
      issue: { number: 7 },
    });
    // Same id in another post-mortem: not a match, the markdown decides.
    expect(items[1]).toMatchObject({
      status: 'open',
      statusSource: 'markdown',
      issue: null,
      createdOn: '2026-10-01',
    });
  });

  it('defaults a missing due date from the severity and reads a vague one, neither counted as written', () => {
    const items = resolveItems([doc], [], config());
    expect(items[0]).toMatchObject({ due: '2026-11-01', dueWritten: true });
    expect(items[1]).toMatchObject({ due: '2026-10-29', dueWritten: false }); // SEV1: 28 days
    expect(items[2]).toMatchObject({ due: '2027-06-30', dueWritten: false, dueVague: 'Q2 2027' });
  });

  it('takes the closing date in the digest time zone', () => {
    const items = resolveItems(
      [doc],
      [issue(7, 'pm/a.md', 'add-alert', { state: 'closed', closedAt: '2026-11-02T23:30:00Z' })],
      config({ timeZone: 'Asia/Tokyo' }),
    );
    expect(items[0]!.closedOn).toBe('2026-11-03');
  });
});

describe('analyseActionItems', () => {
  const doc = pm({
    path: 'pm/a.md',
    incidentDate: '2026-09-01',
    actionItems: [
      item({ title: 'Overdue long', due: '2026-11-05', owner: '@alice' }),
      item({ title: 'Overdue short', due: '2026-11-24', owner: '@bob' }),
      item({ title: 'Overdue bob', due: '2026-11-20', owner: '@bob' }),
      item({ title: 'Due today', due: '2026-11-25' }),
      item({ title: 'Due in seven', due: '2026-12-02' }),
      item({ title: 'Due in eight', due: '2026-12-03' }),
      item({ title: 'Done in markdown', due: '2026-11-01', status: 'done' }),
      item({ title: 'No due', owner: null }),
    ],
  });

  it('lists overdue items with days overdue, most overdue first, and counts them per owner', () => {
    const s = stats([doc]);
    expect(s.overdue.map((r) => [r.title, r.days])).toEqual([
      ['Overdue long', 20],
      ['Overdue bob', 5],
      ['Overdue short', 1],
    ]);
    expect(s.overdueByOwner).toEqual([
      { owner: '@bob', count: 2 },
      { owner: '@alice', count: 1 },
    ]);
  });

  it('lists items due from today through the next 7 days', () => {
    expect(stats([doc]).dueSoon.map((r) => [r.title, r.days])).toEqual([
      ['Due today', 0],
      ['Due in seven', 7],
    ]);
  });

  it('computes completion and on-time rates over items due in the last 90 days, with the trend', () => {
    const a = pm({
      path: 'pm/b.md',
      incidentDate: '2026-05-01',
      actionItems: [
        item({ title: 'cur on time', due: '2026-10-10' }),
        item({ title: 'cur late', due: '2026-10-10' }),
        item({ title: 'cur open', due: '2026-10-10' }),
        item({ title: 'prev on time', due: '2026-07-10' }),
        item({ title: 'prev open', due: '2026-07-10' }),
      ],
    });
    const issues = [
      issue(1, 'pm/b.md', 'cur-on-time', { state: 'closed', closedAt: '2026-10-09T12:00:00Z' }),
      issue(2, 'pm/b.md', 'cur-late', { state: 'closed', closedAt: '2026-11-20T12:00:00Z' }),
      issue(3, 'pm/b.md', 'cur-open'),
      issue(4, 'pm/b.md', 'prev-on-time', { state: 'closed', closedAt: '2026-07-01T12:00:00Z' }),
      // Closed after the previous window ended: open as of that window.
      issue(5, 'pm/b.md', 'prev-open', { state: 'closed', closedAt: '2026-11-01T12:00:00Z' }),
    ];
    const s = stats([a], issues);
    expect(s.completion).toEqual({ value: 67, previous: 50, trend: 17, of: 3, unknown: 0 });
    expect(s.onTime).toEqual({ value: 33, previous: 50, trend: -17, of: 3, unknown: 0 });
    expect(s.closedThisWeek.map((r) => r.title)).toEqual(['cur late']);
    expect(s.closedLate.map((r) => [r.title, r.days])).toEqual([
      ['prev open', 114],
      ['cur late', 41],
    ]);
  });

  it('leaves rates unknown when nothing fell due', () => {
    const s = stats([
      pm({ path: 'x.md', actionItems: [item({ title: 'later', due: '2027-05-01' })] }),
    ]);
    expect(s.completion).toEqual({ value: null, previous: null, trend: null, of: 0, unknown: 0 });
    expect(s.onTime).toMatchObject({ value: null, trend: null, of: 0 });
  });

  it('leaves the on-time rate unknown, not 0%, when done items have no closing date (markdown status)', () => {
    const s = stats([
      pm({
        path: 'md.md',
        incidentDate: '2026-08-01',
        actionItems: [
          item({ title: 'done in markdown', due: '2026-10-01', status: 'done' }),
          item({ title: 'still open', due: '2026-10-01' }),
        ],
      }),
    ]);
    expect(s.completion).toMatchObject({ value: 50, of: 2 });
    expect(s.onTime).toMatchObject({ value: null, trend: null, unknown: 1 });
  });

  it('measures on-time over items with a known closing date when some closing dates are known', () => {
    const a = pm({
      path: 'pm/mixed.md',
      incidentDate: '2026-08-01',
      actionItems: [
        item({ title: 'tracked on time', due: '2026-10-10' }),
        item({ title: 'done untracked', due: '2026-10-10', status: 'done' }),
        item({ title: 'open untracked', due: '2026-10-10' }),
      ],
    });
    const s = stats(
      [a],
      [
        issue(1, 'pm/mixed.md', 'tracked-on-time', {
          state: 'closed',
          closedAt: '2026-10-01T12:00:00Z',
        }),
      ],
    );
    expect(s.onTime).toMatchObject({ value: 50, of: 2, unknown: 1 });
  });

  it('lists the oldest open items by age', () => {
    const old = pm({
      path: 'old.md',
      incidentDate: '2025-11-25',
      actionItems: [item({ title: 'ancient' })],
    });
    const s = stats([doc, old]);
    expect(s.oldestOpen[0]).toMatchObject({ title: 'ancient', days: 365 });
  });

  it('reconstructs open and overdue counts for each of the last 8 weeks', () => {
    const d = pm({
      path: 'w.md',
      incidentDate: '2026-10-01',
      actionItems: [
        item({ title: 'one', due: '2026-11-10' }),
        item({ title: 'two', due: '2026-10-20' }),
      ],
    });
    const issues = [
      issue(1, 'w.md', 'one', { createdAt: '2026-10-15T10:00:00Z' }),
      issue(2, 'w.md', 'two', {
        createdAt: '2026-10-02T10:00:00Z',
        state: 'closed',
        closedAt: '2026-11-12T10:00:00Z',
      }),
    ];
    const s = stats([d], issues);
    expect(s.weekly).toHaveLength(8);
    expect(s.weekly.map((p) => `${p.week}:${p.open}/${p.overdue}`)).toEqual([
      '2026-W41:1/0', // Sun 10-11: "two" created 10-02
      '2026-W42:2/0', // Sun 10-18: both open
      '2026-W43:2/1', // Sun 10-25: "two" overdue
      '2026-W44:2/1',
      '2026-W45:2/1', // Sun 11-08
      '2026-W46:1/1', // Sun 11-15: "two" closed 11-12, "one" overdue since 11-10
      '2026-W47:1/1',
      '2026-W48:1/1', // today
    ]);
  });
});

describe('the digest day (analyseDigest with a fixed now)', () => {
  const doc = pm({
    path: 'pm/leap.md',
    incidentDate: '2028-02-01',
    actionItems: [item({ title: 'Across the leap day', due: '2028-02-27', owner: '@alice' })],
  });
  const run = (now: string, timeZone: string) =>
    analyseDigest({
      postmortems: [doc],
      issues: [],
      config: config({ timeZone }),
      now: new Date(now),
    });

  it('counts days overdue across the leap day, in the digest time zone', () => {
    // 23:30 UTC on 29 February is already 1 March in Tokyo.
    const utc = run('2028-02-29T23:30:00Z', 'UTC');
    expect([utc.today, utc.items.overdue[0]?.days]).toEqual(['2028-02-29', 2]);
    const tokyo = run('2028-02-29T23:30:00Z', 'Asia/Tokyo');
    expect([tokyo.today, tokyo.items.overdue[0]?.days]).toEqual(['2028-03-01', 3]);
  });

  it('changes ISO week at local midnight between Sunday and Monday', () => {
    // Sunday 5 March 2028, 23:30 UTC: still week 9 in UTC, already Monday of week 10 in Tokyo,
    // and still Sunday afternoon in Los Angeles.
    expect(run('2028-03-05T23:30:00Z', 'UTC').week).toBe('2028-W09');
    expect(run('2028-03-05T23:30:00Z', 'Asia/Tokyo').week).toBe('2028-W10');
    expect(run('2028-03-06T07:30:00Z', 'America/Los_Angeles').week).toBe('2028-W09');
    expect(run('2028-03-06T08:30:00Z', 'America/Los_Angeles').week).toBe('2028-W10');
  });
});
