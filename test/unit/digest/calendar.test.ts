import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../../src/core/digest/business-days.js';
import { addDays, daysBetween, isCalendarDate } from '../../../src/core/text/calendar-date.js';
import { digestWeek, isoWeek } from '../../../src/core/digest/iso-week.js';
import { median, percent, trend } from '../../../src/core/digest/stats.js';
import {
  localDate,
  startOfLocalDay,
  zoneOffsetMinutes,
} from '../../../src/core/digest/zoned-time.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48', '2026-11-23'],
    ['2026-11-29', '2026-W48', '2026-11-23'],
    ['2026-11-30', '2026-W49', '2026-11-30'],
    ['2027-01-01', '2026-W53', '2026-12-28'],
    ['2027-01-04', '2027-W01', '2027-01-04'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
    ['2021-01-03', '2020-W53', '2020-12-28'],
    ['2028-02-29', '2028-W09', '2028-02-28'],
  ])('puts %s in week %s starting %s', (date, label, monday) => {
    expect(isoWeek(date)).toMatchObject({ label, monday });
  });

  it('takes the week of the local date when it differs from the UTC date', () => {
    // Sunday 23:30 UTC is already Monday in Auckland (UTC+13 in summer).
    const now = new Date('2026-11-29T23:30:00Z');
    expect(digestWeek(now, 'UTC').label).toBe('2026-W48');
    expect(digestWeek(now, 'Pacific/Auckland')).toMatchObject({
      label: '2026-W49',
      today: '2026-11-30',
    });
    // Monday 05:00 UTC is still Sunday evening in Los Angeles.
    expect(digestWeek(new Date('2026-11-30T05:00:00Z'), 'America/Los_Angeles')).toMatchObject({
      label: '2026-W48',
      today: '2026-11-29',
    });
  });

  it('bounds the week by local midnights', () => {
    const w = digestWeek(new Date('2026-11-25T12:00:00Z'), 'Europe/Berlin');
    expect(w.start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-29T23:00:00.000Z');
  });
});

describe('zoned time', () => {
  it('reads zone offsets across daylight saving time', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('finds local midnight, and the first minute of a day whose midnight is skipped', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    expect(localDate(new Date('2026-09-06T03:59:00Z'), 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('calendar dates', () => {
  it('handles the leap day 2028-02-29', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });

  it('counts business days without weekends', () => {
    // Friday → next Monday is one business day; Friday → Friday a week later five.
    expect(businessDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(businessDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(businessDaysBetween('2026-11-20', '2026-11-30')).toBe(6);
    expect(businessDaysBetween('2028-02-25', '2028-03-03')).toBe(5);
  });
});

describe('statistics', () => {
  it('takes medians of odd and even counts, and none of nothing', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(median([])).toBeNull();
  });

  it('rounds percentages and leaves trends unknown when a side is', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBeNull();
    expect(trend(64, 56)).toBe(8);
    expect(trend(64, null)).toBeNull();
  });
});
