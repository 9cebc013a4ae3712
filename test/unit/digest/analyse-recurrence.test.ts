import { describe, expect, it } from 'vitest';
import { analyseRecurrence } from '../../../src/core/digest/analyse-recurrence.js';
import { resolveItems } from '../../../src/core/digest/resolve-items.js';
import { cosine, normaliseWords, tfIdfVectors } from '../../../src/core/digest/tf-idf.js';
import { config, issue, item, pm } from './fixtures.js';

const WINDOW = { from: '2026-05-29', to: '2026-11-25', similarityThreshold: 0.3 };

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

  it('groups by shared service (case-insensitive), root-cause category and textual similarity, within the window', () => {
    const groups = analyseRecurrence(
      [first, second, third, outside],
      resolveItems([first, second, third], [], config()),
      WINDOW,
    );
    const summary = groups.map(
      (g) => `${g.basis}:${g.key}:${g.incidents.map((i) => i.date).join(',')}`,
    );
    expect(summary).toEqual([
      'rootCauseCategory:config-change:2026-06-01,2026-10-01',
      'service:checkout:2026-06-01,2026-09-01',
    ]);
    // The same two incidents are also textually similar: one group naming both grounds.
    expect(groups[0]!.also).toEqual([
      { basis: 'similarity', key: expect.stringContaining('checkout') },
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
});
