import { describe, expect, it } from 'vitest';
import { splitTimelineLead } from '../../../src/core/markdown/timeline-lead.js';

describe('splitTimelineLead', () => {
  it('keeps a capitalised name after a time as text, not as a time zone', () => {
    const lead = splitTimelineLead('14:05 Pat restarted the pool');
    expect(lead?.timeOfDay?.zone).toBeNull();
    expect(lead?.rest).toBe('Pat restarted the pool');
  });

  it('reads a known zone abbreviation after the time', () => {
    const lead = splitTimelineLead('14:05 PDT Pat restarted the pool');
    expect(lead?.timeOfDay).toMatchObject({ hour: 14, minute: 5, zone: 'PDT' });
    expect(lead?.rest).toBe('Pat restarted the pool');
  });

  it('reads bold times with UTC', () => {
    const lead = splitTimelineLead('**17:02 UTC** - alert fired');
    expect(lead?.timeOfDay).toMatchObject({ hour: 17, minute: 2, zone: 'UTC' });
    expect(lead?.rest).toBe('alert fired');
  });
});
