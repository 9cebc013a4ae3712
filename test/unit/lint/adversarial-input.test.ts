import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { lintPostmortem } from '../../../src/core/lint/lint-postmortem.js';
import { buildItem, buildPostmortem } from './build-postmortem.js';

const K100 = 100_000;
const rep = (s: string): string => s.repeat(Math.ceil(K100 / s.length)).slice(0, K100);
const ladder = (): string => {
  let s = '';
  for (let n = 1; s.length < K100; n++) s += `${'`'.repeat(n)}x`;
  return s;
};

// Lines built to make a backtracking regex blow up: long runs the patterns partly match.
const LINES: Array<[string, string]> = [
  ['angle brackets', rep('<a ')],
  ['an unclosed angle bracket', `<${rep('a')}`],
  ['unclosed mustaches', rep('{{ a ')],
  ['nested braces', rep('{')],
  ['bracket instructions', rep('[insert ')],
  ['backtick runs of every length', ladder()],
  ['unmatched single backticks', rep('`a')],
  ['comment openers', rep('<!--')],
  ['a long word before a possessive', `${rep('a')}'s fault`],
  ['possessives', rep("a's ")],
  ['should-have chains', rep('should have ')],
  ['handles', rep('@a-')],
  ['url-like text', `http://${rep('a.')}`],
  ['TODO fragments', rep('TOD TODOX TBDD ')],
  ['a heading of capitals', `# ${rep('ISSUE NAME ')}`],
  ['pipes of a table row', rep('| TODO ')],
];

describe('every lint pattern is linear on 100 KB adversarial lines', () => {
  it.each(LINES)('lints a line of %s quickly', (_what, line) => {
    const text = `# T\n\n## Root cause\n\n${line}\n\n## Action items\n\n${line}\n`;
    const pm = buildPostmortem({
      authors: ['Aaaa Bbbb'],
      sections: [{ key: 'rootCause', heading: 'Root cause', depth: 2, line: 3 }],
      actionItems: [buildItem({ line: 9, owner: 'Aaaa' })],
    });
    const start = performance.now();
    const diagnostics = lintPostmortem(pm, defaultConfig, { text });
    const ms = performance.now() - start;
    expect(Array.isArray(diagnostics)).toBe(true);
    expect(ms).toBeLessThan(1500);
  });
});

describe('lintText', () => {
  it('turns a parser exception into one diagnostic instead of throwing', async () => {
    vi.resetModules();
    vi.doMock('../../../src/core/markdown/parse-postmortem.js', () => ({
      parsePostmortem: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }));
    const { lintText } = await import('../../../src/core/lint/lint-text.js');
    const result = lintText('# x', 'broken.md', defaultConfig);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'broken.md',
        line: 1,
        severity: 'error',
        rule: 'parse-error',
        message: expect.stringContaining('Maximum call stack'),
      }),
    ]);
    expect(result.postmortem.path).toBe('broken.md');
    vi.doUnmock('../../../src/core/markdown/parse-postmortem.js');
  });
});
