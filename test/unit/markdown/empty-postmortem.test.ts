import { describe, expect, it } from 'vitest';
import { emptyPostmortem as lintEmpty } from '../../../src/core/lint/index.js';
import { emptyPostmortem } from '../../../src/core/markdown/empty-postmortem.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';

describe('emptyPostmortem', () => {
  it('returns a post-mortem with nothing found and fresh arrays on every call', () => {
    const a = emptyPostmortem('a.md');
    const b = emptyPostmortem('a.md');
    expect(a).toMatchObject({ path: 'a.md', title: null, actionItems: [], diagnostics: [] });
    a.actionItems.push({} as never);
    expect(b.actionItems).toEqual([]);
  });

  it('is the one the lint module exports', () => {
    expect(lintEmpty).toBe(emptyPostmortem);
  });

  it('is what parsePostmortem returns, with one parse-error, when the text cannot be read', () => {
    const unreadable = {
      toString(): string {
        throw new Error('boom');
      },
    } as unknown as string;
    const pm = parsePostmortem(unreadable, 'bad.md');
    expect({ ...pm, diagnostics: [] }).toEqual(emptyPostmortem('bad.md'));
    expect(pm.diagnostics).toEqual([
      expect.objectContaining({ rule: 'parse-error', line: 1, file: 'bad.md', severity: 'error' }),
    ]);
  });
});
