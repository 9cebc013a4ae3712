import { describe, expect, it } from 'vitest';
import { analyseHygiene } from '../../../src/core/digest/analyse-hygiene.js';
import { resolveItems } from '../../../src/core/digest/resolve-items.js';
import { config, item, pm } from './fixtures.js';

const OPTIONS = {
  from: '2026-05-29',
  to: '2026-11-25',
  severeSeverities: ['SEV1', 'SEV2'],
  maxBusinessDays: 5,
};

describe('analyseHygiene', () => {
  it('flags SEV1/SEV2 post-mortems that landed more than 5 business days after the incident', () => {
    const docs = [
      // Friday incident, landed the second Monday after: 6 business days.
      pm({
        path: 'late.md',
        severity: 'SEV1',
        incidentDate: '2026-11-20',
        publishedDate: '2026-11-30',
      }),
      // Friday incident, landed the next Friday: 5 business days, in time despite 7 calendar days.
      pm({
        path: 'ok.md',
        severity: 'SEV2',
        incidentDate: '2026-11-13',
        publishedDate: '2026-11-20',
      }),
      // Across the leap day.
      pm({
        path: 'leap.md',
        severity: 'SEV-2',
        incidentDate: '2028-02-25',
        publishedDate: '2028-03-06',
      }),
      pm({
        path: 'minor.md',
        severity: 'SEV3',
        incidentDate: '2026-06-01',
        publishedDate: '2026-09-01',
      }),
      pm({ path: 'unknown.md', severity: 'SEV1', incidentDate: '2026-06-01' }),
    ];
    const h = analyseHygiene(docs, [], { ...OPTIONS, to: '2028-12-31' });
    expect(h.latePostmortems.map((l) => [l.incident.path, l.businessDays])).toEqual([
      ['late.md', 6],
      ['leap.md', 6],
    ]);
    expect(h.landingUnknown.map((i) => i.path)).toEqual(['unknown.md']);
  });

  it('prefers the landing date the host supplies over the published date', () => {
    const doc = pm({
      path: 'a.md',
      severity: 'SEV1',
      incidentDate: '2026-11-02',
      publishedDate: '2026-11-03',
    });
    const h = analyseHygiene([doc], [], { ...OPTIONS, landedDates: { 'a.md': '2026-11-20' } });
    expect(h.latePostmortems).toMatchObject([{ landed: '2026-11-20', businessDays: 14 }]);
  });

  it('lists open items without an owner or a written due date', () => {
    const doc = pm({
      path: 'a.md',
      severity: 'SEV1',
      incidentDate: '2026-11-02',
      actionItems: [
        item({ title: 'complete', due: '2026-12-01' }),
        item({ title: 'no owner', owner: null, due: '2026-12-01' }),
        item({ title: 'defaulted due' }),
        item({ title: 'closed and bare', owner: null, status: 'done' }),
      ],
    });
    const h = analyseHygiene([doc], resolveItems([doc], [], config()), OPTIONS);
    expect(h.incompleteItems.map((i) => [i.row.title, i.missing])).toEqual([
      ['defaulted due', ['due']],
      ['no owner', ['owner']],
    ]);
  });
});
