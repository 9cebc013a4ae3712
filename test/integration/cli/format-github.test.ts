import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatGithub } from '../../../src/cli/format/format-github.js';
import type { Diagnostic } from '../../../src/core/model/index.js';

const base: Diagnostic = {
  file: 'postmortems/a.md',
  line: 3,
  column: 5,
  severity: 'warning',
  rule: 'blame-language',
  message: 'plain',
};

describe('lint --format github', () => {
  it('escapes %, CR and LF in the message so one diagnostic stays one workflow command', () => {
    const line = formatAnnotation({ ...base, message: '50% done\r\nnext line' });
    expect(line).toBe(
      '::warning file=postmortems/a.md,line=3,col=5,title=blame-language::50%25 done%0D%0Anext line',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('escapes , and : in properties as well, and passes the end position when known', () => {
    expect(
      formatAnnotation({
        ...base,
        severity: 'error',
        file: 'pm/x,y:z%.md',
        endLine: 3,
        endColumn: 9,
      }),
    ).toBe(
      '::error file=pm/x%2Cy%3Az%25.md,line=3,col=5,endLine=3,endColumn=9,title=blame-language::plain',
    );
  });

  it('prints one line per diagnostic across files, and nothing when clean', () => {
    expect(
      formatGithub([
        { file: 'a.md', diagnostics: [base, { ...base, line: 4 }] },
        { file: 'b.md', diagnostics: [{ ...base, file: 'b.md' }] },
      ]),
    ).toBe(
      [
        '::warning file=postmortems/a.md,line=3,col=5,title=blame-language::plain',
        '::warning file=postmortems/a.md,line=4,col=5,title=blame-language::plain',
        '::warning file=b.md,line=3,col=5,title=blame-language::plain',
        '',
      ].join('\n'),
    );
    expect(formatGithub([])).toBe('');
  });

  it('annotates the first 50 findings of a file and counts the rest in one notice', () => {
    const diagnostics = Array.from({ length: 40_000 }, (_, i) => ({ ...base, line: i + 1 }));
    const lines = formatGithub([{ file: base.file, diagnostics }])
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe(
      '::notice file=postmortems/a.md,title=more findings::39950 more findings in this file not annotated; run postmortem-tracker lint on it to see them all.',
    );
  });
});
