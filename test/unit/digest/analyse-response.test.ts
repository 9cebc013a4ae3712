import { describe, expect, it } from 'vitest';
import { analyseResponse, incidentTimes } from '../../../src/core/digest/analyse-response.js';
import { at, pm } from './fixtures.js';

function incident(
  path: string,
  date: string,
  severity: string,
  minutes: { d?: number; a?: number; r?: number },
) {
  const start = Date.parse(`${date}T10:00:00Z`);
  const iso = (m: number) => new Date(start + m * 60_000).toISOString();
  const timeline = [at('start', iso(0))];
  if (minutes.d !== undefined) timeline.push(at('detection', iso(minutes.d)));
  if (minutes.a !== undefined)
    timeline.push(at('acknowledgement', iso((minutes.d ?? 0) + minutes.a)));
  if (minutes.r !== undefined) timeline.push(at('resolution', iso(minutes.r)));
  return pm({ path, incidentDate: date, severity, timeline });
}

const OPTIONS = {
  from: '2026-05-29',
  to: '2026-11-25',
  previousFrom: '2025-11-30',
  targets: { SEV1: { mttd: 5, mtta: 15, mttr: 30 } },
  severityScale: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
};

describe('incidentTimes', () => {
  it('measures start → detection, detection → acknowledgement and start → resolution', () => {
    expect(
      incidentTimes(incident('a', '2026-06-01', 'SEV1', { d: 4, a: 6, r: 45 }).timeline),
    ).toEqual({ mttd: 4, mtta: 6, mttr: 45 });
  });

  it('leaves a metric unmeasured when a point is missing, untimed or out of order', () => {
    const noAck = incident('a', '2026-06-01', 'SEV1', { d: 4, r: 45 }).timeline;
    expect(incidentTimes(noAck)).toEqual({ mttd: 4, mtta: null, mttr: 45 });
    const untimed = [
      { line: 1, time: '10:00', at: null, text: 'start', kind: 'start' as const },
      at('detection', '2026-06-01T10:05:00Z'),
    ];
    expect(incidentTimes(untimed)).toEqual({ mttd: null, mtta: null, mttr: null });
    const backwards = [
      at('start', '2026-06-01T10:00:00Z'),
      at('detection', '2026-06-01T09:00:00Z'),
    ];
    expect(incidentTimes(backwards).mttd).toBeNull();
  });
});

describe('analyseResponse', () => {
  const incidents = [
    incident('1', '2026-06-01', 'SEV1', { d: 2, a: 10, r: 20 }),
    incident('2', '2026-07-01', 'sev-1', { d: 4, a: 20, r: 40 }),
    incident('3', '2026-08-01', 'SEV1', { d: 12 }),
    incident('4', '2026-09-01', 'SEV1', {}),
    incident('old', '2026-03-01', 'SEV1', { d: 10, a: 30, r: 90 }),
    incident('s2', '2026-10-01', 'SEV2', { d: 1, a: 1, r: 100 }),
    incident('ancient', '2024-01-01', 'SEV1', { d: 100 }),
  ];

  it('takes medians per severity in the window, with the trend against the previous window and the target', () => {
    const [sev1, sev2] = analyseResponse(incidents, OPTIONS);
    expect(sev1).toMatchObject({ severity: 'SEV1', incidents: 4 });
    expect(sev1!.mttd).toEqual({
      median: 4,
      previous: 10,
      trend: -6,
      measured: 3,
      unmeasured: 1,
      target: 5,
      met: true,
    });
    expect(sev1!.mtta).toEqual({
      median: 15,
      previous: 30,
      trend: -15,
      measured: 2,
      unmeasured: 2,
      target: 15,
      met: true,
    });
    expect(sev1!.mttr).toEqual({
      median: 30,
      previous: 90,
      trend: -60,
      measured: 2,
      unmeasured: 2,
      target: 30,
      met: true,
    });
    expect(sev2).toMatchObject({
      severity: 'SEV2',
      incidents: 1,
      mttr: { median: 100, previous: null, trend: null, target: null, met: null },
    });
  });

  it('reports a missed target', () => {
    const [sev1] = analyseResponse([incident('x', '2026-06-01', 'SEV1', { d: 9 })], OPTIONS);
    expect(sev1!.mttd).toMatchObject({ median: 9, met: false });
  });

  it('counts incidents without a severity under "unknown", after the scale', () => {
    const res = analyseResponse(
      [incident('x', '2026-06-01', '', { d: 1 }), incident('y', '2026-06-01', 'SEV3', { d: 1 })],
      OPTIONS,
    );
    expect(res.map((r) => r.severity)).toEqual(['SEV3', 'unknown']);
  });
});
