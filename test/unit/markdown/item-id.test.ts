import { describe, expect, it } from 'vitest';
import {
  assignItemIds,
  fileStem,
  itemId,
  reconcileItemIds,
  titleSimilarity,
} from '../../../src/core/markdown/item-id.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';

const doc = (items: string[]): string => `# Outage\n\n## Action Items\n\n${items.join('\n')}\n`;
const ids = (text: string): Record<string, string> =>
  Object.fromEntries(
    parsePostmortem(text, 'postmortems/2026-03-01-outage.md').actionItems.map((i) => [
      i.title,
      i.id,
    ]),
  );

describe('action item ids', () => {
  const base = [
    '- [ ] Add an alert for queue depth @alice due 2026-04-01',
    '- [ ] Rotate the database credentials @bob',
    '- [ ] Write the failover runbook',
  ];

  it('survive re-ordering the items', () => {
    const a = ids(doc(base));
    const b = ids(doc([base[2]!, base[0]!, base[1]!]));
    expect(b).toEqual(a);
  });

  it('survive changing the owner, the due date and the status', () => {
    const before = ids(doc(base));
    const after = ids(
      doc([
        '- [x] Add an alert for queue depth (owner: @carol, due: 2026-05-15)',
        base[1]!,
        base[2]!,
      ]),
    );
    expect(after['Add an alert for queue depth']).toBe(before['Add an alert for queue depth']);
  });

  it.each([
    ['Write the failover runbook', 'Write the failvoer runbook'],
    ['Write the failover runbook', 'Write the failover runbok'],
    ['Write the failover runbook', 'Write the failover runbooks'],
    ['Write the failover runbook', 'write THE fail-over runbook.'],
    ['Write the failover runbook', 'Wriite the failover runbook'],
  ])('survive the typo fix %s → %s', (a, b) => {
    expect(itemId('pm/x.md', b)).toBe(itemId('pm/x.md', a));
  });

  it('differ for different items and for the same item in another file', () => {
    const all = Object.values(ids(doc(base)));
    expect(new Set(all).size).toBe(3);
    expect(itemId('pm/a.md', 'Write the failover runbook')).not.toBe(
      itemId('pm/b.md', 'Write the failover runbook'),
    );
    expect(itemId('pm/a.md', 'Add alert for disk')).not.toBe(
      itemId('pm/a.md', 'Add alert for CPU'),
    );
  });

  it('number colliding items in document order and honour explicit ids', () => {
    expect(
      assignItemIds('pm/a.md', [
        { title: 'Add alert', explicitId: null },
        { title: 'add alerts', explicitId: null },
        { title: 'Anything', explicitId: 'fixed-id' },
      ]),
    ).toEqual([itemId('pm/a.md', 'Add alert'), `${itemId('pm/a.md', 'Add alert')}-2`, 'fixed-id']);
  });

  it('take the folder name for README-style files', () => {
    expect(fileStem('incidents/20260702-rust-outage/README.md')).toBe(
      '20260702-rust-outage-README',
    );
    expect(fileStem('a/2021-07-12-x.html.md.erb')).toBe('2021-07-12-x');
  });
});

describe('titleSimilarity and reconcileItemIds (the fallback for edits a hash cannot absorb)', () => {
  it('scores typo fixes and rewordings high and unrelated titles low', () => {
    expect(titleSimilarity('Add load shedding to search', 'Add load shedding to search')).toBe(1);
    expect(
      titleSimilarity('Add load shedding to search', 'Add load-shedding to the search frontend'),
    ).toBeGreaterThan(0.75);
    expect(
      titleSimilarity('Plug the fd leak in ranking', 'Plug the fd leek in rankng'),
    ).toBeGreaterThan(0.75);
    expect(
      titleSimilarity('Add load shedding to search', 'Rotate the database credentials'),
    ).toBeLessThan(0.4);
  });

  it('re-keys a reworded item onto the previous id no other item claims', () => {
    const previous = [
      { id: 'p-1', title: 'Add load shedding to search' },
      { id: 'p-2', title: 'Rotate the database credentials' },
    ];
    const current = [
      { id: 'new-1', title: 'Add load-shedding to the search frontend' },
      { id: 'p-2', title: 'Rotate the database credentials' },
      { id: 'new-3', title: 'Something entirely different' },
    ];
    expect(reconcileItemIds(current, previous).map((i) => i.id)).toEqual(['p-1', 'p-2', 'new-3']);
  });
});
