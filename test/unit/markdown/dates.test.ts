import { describe, expect, it } from 'vitest';
import {
  findDate,
  parseDate,
  parseDurationMinutes,
  parseTimeOfDay,
  toInstant,
} from '../../../src/core/markdown/dates.js';

describe('parseDate', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['2021-12-10   15:40', '2021-12-10'],
    ['~2025-03-03 19:30', '2025-03-03'],
    ['2025-05-05T20:06:00Z', '2025-05-05'],
    ['2025-DEC-5', '2025-12-05'],
    ['24-10-2024', '2024-10-24'],
    ['16/12/2022 00:50:10', '2022-12-16'],
    ['22/Mar/2022', '2022-03-22'],
    ['02-26-2024', '2024-02-26'],
    ['9/25/20', '2020-09-25'],
    ['5-26-21', '2021-05-26'],
    ['12th March 2023', '2023-03-12'],
    ['Jan 27th 2025, 18:50:28 UTC', '2025-01-27'],
    ['Thur 3 Nov 2016', '2016-11-03'],
    ['March 5, 2024', '2024-03-05'],
    ['4/21/23', '2023-04-21'],
    ['2022-02-02 1625', '2022-02-02'],
    ['4/21/23-4/25/23', '2023-04-21'],
  ])('reads %s as %s', (raw, date) => {
    expect(parseDate(raw)).toEqual({ kind: 'date', date });
  });

  it('reports a numeric date that reads both ways as ambiguous, with both readings', () => {
    expect(parseDate('01-04-2026')).toEqual({
      kind: 'ambiguous',
      candidates: ['2026-04-01', '2026-01-04'],
    });
  });

  it('settles an ambiguous date with a configured order', () => {
    expect(parseDate('01-04-2026', { order: 'DMY' })).toEqual({ kind: 'date', date: '2026-04-01' });
    expect(parseDate('01-04-2026', { order: 'MDY' })).toEqual({ kind: 'date', date: '2026-01-04' });
  });

  it('does not call 05-05-2026 ambiguous: both readings are the same day', () => {
    expect(parseDate('05-05-2026')).toEqual({ kind: 'date', date: '2026-05-05' });
  });

  it.each(['2026-02-30', '2025-13-01', '31/31/30', '2026-04-31'])(
    'rejects the impossible date %s as invalid',
    (raw) => {
      expect(parseDate(raw).kind).toBe('invalid');
    },
  );

  it.each(['Q2 2024', 'next sprint', 'end of month', 'Long-term', 'Immediate', 'H2 2026', 'TBD'])(
    'keeps %s as a vague phrase',
    (raw) => {
      expect(parseDate(raw)).toEqual({ kind: 'vague', raw });
    },
  );

  it('takes the year of a year-less date from the reference, rolling forward past the year end', () => {
    expect(parseDate('Apr 1', { reference: '2026-03-02' })).toEqual({
      kind: 'date',
      date: '2026-04-01',
    });
    expect(parseDate('Jan 15', { reference: '2025-12-10' })).toEqual({
      kind: 'date',
      date: '2026-01-15',
    });
    expect(parseDate('Apr 1')).toEqual({ kind: 'vague', raw: 'Apr 1' });
  });

  it('reads a year-less numeric date only when the order or the values settle it', () => {
    expect(parseDate('10/11', { reference: '2025-10-01' }).kind).toBe('ambiguous');
    expect(parseDate('10/11', { reference: '2025-10-01', order: 'DMY' })).toEqual({
      kind: 'date',
      date: '2025-11-10',
    });
    expect(parseDate('25/11', { reference: '2025-10-01' })).toEqual({
      kind: 'date',
      date: '2025-11-25',
    });
  });

  it('reads the year-less month-day of a timeline stamp like [12-05 16:21] only with an order, in the year nearest the reference', () => {
    expect(parseDate('12-05', { reference: '2019-03-26' })).toEqual({
      kind: 'ambiguous',
      candidates: ['2019-05-12', '2018-12-05'],
    });
    expect(parseDate('12-05', { reference: '2019-03-26', order: 'MDY' })).toEqual({
      kind: 'date',
      date: '2018-12-05',
    });
    expect(parseDate('12-05', { reference: '2019-03-26', order: 'DMY' })).toEqual({
      kind: 'date',
      date: '2019-05-12',
    });
  });

  it('does not guess a date from random words', () => {
    expect(parseDate('may be later').kind).not.toBe('date');
    expect(parseDate('the march of progress').kind).not.toBe('date');
  });
});

