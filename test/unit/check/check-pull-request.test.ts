import { describe, expect, it } from 'vitest';
import {
  checkPullRequest,
  renderCheckSummary,
  renderCheckTitle,
  type FileContent,
  type PullRequestCheckInput,
} from '../../../src/core/check/index.js';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { capDiagnostics, pathProblem } from '../../../src/core/guard/index.js';
import type { Diagnostic } from '../../../src/core/model/index.js';

const CLEAN = `# Cache outage

**Date:** 2026-03-01
**Severity:** SEV2

## Summary

Reads slowed for ten minutes.

## Timeline

- 14:02 UTC: eviction storm began
- 14:12 UTC: resolved

## Root cause

A cache node ran out of memory.

## Action items

- [ ] Alert on eviction rate (@alice, due 2026-04-01)
`;

const noAssignees: Config = {
  ...defaultConfig,
  check: { ...defaultConfig.check, checkAssignees: false },
};

function input(
  files: Record<string, FileContent | undefined>,
  overrides: Partial<PullRequestCheckInput> = {},
): PullRequestCheckInput & { reads: string[][] } {
  const reads: string[][] = [];
  return {
    reads,
    paths: Object.keys(files),
    read: async (paths) => {
      reads.push([...paths]);
      const map = new Map<string, FileContent>();
      for (const p of paths) {
        const c = files[p];
        if (c !== undefined) map.set(p, c);
      }
      return map;
    },
    config: noAssignees,
    port: { canBeAssigned: async () => true },
    repo: 'acme/web',
    failOn: 'error',
    ...overrides,
  };
}

function diag(file: string, line: number, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line, column: 1, severity, rule: 'r', message: 'm' };
}

describe('checkPullRequest', () => {
  it('reports a file the host could not read as file-unreadable and still lists it as checked', async () => {
    const report = await checkPullRequest(
      input({
        'postmortems/a.md': { text: CLEAN },
        'postmortems/b.md': { unreadable: 'postmortems/b.md is UTF-16 without a byte-order mark.' },
        'postmortems/c.md': undefined,
      }),
    );
    expect(report.files).toEqual(['postmortems/a.md', 'postmortems/b.md', 'postmortems/c.md']);
    expect(report.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
      [
        'postmortems/b.md',
        'file-unreadable',
        'postmortems/b.md is UTF-16 without a byte-order mark.',
      ],
      [
        'postmortems/c.md',
        'file-unreadable',
        "postmortems/c.md could not be read at the pull request's head.",
      ],
    ]);
    expect(report.conclusion).toBe('failure');
  });

  it('never reads a path with a control character, an absolute path or a ".." path', async () => {
    const i = input({
      'postmortems/a\n::add-mask::x.md': { text: CLEAN },
      'postmortems/ok.md': { text: CLEAN },
    });
    const report = await checkPullRequest(i);
    expect(i.reads).toEqual([['postmortems/ok.md']]);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: 'postmortems/a\n::add-mask::x.md',
        rule: 'file-name-invalid',
        message: expect.stringMatching(
          /^postmortems\/a\\u000A::add-mask::x\.md contains a control character \(U\+000A\)/,
        ),
      }),
    ]);
    expect(pathProblem('/etc/passwd')).toMatch(/is absolute/);
    expect(pathProblem('C:/x.md')).toMatch(/is absolute/);
    expect(pathProblem('postmortems/../../x.md')).toMatch(/outside the repository/);
    expect(pathProblem('postmortems/**/*.md')).toBeNull();
  });

  it('reports at most 50 findings per file and counts the rest', async () => {
    const many = Array.from({ length: 73 }, (_, i) => diag('a.md', i + 1));
    const { shown, omitted } = capDiagnostics([...many, diag('b.md', 1)]);
    expect(shown).toHaveLength(51);
    expect(omitted).toEqual([{ file: 'a.md', count: 23 }]);
  });

  it('concludes against failOn, with config problems counted', async () => {
    const config = diag('.github/postmortem-tracker.yml', 2, 'warning');
    const passing = await checkPullRequest(
      input({ 'postmortems/a.md': { text: CLEAN } }, { configDiagnostics: [config] }),
    );
    expect([passing.conclusion, passing.errors, passing.warnings]).toEqual(['neutral', 0, 1]);
    const strict = await checkPullRequest(
      input(
        { 'postmortems/a.md': { text: CLEAN } },
        { configDiagnostics: [config], failOn: 'warning' },
      ),
    );
    expect(strict.conclusion).toBe('failure');
  });

  it('lints through an injected linter (the app passes its bounded pool)', async () => {
    const seen: string[] = [];
    await checkPullRequest(
      input(
        { 'postmortems/a.md': { text: CLEAN } },
        {
          lint: async (_text, path) => {
            seen.push(path);
            return {
              postmortem: { path } as never,
              diagnostics: [{ ...diag(path, 1), rule: 'file-too-complex' }],
            };
          },
          config: noAssignees,
        },
      ),
    );
    expect(seen).toEqual(['postmortems/a.md']);
  });
});

describe('renderCheckSummary', () => {
  it('renders the same title, table, cut counts and file list for the job summary and the check run', async () => {
    const report = await checkPullRequest(
      input({
        'postmortems/a.md': { text: CLEAN },
        'postmortems/b.md': { unreadable: 'postmortems/b.md <b>is</b> binary.' },
      }),
    );
    expect(renderCheckTitle(report)).toBe('2 post-mortems checked: 1 error, 0 warnings');
    const job = renderCheckSummary(report, { heading: true });
    const run = renderCheckSummary(report, {
      configSource: 'acme/web:.github/postmortem-tracker.yml',
    });
    expect(
      job.startsWith('## Post-mortem check\n\n**2 post-mortems checked: 1 error, 0 warnings**'),
    ).toBe(true);
    expect(
      run.startsWith(
        '**2 post-mortems checked: 1 error, 0 warnings** (configuration: `acme/web:.github/postmortem-tracker.yml`)',
      ),
    ).toBe(true);
    for (const text of [job, run]) {
      expect(text).toContain(
        '| postmortems/b.md | 1 | error | file-unreadable | postmortems/b.md &lt;b&gt;is&lt;/b&gt; binary. |',
      );
      expect(text).toContain('Files checked:\n- postmortems/a.md\n- postmortems/b.md');
    }
  });

  it('says how many findings of a file were not reported', () => {
    const diagnostics = Array.from({ length: 60 }, (_, i) => diag('a.md', i + 1));
    const { shown, omitted } = capDiagnostics(diagnostics);
    const text = renderCheckSummary({
      files: ['a.md'],
      diagnostics,
      shown,
      omitted,
      notes: [],
      errors: 60,
      warnings: 0,
      conclusion: 'failure',
      failOn: 'error',
    });
    expect(text).toContain('a.md: 10 more findings not reported (GitHub shows 50 per file)');
    expect(
      renderCheckTitle({
        files: [],
        diagnostics: [],
        shown: [],
        omitted: [],
        notes: [],
        errors: 0,
        warnings: 0,
        conclusion: 'success',
        failOn: 'error',
      }),
    ).toBe('No post-mortem in this pull request');
  });
});
