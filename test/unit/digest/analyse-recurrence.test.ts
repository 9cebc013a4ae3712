import { describe, expect, it } from 'vitest';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { analyseRecurrence, comparePair } from '../../../src/core/digest/analyse-recurrence.js';
import { resolveItems } from '../../../src/core/digest/resolve-items.js';
import { cosine, normaliseWords, tfIdfVectors } from '../../../src/core/digest/tf-idf.js';
import { config, issue, item, pm } from './fixtures.js';

const WINDOW = {
  today: '2026-11-25',
  windowDays: 180,
  lookbackDays: 365,
  similarityThreshold: 0.3,
};
const NOW = new Date('2026-11-25T12:00:00Z');

describe('TF-IDF', () => {
  it('normalises words: case, accents, stop words, numbers and plurals', () => {
    expect(normaliseWords('The Certificates EXPIRED on 3 Proxies — café caused it')).toEqual([
      'certificate',
      'expired',
      'proxie',
      'cafe',
    ]);
  });

  it('scores near-duplicates high and unrelated texts zero', () => {
    const [a, b, c] = tfIdfVectors([
      'TLS certificate expired on the edge proxy',
      'Edge proxy certificate expired again',
      'Database failover stalled replication',
    ]);
    expect(cosine(a!, b!)).toBeGreaterThan(0.5);
    expect(cosine(a!, c!)).toBe(0);
    expect(cosine(a!, a!)).toBeCloseTo(1, 10);
  });
});