describe('findDate', () => {
  it('finds the first written date inside a longer text', () => {
    expect(findDate('Incident on 2021-07-12 - ingress down')).toMatchObject({
      raw: '2021-07-12',
      parse: { kind: 'date', date: '2021-07-12' },
    });
    expect(findDate('Postmortem for the Mainnet incident on 17th June 2019')?.parse).toEqual({
      kind: 'date',
      date: '2019-06-17',
    });
    expect(findDate('Monday May 10th, 2021')?.parse).toEqual({ kind: 'date', date: '2021-05-10' });
    expect(findDate('no date here')).toBeNull();
  });
});

describe('times and instants', () => {
  it.each([
    ['14:02', 14, 2, null],
    ['1738', 17, 38, null],
    ['11:39AM', 11, 39, null],
    ['14:17 PM', 14, 17, null],
    ['08:52 PM', 20, 52, null],
    ['12:05 am', 0, 5, null],
    ['9:00 UTC', 9, 0, 'UTC'],
    ['16:20 UTC+1', 16, 20, 'UTC+1'],
    ['~1837', 18, 37, null],
    ['1625', 16, 25, null],
    ['09:10 CEST', 9, 10, 'CEST'],
  ])('reads %s', (raw, hour, minute, zone) => {
    expect(parseTimeOfDay(raw)).toMatchObject({ hour, minute, zone });
  });

  it.each(['X', '--:--', '25:00', '2460', 'The morning', '[The morning]'])(
    'does not read %s as a time',
    (raw) => {
      expect(parseTimeOfDay(raw)).toBeNull();
    },
  );

  it('resolves zones: abbreviations, offsets, IANA names with daylight saving', () => {
    const t = (raw: string) => parseTimeOfDay(raw)!;
    expect(toInstant('2026-03-04', t('14:02'))).toBe('2026-03-04T14:02:00Z');
    expect(toInstant('2026-03-04', t('14:02 PST'))).toBe('2026-03-04T22:02:00Z');
    expect(toInstant('2026-03-04', t('14:02 UTC+1'))).toBe('2026-03-04T13:02:00Z');
    expect(toInstant('2026-07-04', t('14:02'), 'Europe/London')).toBe('2026-07-04T13:02:00Z');
    expect(toInstant('2026-01-04', t('14:02'), 'Europe/London')).toBe('2026-01-04T14:02:00Z');
    expect(toInstant('2026-07-04', t('14:02 PT'))).toBe('2026-07-04T21:02:00Z');
    expect(toInstant('2026-07-04', t('14:02'), 'Not/AZone')).toBeNull();
    expect(toInstant('2026-01-04', t('14:02 CET'))).toBe('2026-01-04T13:02:00Z');
    expect(toInstant('2026-07-04', t('14:02 CEST'))).toBe('2026-07-04T12:02:00Z');
    expect(toInstant('2026-07-04', t('14:02 BST'))).toBe('2026-07-04T13:02:00Z');
    expect(toInstant('2026-07-04', t('14:02 IST'))).toBe('2026-07-04T08:32:00Z');
    expect(toInstant('2026-07-04', t('14:02 NZST'))).toBe('2026-07-04T02:02:00Z');
  });
});

describe('parseDurationMinutes', () => {
  it.each([
    ['0h 37m', 37],
    ['~24h40m', 1480],
    ['~17d', 24480],
    ['1415 minutes', 1415],
    ['3h 45m', 225],
    ['~3 days', 4320],
    ['N/A', null],
  ])('reads %s as %s minutes', (raw, minutes) => {
    expect(parseDurationMinutes(raw)).toBe(minutes);
  });
});
