import { describe, expect, it } from 'vitest';
import { classifyTimelineText } from '../../../src/core/markdown/timeline-kind.js';

describe('classifyTimelineText', () => {
  it.each([
    ['Deploy of v42 started', 'start'],
    ['Config change deployed to prod', 'start'],
    ['PagerDuty alert fired for 5xx rate', 'detection'],
    ['Customer reported broken checkout', 'detection'],
    ['An alarm goes off', 'detection'],
    ["On-call ack'd the page", 'acknowledgement'],
    ['Engineer acknowledges and starts investigating', 'acknowledgement'],
    ['Rolled back to v41', 'mitigation'],
    ['Failover to the secondary region', 'mitigation'],
    ['Deployed the rollback', 'mitigation'],
    ['All clear, fully recovered', 'resolution'],
    ['Service back to normal', 'resolution'],
  ])('classifies "%s" as %s', (text, kind) => {
    expect(classifyTimelineText(text)).toBe(kind);
  });

  it('returns null for wording that marks nothing', () => {
    expect(classifyTimelineText('Team discussed options in Slack')).toBeNull();
  });
});

describe('classifyTimelineText, longer alert names', () => {
  it('reads an alert with a quoted or several-word name that fired as detection', () => {
    expect(classifyTimelineText('alert "login p99 latency" fired.')).toBe('detection');
    expect(
      classifyTimelineText(
        'Alert on connection pool saturation fired (added after the March incident)',
      ),
    ).toBe('detection');
  });

  it('reads failures that begin as the start', () => {
    expect(classifyTimelineText('upstream lookups spike and lookups begin to fail')).toBe('start');
  });
});
