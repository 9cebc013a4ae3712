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
