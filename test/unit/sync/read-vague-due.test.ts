import { describe, expect, it } from 'vitest';
import { readVagueDue } from '../../../src/core/sync/read-vague-due.js';

// 2026-03-04 is a Wednesday.
const REF = '2026-03-04';

describe('readVagueDue', () => {
  it.each([
    ['Q3 2026', '2026-09-30', 'the last day of Q3 2026'],
    ['q4-2026', '2026-12-31', 'the last day of Q4 2026'],
    ["Q1 '27", '2027-03-31', 'the last day of Q1 2027'],
    ['2026 Q2', '2026-06-30', 'the last day of Q2 2026'],
    ['end of Q2', '2026-06-30', 'the last day of Q2 2026'],
    ['Q1', '2026-03-31', 'the last day of Q1 2026'],
    ['H2', '2026-12-31', 'the last day of H2 2026'],
    ['H1 2027', '2027-06-30', 'the last day of H1 2027'],
    [
      'end of month',
      '2026-03-31',
      "the last day of the month of the post-mortem's date 2026-03-04",
    ],
    ['EOM', '2026-03-31', "the last day of the month of the post-mortem's date 2026-03-04"],
    [
      'next month',
      '2026-04-30',
      "the last day of the next month of the post-mortem's date 2026-03-04",
    ],
    [
      'end of quarter',
      '2026-03-31',
      "the last day of the quarter of the post-mortem's date 2026-03-04",
    ],
    [
      'next quarter',
      '2026-06-30',
      "the last day of the next quarter of the post-mortem's date 2026-03-04",
    ],
    ['EOY', '2026-12-31', "the last day of the year of the post-mortem's date 2026-03-04"],
    [
      'next year',
      '2027-12-31',
      "the last day of the next year of the post-mortem's date 2026-03-04",
    ],
    ['end of week', '2026-03-06', "the Friday of the week of the post-mortem's date 2026-03-04"],
    ['next week', '2026-03-13', "the Friday of the next week of the post-mortem's date 2026-03-04"],
    ['next Friday', '2026-03-06', "the first Friday after the post-mortem's date 2026-03-04"],
    ['Wednesday', '2026-03-11', "the first Wednesday after the post-mortem's date 2026-03-04"],
    ['**by next Tue.**', '2026-03-10', "the first Tuesday after the post-mortem's date 2026-03-04"],
    ['March 2026', '2026-03-31', 'the last day of March 2026'],
    ['end of February', '2027-02-28', 'the last day of February 2027'],
    ['Sept 2026', '2026-09-30', 'the last day of September 2026'],
    ['2027', '2027-12-31', 'the last day of 2027'],
    ['in 2 weeks', '2026-03-18', "2 weeks after the post-mortem's date 2026-03-04"],
    ['within 30 days', '2026-04-03', "30 days after the post-mortem's date 2026-03-04"],
    ['1 month', '2026-04-04', "1 month after the post-mortem's date 2026-03-04"],
  ])('reads "%s" as %s (%s)', (phrase, date, reading) => {
    expect(readVagueDue(phrase, REF)).toEqual({ date, reading });
  });

  it('keeps the day of the month for "in N months", or the month\'s last day when it has none', () => {
    expect(readVagueDue('in 1 month', '2026-01-31')?.date).toBe('2026-02-28');
    expect(readVagueDue('in 12 months', '2026-01-15')?.date).toBe('2027-01-15');
  });

  it('reads a quarter, half or month without a year as the first one not over at the date', () => {
    expect(readVagueDue('Q1', '2026-11-20')?.date).toBe('2027-03-31');
    expect(readVagueDue('H1', '2026-07-01')?.date).toBe('2027-06-30');
    expect(readVagueDue('March', '2026-03-31')?.date).toBe('2026-03-31');
  });

  it.each([
    'ASAP',
    'soon',
    'TBD',
    'next sprint',
    'next release',
    'long-term',
    'ongoing',
    'Q5 2026',
    'Marchish',
    'satisfied',
    '',
  ])('leaves "%s" unread', (phrase) => {
    expect(readVagueDue(phrase, REF)).toBeNull();
  });
});
