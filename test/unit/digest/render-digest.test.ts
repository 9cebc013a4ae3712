import { describe, expect, it } from 'vitest';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { parseDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { escapeText } from '../../../src/core/text/escape-markdown.js';
import {
  Mentions,
  renderDigest,
  renderHeadline,
  renderMinutes,
  renderTrend,
} from '../../../src/core/digest/render-digest.js';
import { liveMentions } from '../text/live-mentions.js';
import { at, config, issue, item, pm } from './fixtures.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const LINKS = { repoUrl: 'https://github.com/acme/ops', defaultBranch: 'main' };

function sample() {
  const docs = [
    pm({
      path: 'postmortems/2026-10-01 checkout.md',
      title: 'Checkout <script> | outage',
      incidentDate: '2026-10-01',
      severity: 'SEV1',
      authors: ['@carol'],
      services: ['checkout'],
      publishedDate: '2026-10-20',
      timeline: [
        at('start', '2026-10-01T10:00:00Z'),
        at('detection', '2026-10-01T10:04:00Z'),
        at('resolution', '2026-10-01T10:50:00Z'),
      ],
      actionItems: [
        item({
          title: 'Ping @everyone | fix <b>alerts</b>',
          owner: '@alice',
          due: '2026-11-01',
          line: 30,
        }),
        item({ title: 'Second of alice', owner: '@alice', due: '2026-11-10', line: 31 }),
        item({ title: 'Due soon', owner: '@bob', due: '2026-11-28', line: 32 }),
      ],
    }),
    pm({
      path: 'postmortems/b.md',
      title: 'Checkout again',
      incidentDate: '2026-11-01',
      severity: 'SEV2',
      services: ['checkout'],
    }),
  ];
  return analyseDigest({
    postmortems: docs,
    issues: [issue(12, 'postmortems/2026-10-01 checkout.md', 'second-of-alice')],
    config: config(),
    now: NOW,
  });
}

describe('escaping', () => {
  it('keeps user text from breaking tables, injecting HTML or pinging anyone', () => {
    const out = escapeText('a | b <img> @team [x](y) #12 *b*');
    expect(out).toBe('a \\| b &lt;img&gt; `@team` \\[x\\](y) &#35;12 \\*b\\*');
    expect(liveMentions(out)).toEqual([]);
  });

  it('shortens very long text visibly', () => {
    expect(escapeText('x'.repeat(500))).toMatch(/^x{199}…$/);
  });
});

describe('renderers', () => {
  it('formats trends and durations', () => {
    expect(renderTrend(8, 'pts')).toBe('▲ 8 pts');
    expect(renderTrend(-3, 'pts')).toBe('▼ 3 pts');
    expect(renderTrend(0, 'pts')).toBe('± 0 pts');
    expect(renderMinutes(4)).toBe('4 min');
    expect(renderMinutes(85)).toBe('1 h 25 min');
    expect(renderMinutes(3060)).toBe('2 d 3 h');
  });

  it('mentions each handle once, then writes it plainly', () => {
    const m = new Mentions();
    expect([
      m.render('@alice'),
      m.render('@Alice'),
      m.render('@org/sre'),
      m.render('Jane @Doe'),
      m.render(null),
    ]).toEqual(['@alice', 'Alice', '@org/sre', 'Jane `@Doe`', '—']);
  });

  it('writes the headline with counts, completion and its trend, and recurrences while items were open', () => {
    const d = sample();
    expect(renderHeadline(d)).toBe(
      '2 overdue, 1 due in the next 7 days, completion 0%, 1 incident class recurred while action items were open',
    );
    expect(
      renderHeadline({
        ...d,
        recurrence: [],
        items: {
          ...d.items,
          completion: { value: 64, previous: 56, trend: 8, of: 20, unknown: 0 },
        },
      }),
    ).toBe('2 overdue, 1 due in the next 7 days, completion 64% (▲ 8 pts)');
  });

  it('says why a rate is missing instead of showing 0%', () => {
    const d = sample();
    const none = { value: null, previous: null, trend: null, of: 0, unknown: 0 };
    expect(renderHeadline({ ...d, recurrence: [], items: { ...d.items, completion: none } })).toBe(
      '2 overdue, 1 due in the next 7 days, completion — (no items due)',
    );
    const [body = ''] = renderDigest(
      { ...d, items: { ...d.items, onTime: { ...none, of: 1, unknown: 1 } } },
      LINKS,
    );
    expect(body).toContain('on time — (closing dates unknown)');
    expect(body).not.toMatch(/on time 0%/);
  });

  it('shows the recurrence group with the incidents and the open items of the earlier incident', () => {
    const [body = ''] = renderDigest(sample(), LINKS);
    expect(body).toContain(
      '### Recurring incidents: 1 group, 1 recurred while action items were open',
    );
    expect(body).toContain('at most 180 days apart; groups with an incident in the last 365 days');
    expect(body).toMatch(
      /- \*\*Recurred while action items of an earlier incident were still open:\*\* the 2026-11-01 incident happened while 3 items of the 2026-10-01 incident were open: \[Ping [^\n]*\(due 2026-11-01\); \[Second of alice\][^\n]*\(\[#12\]\([^)]*\), due 2026-11-10\)/,
    );
  });

  it('marks severities without a response target as such', () => {
    const d = sample();
    const [body = ''] = renderDigest(
      {
        ...d,
        response: d.response.map((r) => ({ ...r, mttd: { ...r.mttd, target: null, met: null } })),
      },
      LINKS,
    );
    expect(body).toMatch(
      /\| SEV1 \| 1 \| 4 min · no target \| — · target 15 min · 1 unmeasured \|/,
    );
  });

  it('lists at most 25 items without owner or due date and counts the rest', () => {
    const many = pm({
      path: 'pm/many.md',
      incidentDate: '2026-10-01',
      actionItems: Array.from({ length: 30 }, (_, n) =>
        item({ title: `Unowned ${n}`, owner: null }),
      ),
    });
    const d = analyseDigest({ postmortems: [many], issues: [], config: config(), now: NOW });
    const [body = ''] = renderDigest(d, LINKS);
    expect(body).toContain('**Open items without an owner or due date (30)**');
    expect(body.match(/\| owner, due \|/g)).toHaveLength(25);
    expect(body).toContain('_5 more items of older incidents not listed;');
  });

  it('renders one body with the week marker, links, escaped text, single mentions and Mermaid charts', () => {
    const [body = '', ...rest] = renderDigest(sample(), LINKS);
    expect(rest).toEqual([]);
    expect(parseDigestMarker(body)).toEqual({ week: '2026-W48', part: 1 });
    expect(body).toContain('<!-- postmortem-tracker:digest week=2026-W48 -->');
    expect(body).toContain(
      'https://github.com/acme/ops/blob/main/postmortems/2026-10-01%20checkout.md#L30',
    );
    expect(body).toContain('[#12](https://github.com/acme/ops/issues/12)');
    expect(body).toContain('Ping `@everyone` \\| fix &lt;b&gt;alerts&lt;/b&gt;');
    expect(body).not.toContain('<script>');
    expect(liveMentions(body).filter((h) => h === 'alice')).toHaveLength(1);
    expect(body).toContain('```mermaid\nxychart-beta');
    expect(body).toContain('pie showData title Incidents per severity');
    expect(body).toMatch(/#### ⚠️ Service `checkout`[^\n]*: 2 incidents/);
    // Every table row has the same number of cells as its header.
    const tables = body.split('\n\n').filter((b) => b.includes('\n| --- '));
    for (const t of tables) {
      const lines = t.split('\n').filter((l) => l.startsWith('|'));
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) expect(cells(l)).toBe(cells(lines[0]!));
    }
  });

  it('links post-mortems relatively when offline', () => {
    const [body = ''] = renderDigest(sample(), { repoUrl: null, defaultBranch: 'main' });
    expect(body).toContain('](postmortems/2026-10-01%20checkout.md#L30)');
  });
});

describe('Issue column', () => {
  const withTrackers = () =>
    analyseDigest({
      postmortems: [
        pm({
          path: 'pm/2026-10-01.md',
          incidentDate: '2026-10-01',
          services: ['checkout'],
          rootCauseCategory: 'capacity',
          actionItems: [
            item({ title: 'Bare number', owner: '@a', due: '2026-11-01', tracker: '#413' }),
            item({
              title: 'Issue link',
              owner: '@a',
              due: '2026-11-02',
              tracker: 'https://github.com/acme/other/issues/7',
            }),
            item({ title: 'Ticket', owner: '@a', due: '2026-11-03', tracker: 'OPS-12 | <x>' }),
            item({ title: 'Tracked', owner: '@a', due: '2026-11-04', tracker: '#99' }),
            item({ title: 'Nothing', owner: '@a', due: '2026-11-05' }),
          ],
        }),
        pm({
          path: 'pm/2026-11-01.md',
          incidentDate: '2026-11-01',
          services: ['checkout'],
          rootCauseCategory: 'capacity',
        }),
      ],
      issues: [issue(12, 'pm/2026-10-01.md', 'tracked')],
      config: config(),
      now: NOW,
    });
  const overdueRow = (body: string, title: string) =>
    body.split('\n').find((l) => l.startsWith(`| [${title}]`)) ?? '';

  it('shows the tracker the post-mortem names when no tracked issue exists, linked against the repository', () => {
    const [body = ''] = renderDigest(withTrackers(), LINKS);
    expect(overdueRow(body, 'Bare number')).toContain(
      '| [#413](https://github.com/acme/ops/issues/413) |',
    );
    expect(overdueRow(body, 'Issue link')).toContain(
      '| [acme/other#7](https://github.com/acme/other/issues/7) |',
    );
    expect(overdueRow(body, 'Ticket')).toContain('| OPS-12 \\| &lt;x&gt; |');
    expect(overdueRow(body, 'Tracked')).toContain(
      '| [#12](https://github.com/acme/ops/issues/12) |',
    );
    expect(overdueRow(body, 'Tracked')).not.toContain('#99');
    expect(overdueRow(body, 'Nothing')).toMatch(/\| — \| \[undated|\| — \| \[2026-10-01/);
  });

  it('writes a bare #N as inert text when the repository is unknown', () => {
    const [body = ''] = renderDigest(withTrackers(), { repoUrl: null, defaultBranch: 'main' });
    expect(overdueRow(body, 'Bare number')).toContain('| &#35;413 |');
    expect(body).not.toMatch(/(?<![\w&])#413/);
  });

  it('names the tracker of an open item in a recurrence flag', () => {
    const [body = ''] = renderDigest(withTrackers(), LINKS);
    expect(body).toMatch(
      /\[Bare number\]\([^)]*\) \(\[#413\]\(https:\/\/github\.com\/acme\/ops\/issues\/413\), due 2026-11-01\)/,
    );
  });
});
