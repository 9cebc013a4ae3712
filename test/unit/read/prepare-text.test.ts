import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { capActionItems } from '../../../src/core/read/cap-action-items.js';
import { prepareText } from '../../../src/core/read/prepare-text.js';
import { readLimits } from '../../../src/core/read/read-limits.js';
import { runParseTask } from '../../../src/core/lint/index.js';
import { isUnread, isUntracked } from '../../../src/core/read/unread-postmortem.js';

const limits = readLimits();
const encode = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

const CRLF_POSTMORTEM = [
  '# Checkout outage',
  '',
  '**Date:** 2026-02-10',
  '**Severity:** SEV2',
  '**Duration:** 45 minutes',
  '**Impact:** 12% of checkouts failed',
  '',
  '## Summary',
  '',
  'Checkout failed.',
  '',
  '## Timeline',
  '',
  '- 10:00 deploy',
  '',
  '## Root cause',
  '',
  'A bad config.',
  '',
  '## Action items',
  '',
  '- [ ] Add a canary (@alice, due 2026-03-01)',
  '',
].join('\r\n');

describe('prepareText', () => {
  it('reads Windows line endings so bold-label metadata and sections are found', () => {
    const prepared = prepareText(encode(CRLF_POSTMORTEM), 'pm.md', limits);
    expect(prepared.ok).toBe(true);
    const pm = parsePostmortem(prepared.ok ? prepared.text : '', 'pm.md');
    expect(pm).toMatchObject({
      incidentDate: '2026-02-10',
      severity: 'SEV2',
      durationMinutes: 45,
      impact: expect.stringContaining('12%'),
    });
    expect(pm.actionItems.map((i) => [i.title, i.owner, i.due])).toEqual([
      ['Add a canary', '@alice', '2026-03-01'],
    ]);
  });

  it('turns an empty, binary or undecodable file into an unread post-mortem naming what was found', () => {
    for (const [bytes, found] of [
      [new Uint8Array(), 'empty file'],
      [encode('# T\n\0\0'), 'binary content (NUL byte at offset 4)'],
      [new Uint8Array([0x23, 0x20, 0xff, 0x0a]), 'invalid UTF-8 at byte 2'],
    ] as const) {
      const prepared = prepareText(bytes, 'postmortems/a.md', limits);
      expect(prepared.ok).toBe(false);
      if (prepared.ok) continue;
      expect(prepared.postmortem.actionItems).toEqual([]);
      expect(prepared.postmortem.diagnostics).toEqual([
        expect.objectContaining({
          rule: 'file-unreadable',
          severity: 'error',
          message: expect.stringContaining(`postmortems/a.md is unreadable: ${found}`),
        }),
      ]);
      expect(isUnread(prepared.postmortem)).toBe(true);
    }
  });

  it('refuses a line over maxLineLength and a line nesting more than maxNesting containers, on their line', () => {
    const long = prepareText(encode(`# T\n\n${'word '.repeat(5000)}\n`), 'a.md', limits);
    expect(long).toMatchObject({
      ok: false,
      postmortem: {
        diagnostics: [
          expect.objectContaining({
            rule: 'file-too-complex',
            line: 3,
            message: expect.stringContaining('line 3 is 25000 characters long'),
          }),
        ],
      },
    });
    // The 24 KB line of nested list markers that blocked the app's event loop for ~110 s.
    const nested = '- '.repeat(12_000);
    const started = performance.now();
    const deep = prepareText(encode(`# T\n\n${nested}\n`), 'a.md', limits);
    expect(performance.now() - started).toBeLessThan(200);
    expect(deep).toMatchObject({
      ok: false,
      postmortem: {
        diagnostics: [expect.objectContaining({ rule: 'file-too-complex', line: 3 })],
      },
    });
    for (const line of ['> '.repeat(40), '1. '.repeat(40), '* > + 2) '.repeat(10)])
      expect(prepareText(encode(`# T\n${line}x\n`), 'a.md', limits).ok).toBe(false);
    // Ordinary nesting and long prose are fine.
    expect(
      prepareText(
        encode(`# T\n\n${'- '.repeat(6)}x\n> > quote\n${'a'.repeat(19_000)}\n`),
        'a.md',
        limits,
      ).ok,
    ).toBe(true);
  });

  it('exempts fenced code from the line and nesting limits: a pasted log line is plain text to the parser', () => {
    const log = `{"level":"error","msg":"${'x'.repeat(30_000)}"}`;
    const fenced = `# T\n\n- In a list:\n\n  \`\`\`json\n  ${log}\n  ${'- '.repeat(50)}\n  \`\`\`\n\n~~~~\n${log}\n~~~\n${log}\n~~~~\n`;
    expect(prepareText(encode(fenced), 'a.md', limits).ok).toBe(true);
    // After the fence closes, or where a "fence" is really inline code, the limits apply again.
    const after = `# T\n\n\`\`\`\ncode\n\`\`\`\n${log}\n`;
    expect(prepareText(encode(after), 'a.md', limits)).toMatchObject({
      ok: false,
      postmortem: { diagnostics: [expect.objectContaining({ rule: 'file-too-complex', line: 6 })] },
    });
    const inline = `# T\n\n\`\`\`a\`b\n${log}\n`;
    expect(prepareText(encode(inline), 'a.md', limits).ok).toBe(false);
  });

  it('refuses a file over maxFileBytes as file-too-large', () => {
    const prepared = prepareText(new Uint8Array(1_000_001).fill(0x61), 'big.md', limits);
    expect(prepared).toMatchObject({
      ok: false,
      postmortem: { diagnostics: [expect.objectContaining({ rule: 'file-too-large' })] },
    });
  });
});

describe('the action-item limit', () => {
  const items = (n: number) =>
    `# T\n\n## Action items\n\n${Array.from({ length: n }, (_, i) => `- [ ] Task ${i} (@alice)`).join('\n')}\n`;

  it('keeps a file at the limit as it is', () => {
    const pm = parsePostmortem(items(200), 'a.md');
    expect(capActionItems(pm, 200)).toBe(pm);
  });

  it('tracks none of the items of a file over the limit and fails on the first item over it', () => {
    const result = runParseTask({
      text: items(201),
      path: 'a.md',
      options: {},
      maxActionItems: 200,
    });
    expect(result.postmortem.actionItems).toEqual([]);
    expect(result.postmortem.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'too-many-action-items',
        severity: 'error',
        line: 205,
        message: expect.stringContaining('201 action items, over the limit of 200'),
      }),
    ]);
    expect(isUntracked(result.postmortem)).toBe(true);
    expect(isUnread(result.postmortem)).toBe(false);
  });
});
