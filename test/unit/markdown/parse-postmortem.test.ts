import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';

describe('parsePostmortem metadata', () => {
  it('lets front matter win over bold labels and the title, and records the source line of each field', () => {
    const pm = parsePostmortem(
      '---\ndate: 2026-02-01\nseverity: sev 3\ncause: dependency\n---\n# Outage on 2026-01-30\n\n**Date:** 2026-01-31\n**Severity:** SEV1\n',
      'pm.md',
    );
    expect(pm).toMatchObject({
      incidentDate: '2026-02-01',
      severity: 'SEV3',
      rootCauseCategory: 'dependency',
      title: 'Outage on 2026-01-30',
    });
    expect(pm.lines).toMatchObject({
      incidentDate: 2,
      severity: 3,
      rootCauseCategory: 4,
      title: 6,
    });
    expect(pm.frontmatter).toEqual({ date: '2026-02-01', severity: 'sev 3', cause: 'dependency' });
  });

  it('reads TOML front matter', () => {
    const pm = parsePostmortem(
      '+++\ntitle = "Cache stampede"\ntags = ["cache", "redis"]\n+++\n\nBody.\n',
      'pm.md',
    );
    expect(pm).toMatchObject({ title: 'Cache stampede', tags: ['cache', 'redis'] });
  });

  it('reports unreadable front matter as a diagnostic and still reads the body', () => {
    const pm = parsePostmortem(
      '---\ntitle: [unclosed\n---\n# Body title\n\n## Action Items\n\n- Fix it\n',
      'pm.md',
    );
    expect(pm.diagnostics).toEqual([
      expect.objectContaining({ rule: 'parse-frontmatter', line: 1, file: 'pm.md' }),
    ]);
    expect(pm.title).toBe('Body title');
    expect(pm.actionItems.map((i) => i.title)).toEqual(['Fix it']);
  });

  it('falls back for the incident date to the title, then the timeline, then the file name', () => {
    expect(parsePostmortem('# Outage on 12th March 2023\n', 'x.md').incidentDate).toBe(
      '2023-03-12',
    );
    expect(
      parsePostmortem('# Outage\n\n## Timeline\n\n- 2024-05-02 10:00 paged\n', 'x.md').incidentDate,
    ).toBe('2024-05-02');
    expect(parsePostmortem('# Outage\n', 'incidents/2021-07-12-ingress.md').incidentDate).toBe(
      '2021-07-12',
    );
    expect(parsePostmortem('# Outage\n', 'incidents/notes.md').incidentDate).toBeNull();
  });

  it('reads metadata written as H2 headings with the value inline or on the next line, and as list items', () => {
    const pm = parsePostmortem(
      '## Date: 12th March 2023\n## Time: 5:13:57 UTC\n\n## Authors\n\n* ana\n* ben\n\n- Severity: SEV-2\n',
      'x.md',
    );
    expect(pm).toMatchObject({
      incidentDate: '2023-03-12',
      authors: ['ana', 'ben'],
      severity: 'SEV2',
    });
  });

  it('records the source line of each contributing factor and what-went-well bullet', () => {
    const pm = parsePostmortem(
      '# Outage\n\n## Contributing factors\n\n- No expiry alert\n\n- Renewal was\n  manual\n* Nobody owned\n  the certificate\n\n## What went well\n\n1. Rollback was quick\n',
      'pm.md',
    );
    expect(pm.contributingFactors).toEqual([
      { text: 'No expiry alert', line: 5 },
      { text: 'Renewal was manual', line: 7 },
      { text: 'Nobody owned the certificate', line: 9 },
    ]);
    expect(pm.whatWentWell).toEqual([{ text: 'Rollback was quick', line: 14 }]);
  });

  it('records every heading as a section with its key, depth and line, including setext headings', () => {
    const pm = parsePostmortem(
      'Outage\n======\n\nTimeline\n--------\n\n### Root Cause\n\n#### Follow-ups\n',
      'x.md',
    );
    expect(pm.sections).toEqual([
      { key: null, heading: 'Outage', depth: 1, line: 1 },
      { key: 'timeline', heading: 'Timeline', depth: 2, line: 4 },
      { key: 'rootCause', heading: 'Root Cause', depth: 3, line: 7 },
      { key: 'actionItems', heading: 'Follow-ups', depth: 4, line: 9 },
    ]);
  });

  it('resolves year-less timeline days from the incident date and the time zone option', () => {
    const text =
      '# Outage\n\n**Date:** 2025-05-12\n\n## Timeline\n\n### May 12\n\n- 20:15 ticket opened\n';
    expect(
      parsePostmortem(text, 'x.md', { timeZone: 'Europe/Helsinki' }).timeline[0],
    ).toMatchObject({ time: '20:15', at: '2025-05-12T17:15:00Z' });
  });

  it('handles CRLF line endings, tabs, a leading blank line and no final newline', () => {
    const pm = parsePostmortem(
      '\r\n# Outage\r\n\r\n## Action Items\r\n\r\n-\tRotate keys @alice',
      'x.md',
    );
    expect(pm.actionItems).toEqual([
      expect.objectContaining({ title: 'Rotate keys', owner: '@alice', line: 6 }),
    ]);
  });
});