describe('analyseRecurrence', () => {
  const first = pm({
    path: 'pm/2026-06-01.md',
    title: 'Checkout errors after config push',
    incidentDate: '2026-06-01',
    services: ['checkout'],
    rootCauseCategory: 'config-change',
    rootCause: 'A feature flag config push without validation',
    actionItems: [
      item({ title: 'Validate config pushes', due: '2026-07-01' }),
      item({ title: 'Done quickly', due: '2026-06-10', status: 'done' }),
    ],
  });
  const second = pm({
    path: 'pm/2026-09-01.md',
    title: 'Search latency from slow disks',
    incidentDate: '2026-09-01',
    services: ['Checkout', 'search'],
    rootCauseCategory: 'capacity',
    rootCause: 'Disk saturation on search nodes',
  });
  const third = pm({
    path: 'pm/2026-10-01.md',
    title: 'Checkout errors after a config push',
    incidentDate: '2026-10-01',
    rootCauseCategory: 'config-change',
    rootCause: 'Unvalidated feature flag config push',
  });
  const outside = pm({
    path: 'pm/2025-01-01.md',
    incidentDate: '2025-01-01',
    services: ['checkout'],
    title: 'Checkout errors after config push',
  });

  it('groups on two signals (root-cause category and similar wording) and not on a shared service alone', () => {
    const groups = analyseRecurrence(
      [first, second, third, outside],
      resolveItems([first, second, third], [], config()),
      WINDOW,
    );
    const summary = groups.map(
      (g) => `${g.basis}:${g.key}:${g.incidents.map((i) => i.date).join(',')}`,
    );
    expect(summary).toEqual(['rootCauseCategory:config-change:2026-06-01,2026-10-01']);
    // The same two incidents are also textually similar: one group naming both grounds.
    expect(groups[0]!.also).toEqual([
      { basis: 'similarity', key: expect.stringContaining('config') },
    ]);
    expect(groups.every((g) => g.incidents.every((i) => i.date !== '2025-01-01'))).toBe(true);
  });

  it('flags a recurrence while an earlier incident still had open action items', () => {
    const groups = analyseRecurrence(
      [first, third],
      resolveItems([first, third], [], config()),
      WINDOW,
    );
    const byCategory = groups.find((g) => g.basis === 'rootCauseCategory')!;
    expect(byCategory.recurredWhileOpen).toHaveLength(1);
    expect(byCategory.recurredWhileOpen[0]).toMatchObject({
      incident: { date: '2026-10-01' },
      earlier: { date: '2026-06-01' },
      openItems: [{ title: 'Validate config pushes' }],
    });
    // Flagged groups come first.
    expect(groups[0]!.recurredWhileOpen.length).toBeGreaterThan(0);
  });

  it('does not flag when the earlier items were closed before the later incident', () => {
    const items = resolveItems(
      [first, third],
      [
        issue(1, first.path, 'validate-config-pushes', {
          createdAt: '2026-06-02T00:00:00Z',
          state: 'closed',
          closedAt: '2026-09-15T00:00:00Z',
        }),
      ],
      config(),
    );
    const groups = analyseRecurrence([first, third], items, WINDOW);
    expect(groups.find((g) => g.basis === 'rootCauseCategory')!.recurredWhileOpen).toEqual([]);
  });

  it('flags when the earlier item was closed only after the later incident', () => {
    const items = resolveItems(
      [first, third],
      [
        issue(1, first.path, 'validate-config-pushes', {
          createdAt: '2026-06-02T00:00:00Z',
          state: 'closed',
          closedAt: '2026-10-15T00:00:00Z',
        }),
      ],
      config(),
    );
    const flagged = analyseRecurrence([first, third], items, WINDOW).find(
      (g) => g.basis === 'rootCauseCategory',
    )!.recurredWhileOpen;
    expect(flagged[0]?.openItems[0]).toMatchObject({
      title: 'Validate config pushes',
      issue: { number: 1 },
    });
  });

  it('respects the similarity threshold', () => {
    const bySimilarity = (threshold: number) =>
      analyseRecurrence([first, second, third], [], {
        ...WINDOW,
        similarityThreshold: threshold,
      }).filter((g) => g.basis === 'similarity' || g.also.some((a) => a.basis === 'similarity'));
    expect(bySimilarity(0.99)).toEqual([]);
    expect(bySimilarity(0.2).map((g) => g.incidents.map((i) => i.date))).toEqual([
      ['2026-06-01', '2026-10-01'],
    ]);
  });

  describe('generic tags', () => {
    const tagged = (date: string, tags: string[]) =>
      pm({ path: `pm/${date}.md`, title: `Incident of ${date}`, incidentDate: date, tags });
    const unrelated = [
      tagged('2026-06-01', ['Post-Mortem', 'database']),
      tagged('2026-09-01', ['postmortem', 'INCIDENT', 'network']),
      tagged('2026-10-01', ['post-mortem', 'Outage', 'incident']),
    ];
    const keys = (groups: ReturnType<typeof analyseRecurrence>) =>
      groups.map((g) => `${g.basis}:${g.key}:${g.incidents.map((i) => i.date).join(',')}`);

    it('does not group unrelated incidents through tags in ignoreTags, whatever their case', () => {
      const groups = analyseRecurrence(unrelated, [], {
        ...WINDOW,
        ignoreTags: ['post-mortem', 'Postmortem', 'incident', 'outage'],
      });
      expect(groups).toEqual([]);
    });

    it('still groups incidents by the tags it does not ignore (one signal allowed)', () => {
      const groups = analyseRecurrence(
        [...unrelated, tagged('2026-11-01', ['network', 'incident'])],
        [],
        {
          ...WINDOW,
          minSignals: 1,
          ignoreTags: ['incident', 'post-mortem', 'postmortem', 'outage'],
        },
      );
      expect(keys(groups)).toEqual(['tag:network:2026-09-01,2026-11-01']);
    });

    it('groups by every tag when nothing is ignored and one signal is enough', () => {
      // An incident joins one group only: the 10-01 one shares a tag with each earlier one and
      // joins the first (a tie); the 09-01 one shares nothing with the 06-01 one and stays alone.
      expect(keys(analyseRecurrence(unrelated, [], { ...WINDOW, minSignals: 1 }))).toEqual([
        'tag:Post-Mortem:2026-06-01,2026-10-01',
      ]);
      expect(analyseRecurrence(unrelated, [], WINDOW)).toEqual([]);
    });

    it('ignores generic tags by default through digest.ignoreTags, and follows a configured list', () => {
      const run = (digest: Record<string, unknown>) =>
        keys(
          analyseDigest({ postmortems: unrelated, issues: [], config: config(digest), now: NOW })
            .recurrence,
        );
      expect(config().digest.ignoreTags).toEqual(
        expect.arrayContaining(['post-mortem', 'postmortem', 'incident', 'outage']),
      );
      expect(run({})).toEqual([]);
      expect(run({ ignoreTags: ['post-mortem', 'postmortem'], minSignals: 1 })).toEqual([
        'tag:INCIDENT:2026-09-01,2026-10-01',
      ]);
    });
  });

  describe('window between incidents and lookback', () => {
    const incident = (date: string, extra: Partial<Parameters<typeof pm>[0]> = {}) =>
      pm({
        path: `pm/${date}.md`,
        title: `Incident of ${date}`,
        incidentDate: date,
        rootCauseCategory: 'config-change',
        ...extra,
      });
    const dates = (groups: ReturnType<typeof analyseRecurrence>) =>
      groups.map((g) => g.incidents.map((i) => i.date));
    // One signal (the shared category) is enough here: these tests are about the window.
    const opts = {
      today: '2026-11-26',
      windowDays: 180,
      lookbackDays: 365,
      similarityThreshold: 1,
      minSignals: 1,
    };

    it('counts two incidents exactly windowDays apart as a recurrence, even when the first is older than windowDays', () => {
      // 2026-03-04 + 180 days = 2026-08-31; the first incident is 267 days before today.
      const groups = analyseRecurrence([incident('2026-03-04'), incident('2026-08-31')], [], opts);
      expect(dates(groups)).toEqual([['2026-03-04', '2026-08-31']]);
    });

    it('does not count incidents windowDays + 1 apart', () => {
      const groups = analyseRecurrence([incident('2026-03-04'), incident('2026-09-01')], [], opts);
      expect(groups).toEqual([]);
    });

    it('chains incidents each within windowDays of the previous one and splits the class after a longer gap', () => {
      const groups = analyseRecurrence(
        ['2025-01-10', '2025-06-01', '2026-01-15', '2026-05-01', '2026-10-20'].map((d) =>
          incident(d),
        ),
        [],
        { ...opts, lookbackDays: 3650 },
      );
      expect(dates(groups)).toEqual([
        ['2026-01-15', '2026-05-01', '2026-10-20'],
        ['2025-01-10', '2025-06-01'],
      ]);
    });

    it('reports a group while its latest incident is within the lookback, inclusive, and not after', () => {
      const pair = [incident('2025-06-01'), incident('2025-11-26')];
      // 2026-11-26 − 365 days = 2025-11-26.
      expect(dates(analyseRecurrence(pair, [], opts))).toEqual([['2025-06-01', '2025-11-26']]);
      expect(analyseRecurrence(pair, [], { ...opts, today: '2026-11-27' })).toEqual([]);
    });

    it('does not report an old pair entirely outside the lookback', () => {
      const groups = analyseRecurrence(
        [incident('2024-02-01'), incident('2024-03-01'), incident('2026-10-01')],
        [],
        opts,
      );
      expect(groups).toEqual([]);
    });

    it('ignores incidents dated after today', () => {
      const groups = analyseRecurrence([incident('2026-11-01'), incident('2026-11-27')], [], opts);
      expect(groups).toEqual([]);
    });

    it('applies the window to textual similarity too', () => {
      const text = {
        rootCauseCategory: null,
        rootCause: 'TLS certificate expired on the edge proxy',
      };
      const near = [incident('2026-03-04', text), incident('2026-08-31', text)];
      const far = [incident('2026-03-04', text), incident('2026-09-01', text)];
      const similar = { ...opts, similarityThreshold: 0.3 };
      expect(dates(analyseRecurrence(near, [], similar))).toEqual([['2026-03-04', '2026-08-31']]);
      expect(analyseRecurrence(far, [], similar)).toEqual([]);
    });

    it('flags a recurrence whose earlier incident is older than windowDays before today, with the open items and their due dates', () => {
      const first = incident('2026-03-04', {
        actionItems: [
          item({ title: 'Roll out region by region', due: '2026-06-30' }),
          item({ title: 'Validate pool sizes', due: '2026-04-15', status: 'done' }),
        ],
      });
      const second = incident('2026-06-18');
      const groups = analyseRecurrence(
        [first, second],
        resolveItems([first, second], [], config()),
        opts,
      );
      expect(groups).toHaveLength(1);
      expect(groups[0]!.recurredWhileOpen).toEqual([
        expect.objectContaining({
          incident: expect.objectContaining({ date: '2026-06-18' }),
          earlier: expect.objectContaining({ date: '2026-03-04' }),
          openItems: [
            expect.objectContaining({ title: 'Roll out region by region', due: '2026-06-30' }),
          ],
        }),
      ]);
    });
  });

  describe('two independent signals, or one strong one', () => {
    // The made-up capacity incident of issue 12 and the DNS resolver outage share a category only.
    const dns = pm({
      path: 'pm/2026-08-27-dns.md',
      title: 'DNS resolver outage',
      incidentDate: '2026-08-27',
      services: ['dns'],
      tags: ['network'],
      rootCauseCategory: 'capacity',
      rootCause: 'Resolver pods ran out of file descriptors under a retry storm',
    });
    const capacity = pm({
      path: 'pm/2026-10-15-batch.md',
      title: 'Nightly batch missed its window',
      incidentDate: '2026-10-15',
      services: ['billing-export'],
      tags: ['batch'],
      rootCauseCategory: 'Capacity',
      rootCause: 'The export workers were sized for last year',
    });
    const run = (pms: ReturnType<typeof pm>[], extra: Record<string, unknown> = {}) =>
      analyseRecurrence(pms, [], { ...WINDOW, ...extra }).map(
        (g) =>
          `${[{ basis: g.basis, key: g.key }, ...g.also].map((s) => `${s.basis}:${s.key}`).join(' + ')} = ${g.incidents.map((i) => i.date).join(',')}`,
      );

    it('does not group on a shared root-cause category alone, whatever ignoreTags says', () => {
      expect(run([dns, capacity])).toEqual([]);
      expect(run([dns, capacity], { ignoreTags: ['network', 'batch'] })).toEqual([]);
    });

    it('groups on one signal when minSignals is 1, as before', () => {
      expect(run([dns, capacity], { minSignals: 1 })).toEqual([
        'rootCauseCategory:capacity = 2026-08-27,2026-10-15',
      ]);
    });

    it('groups on a category plus a tag, naming both signals', () => {
      const again = pm({ ...capacity, path: 'pm/b.md', tags: ['Network'] });
      expect(run([dns, again])).toEqual([
        'rootCauseCategory:capacity + tag:network = 2026-08-27,2026-10-15',
      ]);
    });

    it('groups on the same service with similar wording, naming the shared terms', () => {
      const repeat = pm({
        path: 'pm/2026-11-01-dns.md',
        title: 'DNS resolver errors',
        incidentDate: '2026-11-01',
        services: ['DNS'],
        rootCause: 'File descriptors exhausted on resolver pods',
      });
      const [group] = run([dns, repeat]);
      expect(group).toMatch(/^service:dns \+ similarity:.*resolver.* = 2026-08-27,2026-11-01$/);
    });

    it('counts wording at or above strongSimilarity alone, and not below it (inclusive edge)', () => {
      const a = pm({
        path: 'a.md',
        title: 'Certificate expired on the edge proxy',
        incidentDate: '2026-06-01',
      });
      const b = pm({
        path: 'b.md',
        title: 'Edge proxy certificate expired again',
        incidentDate: '2026-07-01',
      });
      const other = pm({
        path: 'c.md',
        title: 'Queue backlog in billing',
        incidentDate: '2026-06-15',
      });
      const [va, vb] = tfIdfVectors([a, b, other].map((p) => `${p.title} `));
      const score = cosine(va!, vb!);
      expect(score).toBeGreaterThan(0.3);
      const rule = { similarityThreshold: 0.3, minSignals: 2 };
      expect(comparePair(a, b, va!, vb!, { ...rule, strongSimilarity: score }).related).toBe(true);
      expect(comparePair(a, b, va!, vb!, { ...rule, strongSimilarity: score + 1e-9 }).related).toBe(
        false,
      );
      expect(comparePair(a, b, va!, vb!, { ...rule, strongSimilarity: score }).signals).toEqual([
        { basis: 'similarity', key: expect.stringContaining('certificate') },
      ]);
    });

    it('counts several shared services as one signal, and an ignored tag as none', () => {
      const a = pm({ path: 'a.md', services: ['api', 'db'], tags: ['Outage'] });
      const b = pm({ path: 'b.md', services: ['DB', 'API'], tags: ['outage'] });
      const empty = new Map<string, number>();
      const cmp = comparePair(a, b, empty, empty, {
        similarityThreshold: 0.3,
        ignoreTags: ['outage'],
      });
      expect(cmp).toEqual({
        signals: [{ basis: 'service', key: 'api, db' }],
        similarity: 0,
        related: false,
      });
    });

    it('reads minSignals and strongSimilarity from the digest config', () => {
      const groups = (digest: Record<string, unknown>) =>
        analyseDigest({
          postmortems: [dns, capacity],
          issues: [],
          config: config(digest),
          now: NOW,
        }).recurrence.length;
      expect(config().digest).toMatchObject({ minSignals: 2, strongSimilarity: 0.5 });
      expect(groups({})).toBe(0);
      expect(groups({ minSignals: 1 })).toBe(1);
    });
  });
});
