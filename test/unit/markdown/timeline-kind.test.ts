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