describe('parsePostmortem incident and timeline dates', () => {
  it('reports an ambiguous day-first title or metadata date at its line, and reads it once the order is set', () => {
    const title = '# 06-11-2023 - Lost writes\n';
    expect(parsePostmortem(title, 'x.md').diagnostics).toEqual([
      expect.objectContaining({ rule: 'date-ambiguous', line: 1 }),
    ]);
    expect(parsePostmortem(title, 'x.md', { dateOrder: 'DMY' })).toMatchObject({
      incidentDate: '2023-11-06',
      diagnostics: [],
    });
    expect(parsePostmortem(title, 'x.md', { dateOrder: 'MDY' }).incidentDate).toBe('2023-06-11');
    const meta = parsePostmortem('# Lost writes\n\nDate: 06-11-2023\n', 'x.md');
    expect(meta.incidentDate).toBeNull();
    expect(meta.diagnostics).toEqual([
      expect.objectContaining({ rule: 'date-ambiguous', line: 3 }),
    ]);
  });

  it('applies a day heading to the time-only entries under it, with the incident year', () => {
    const pm = parsePostmortem(
      '# Backlog\n\nDate: 2025-12-30\n\n## Timeline\n\n#### Dec 31 (Day 2)\n\n- 23:00 one\n\n#### Day 3: Jan 1\n\n14:00 two\n15:00 three\n',
      'x.md',
    );
    expect(pm.timeline.map((e) => e.at)).toEqual([
      '2025-12-31T23:00:00Z',
      '2026-01-01T14:00:00Z',
      '2026-01-01T15:00:00Z',
    ]);
  });

  it('gives no instant to entries under an ambiguous day, with one warning for the whole file', () => {
    const pm = parsePostmortem(
      '# Backlog\n\nDate: 2026-03-04\n\n## Timeline\n\n**04-03**\n\n- 10:00 one\n- 11:00 two\n\n**05-03**\n\n- 09:00 three\n',
      'x.md',
    );
    expect(pm.timeline.map((e) => e.at)).toEqual([null, null, null]);
    expect(pm.diagnostics).toEqual([
      expect.objectContaining({ rule: 'date-ambiguous', line: 7, severity: 'warning' }),
    ]);
  });

  it('reads an "All times in …" statement written before the timeline', () => {
    const pm = parsePostmortem(
      '# Boskos\n\nDate: 2019-03-26\n\nAll times in PDT (UTC-7).\n\n## Timeline\n\n- [03-26 17:40] upgrade\n',
      'x.md',
    );
    expect(pm.timeline[0]?.at).toBe('2019-03-27T00:40:00Z');
  });
});
