import { describe, expect, it } from 'vitest';
import type { ItemRow } from '../../../src/core/digest/digest-model.js';
import { planReminders, renderReminder } from '../../../src/core/digest/send-reminders.js';
import { config } from './fixtures.js';

const PATH = 'postmortems/2026-10-01-checkout.md';

function row(days: number, overrides: Partial<ItemRow> = {}): ItemRow {
  return {
    key: `${PATH}#validate`,
    title: 'Validate flag pushes',
    path: PATH,
    line: 30,
    owner: '@alice',
    due: '2026-11-01',
    issue: { number: 7, url: 'https://github.com/acme/ops/issues/7' },
    tracker: null,
    incident: {
      path: PATH,
      title: 'Checkout errors',
      date: '2026-10-01',
      severity: 'SEV1',
      line: 1,
    },
    days,
    ...overrides,
  };
}

function options(reminders: Record<string, unknown>) {
  return {
    week: '2026-W48',
    reminders: config({ reminders: { enabled: true, ...reminders } }).digest.reminders,
    authorsByPath: new Map([[PATH, ['@carol']]]),
    links: { repoUrl: 'https://github.com/acme/ops', defaultBranch: 'main' },
  };
}

describe('renderReminder', () => {
  it('mentions the owner only, until the item is escalateAfterDays overdue', () => {
    const r = renderReminder(row(13), options({ escalateAfterDays: 14 }));
    expect(r.escalated).toBe(false);
    expect(r.body).toMatch(
      /^@alice, this action item is \*\*13 days overdue\*\* \(due 2026-11-01\)/,
    );
    expect(r.body).not.toContain('@carol');
  });

  it('escalates to the post-mortem author from escalateAfterDays on', () => {
    const r = renderReminder(row(14), options({ escalateAfterDays: 14 }));
    expect(r.escalated).toBe(true);
    expect(r.body).toContain('Escalating to @carol: overdue for 14 days or more.');
  });

  it('escalates to the configured contact instead of the author', () => {
    const r = renderReminder(row(30), options({ escalateAfterDays: 14, escalateTo: 'ops-leads' }));
    expect(r.escalated).toBe(true);
    expect(r.body).toContain('Escalating to @ops-leads:');
    expect(r.body).not.toContain('@carol');
  });

  it('does not pretend to escalate when there is nobody to escalate to', () => {
    const r = renderReminder(row(30, { path: 'postmortems/other.md' }), options({}));
    expect(r.escalated).toBe(false);
    expect(r.body).not.toContain('Escalating');
  });
});

describe('planReminders', () => {
  it('plans one reminder per tracked issue and none for untracked items', () => {
    const planned = planReminders(
      [row(20), row(20, { key: 'dup' }), row(5, { issue: null })],
      options({}),
    );
    expect(planned.map((p) => p.issueNumber)).toEqual([7]);
  });
});
