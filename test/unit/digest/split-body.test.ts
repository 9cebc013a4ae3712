import { describe, expect, it } from 'vitest';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { parseDigestMarker, renderDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { renderDigest } from '../../../src/core/digest/render-digest.js';
import { GITHUB_BODY_LIMIT, splitBody } from '../../../src/core/digest/split-body.js';
import { config, item, pm } from './fixtures.js';

const marker = (part: number) => renderDigestMarker('2026-W48', part);

describe('splitBody', () => {
  it('keeps a small digest in one body', () => {
    expect(splitBody([{ kind: 'text', text: 'hello' }], { marker, label: 'x' })).toEqual([
      `${marker(1)}\n\nhello`,
    ]);
  });

  it('splits a table between rows, repeating its caption and header', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`);
    const parts = splitBody(
      [
        { kind: 'text', text: '# Title' },
        { kind: 'table', caption: '### Overdue', header: '| a | b |\n| --- | --- |', rows },
      ],
      { marker, label: 'L', limit: 800 },
    );
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(800);
    const all = parts.join('\n');
    for (const r of rows) expect(all.split(r).length - 1).toBe(1);
    expect(parts[1]).toContain('### Overdue (continued)\n\n| a | b |\n| --- | --- |\n| row');
    expect(parts[0]).toContain(`_Continued in part 2 of ${parts.length}._`);
    expect(parts.map((p) => parseDigestMarker(p)?.part)).toEqual(parts.map((_, i) => i + 1));
  });

  it('spreads a huge digest over follow-ups under 65,536 characters without losing a row', () => {
    const items = Array.from({ length: 3000 }, (_, i) =>
      item({
        title: `Item ${i} ${'long words '.repeat(12)}`,
        id: `i${i}`,
        due: '2026-10-01',
        owner: `@owner${i % 50}`,
        line: i + 1,
      }),
    );
    const digest = analyseDigest({
      postmortems: [
        pm({
          path: 'pm/huge.md',
          incidentDate: '2026-09-01',
          severity: 'SEV2',
          actionItems: items,
        }),
      ],
      issues: [],
      config: config(),
      now: new Date('2026-11-25T12:00:00Z'),
    });
    const parts = renderDigest(digest, {
      repoUrl: 'https://github.com/acme/ops',
      defaultBranch: 'main',
    });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    const all = parts.join('\n');
    for (let i = 0; i < 3000; i += 1) expect(all).toContain(`#L${i + 1})`);
    // Overdue table rows: exactly one per item.
    expect(all.match(/\| 55 \| —/g)).toHaveLength(3000);
    expect(parts.at(-1)).toContain('### Post-mortem hygiene');
  });
});
