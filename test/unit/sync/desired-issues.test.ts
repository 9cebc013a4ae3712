import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { desiredIssues } from '../../../src/core/sync/desired-issues.js';
import { parseMarker, renderMarker, replaceMarker } from '../../../src/core/sync/marker.js';
import { normaliseBody } from '../../../src/core/sync/normalise-body.js';
import { parseTrackerReference } from '../../../src/core/sync/tracker-reference.js';
import { ctx, desired, item, postmortem } from './fixtures.js';

describe('desiredIssues', () => {
  it('renders the item, owner, due date, severity, incident and a permalink at the commit', () => {
    const d = desired(item({ id: 'db-a1', title: 'Add a replica lag alert', line: 17 }));
    expect(d.title).toBe('Add a replica lag alert');
    expect(d.body).toContain('> Add a replica lag alert');
    expect(d.body).toContain('| Owner | @alice |');
    expect(d.body).toContain('| Due | 2026-06-01 |');
    expect(d.body).toContain('| Severity | SEV1 |');
    expect(d.body).toContain('| Incident | Database failover (2026-03-01) |');
    expect(d.body).toContain(
      `(https://github.com/acme/ops/blob/${'a'.repeat(40)}/postmortems/2026-03-01-db.md#L17)`,
    );
    expect(parseMarker(d.body)).toEqual({
      id: 'db-a1',
      path: 'postmortems/2026-03-01-db.md',
      status: 'open',
      owner: '@alice',
    });
  });

  it('defaults a missing due date per severity and says so in the body', () => {
    const d = desired(item({ id: 'x', due: null, dueRaw: null }), { severity: 'sev-1' });
    expect(d.due).toBe('2026-03-29');
    expect(d.dueDefaulted).toBe(true);
    expect(d.body).toMatch(/2026-03-29 \(defaulted: 28 days after the incident/);
  });

  it('reads a vague due phrase against the post-mortem and says in the body how it was read', () => {
    const d = desired(item({ id: 'x', due: null, dueRaw: 'Q2 2026' }));
    expect(d.due).toBe('2026-06-30');
    expect(d.dueDefaulted).toBe(false);
    expect(d.body).toContain('| Due | 2026-06-30 (“Q2 2026” read as the last day of Q2 2026;');
    // 2026-03-01, the incident date, is a Sunday.
    expect(desired(item({ id: 'y', due: null, dueRaw: 'next Friday' })).body).toContain(
      "2026-03-06 (“next Friday” read as the first Friday after the post-mortem's date 2026-03-01;",
    );
  });

  it('defaults a due phrase that names no day, per severity, and says why', () => {
    const d = desired(item({ id: 'x', due: null, dueRaw: 'next sprint' }), { severity: 'SEV1' });
    expect(d.due).toBe('2026-03-29');
    expect(d.dueDefaulted).toBe(true);
    expect(d.body).toContain(
      '2026-03-29 (defaulted: 28 days after the incident for SEV1; “next sprint” names no day)',
    );
  });

  it('marks an open item past due as overdue, and a done one not', () => {
    expect(desired(item({ id: 'x', due: '2026-03-19' })).labels).toContain('overdue');
    expect(desired(item({ id: 'x', due: '2026-03-20' })).labels).not.toContain('overdue');
    expect(desired(item({ id: 'x', due: '2026-03-19', status: 'done' })).labels).not.toContain(
      'overdue',
    );
  });

  it('escapes markdown and HTML in user text', () => {
    const d = desired(
      item({ id: 'x', title: 'Fix <script>alert(1)</script> and [link](http://x) | pipe' }),
      { title: '**Bold** | incident' },
    );
    expect(d.body).not.toContain('<script>');
    expect(d.body).toContain('&lt;script&gt;');
    // Brackets are escaped, so no link forms; the parentheses after them stay plain text.
    expect(d.body).toContain('\\[link\\](http://x) \\| pipe');
    expect(d.body).toContain('\\*\\*Bold\\*\\* \\| incident');
  });

  it('keeps a leading list or heading marker of the item text from starting a list or heading', () => {
    expect(desired(item({ id: 'x', title: '# not a heading' })).body).toContain(
      '> \\# not a heading',
    );
    expect(desired(item({ id: 'y', title: '1. not a list' })).body).toContain('> 1\\. not a list');
  });

  it('percent-encodes spaces and parentheses of the path in the permalink', () => {
    const [d] = desiredIssues(
      [postmortem([item({ id: 'x', line: 3 })], { path: 'postmortems/db (old) outage.md' })],
      defaultConfig,
      ctx,
    );
    expect(d?.body).toContain('/postmortems/db%20%28old%29%20outage.md#L3)');
  });

  it('adds configured extra labels and classifies owners', () => {
    const config = {
      ...defaultConfig,
      labels: { ...defaultConfig.labels, extra: ['reliability'] },
    };
    const [user, team, name, none] = desiredIssues(
      [
        postmortem([
          item({ id: 'a', owner: '@alice' }),
          item({ id: 'b', owner: '@acme/sre' }),
          item({ id: 'c', owner: 'Ed' }),
          item({ id: 'd', owner: null }),
        ]),
      ],
      config,
      ctx,
    );
    expect(user?.labels).toEqual(['postmortem-action-item', 'severity:SEV1', 'reliability']);
    expect([user?.assignee, team?.assignee, name?.assignee, none?.assignee]).toEqual([
      'alice',
      null,
      null,
      null,
    ]);
    expect([user?.ownerKind, team?.ownerKind, name?.ownerKind, none?.ownerKind]).toEqual([
      'user',
      'team',
      'name',
      'none',
    ]);
  });
});

describe('marker', () => {
  it('round-trips and survives text that would end an HTML comment', () => {
    const marker = { id: 'a-->b', path: 'p/x>.md', status: 'done' as const, owner: null };
    const rendered = renderMarker(marker);
    expect(rendered.slice(4, -4)).not.toMatch(/-->|>/);
    expect(parseMarker(`text\n${rendered}\n`)).toEqual(marker);
  });

  it('reads malformed markers as absent', () => {
    expect(parseMarker('<!-- postmortem-tracker:item {"id":3} -->')).toBeNull();
    expect(parseMarker('<!-- postmortem-tracker:item {nope} -->')).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });

  it('replaces the marker in place or appends one', () => {
    const body = `a\n${renderMarker({ id: 'x', path: 'p' })}\nb`;
    expect(replaceMarker(body, { id: 'y', path: 'p' })).toBe(
      `a\n${renderMarker({ id: 'y', path: 'p' })}\nb`,
    );
    expect(replaceMarker('a', { id: 'y', path: 'p' })).toBe(
      `a\n\n${renderMarker({ id: 'y', path: 'p' })}`,
    );
  });
});

describe('normaliseBody', () => {
  it('ignores the commit and line of the permalink but not the path', () => {
    const at = (sha: string, line: number, path = 'a.md'): string =>
      `[${path} line ${line}](https://github.com/o/r/blob/${sha}/${path}#L${line})`;
    expect(normaliseBody(at('a'.repeat(40), 3))).toBe(normaliseBody(at('b'.repeat(40), 9)));
    expect(normaliseBody(at('a'.repeat(40), 3))).not.toBe(
      normaliseBody(at('a'.repeat(40), 3, 'b.md')),
    );
  });
});

describe('parseTrackerReference', () => {
  const repo = { owner: 'acme', repo: 'ops' };
  it.each([
    ['#12', { kind: 'issue', number: 12 }],
    ['GH-4', { kind: 'issue', number: 4 }],
    ['acme/ops#5', { kind: 'issue', number: 5 }],
    ['https://github.com/Acme/Ops/issues/7#issuecomment-1', { kind: 'issue', number: 7 }],
    [
      'https://github.com/acme/other/issues/7',
      { kind: 'external', ref: 'https://github.com/acme/other/issues/7' },
    ],
    [
      'https://ghe.example.com/acme/ops/issues/7',
      { kind: 'external', ref: 'https://ghe.example.com/acme/ops/issues/7' },
    ],
    ['OPS-12', { kind: 'external', ref: 'OPS-12' }],
  ])('reads %s', (text, expected) => {
    expect(parseTrackerReference(text, repo, 'https://github.com')).toEqual(expected);
  });
});
