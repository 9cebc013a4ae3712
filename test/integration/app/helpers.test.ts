import { describe, expect, it } from 'vitest';
import { checkAnnotations } from '../../../app/check-annotations.js';
import { checkConclusion } from '../../../src/core/check/check-conclusion.js';
import { digestSlot } from '../../../app/digest-slot.js';
import { postmortemPaths } from '../../../app/postmortem-paths.js';
import { tickCheckbox } from '../../../app/tick-checkbox.js';
import { defaultConfig } from '../../../src/core/config/schema.js';
import {
  createOctokitRepoFiles,
  type RepoFilesOctokit,
} from '../../../src/github/octokit-repo-files.js';
import type { Diagnostic } from '../../../src/core/model/index.js';

describe('postmortemPaths', () => {
  const filter = postmortemPaths(defaultConfig);

  it.each([
    ['postmortems/2026-02-10-cache.md', true],
    ['postmortems/2026/q1/cache.md', true],
    ['postmortems/README.md', false],
    ['postmortems/_draft.md', false],
    ['postmortems/incident-template.md', false],
    ['docs/postmortems/cache.md', false],
    ['postmortems/cache.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(filter.matches(path)).toBe(expected);
  });

  it('reads braces, single-star and character classes, and names the directories to walk', () => {
    const custom = postmortemPaths({
      paths: ['docs/{incidents,outages}/*.md', 'rca/20[0-9][0-9]-*.md'],
      exclude: [],
    });
    expect(custom.matches('docs/incidents/a.md')).toBe(true);
    expect(custom.matches('docs/outages/b.md')).toBe(true);
    expect(custom.matches('docs/incidents/deep/a.md')).toBe(false);
    expect(custom.matches('rca/2024-db.md')).toBe(true);
    expect(custom.matches('rca/draft-db.md')).toBe(false);
    expect(custom.prefixes).toEqual(['docs/', 'rca/']);
  });
});

describe('digestSlot', () => {
  it('finds the configured hour in the configured zone, in the ISO week of that zone', () => {
    const slot = digestSlot(new Date('2026-02-16T04:00:00Z'), {
      day: 'monday',
      hour: 10,
      timeZone: 'Asia/Kolkata',
    });
    expect(slot.week).toBe('2026-W08');
    expect(slot.at.toISOString()).toBe('2026-02-16T04:30:00.000Z');
    expect(slot.due).toBe(false);
    expect(
      digestSlot(new Date('2026-02-16T04:30:00Z'), {
        day: 'monday',
        hour: 10,
        timeZone: 'Asia/Kolkata',
      }).due,
    ).toBe(true);
  });

  it('keeps the wall-clock hour on a daylight-saving day', () => {
    // Europe/Berlin moves to CEST (UTC+2) at 02:00 on Sunday 2026-03-29.
    const slot = digestSlot(new Date('2026-03-29T12:00:00Z'), {
      day: 'sunday',
      hour: 9,
      timeZone: 'Europe/Berlin',
    });
    expect(slot.at.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('stays due for the rest of the week after the slot, so a restart does not skip it', () => {
    const slot = digestSlot(new Date('2026-02-22T23:30:00Z'), {
      day: 'monday',
      hour: 9,
      timeZone: 'UTC',
    });
    expect(slot).toMatchObject({ week: '2026-W08', due: true });
    expect(
      digestSlot(new Date('2026-02-23T00:30:00Z'), { day: 'monday', hour: 9, timeZone: 'UTC' }),
    ).toMatchObject({ week: '2026-W09', due: false });
  });
});

describe('tickCheckbox', () => {
  it('ticks the box on the line and keeps every other byte', () => {
    const text = '# PM\r\n\r\n- [ ] First\r\n  * [ ] Nested\r\n1. [ ] Numbered\r\n';
    expect(tickCheckbox(text, 3)).toBe(
      '# PM\r\n\r\n- [x] First\r\n  * [ ] Nested\r\n1. [ ] Numbered\r\n',
    );
    expect(tickCheckbox(text, 4)).toBe(
      '# PM\r\n\r\n- [ ] First\r\n  * [x] Nested\r\n1. [ ] Numbered\r\n',
    );
    expect(tickCheckbox(text, 5)).toBe(
      '# PM\r\n\r\n- [ ] First\r\n  * [ ] Nested\r\n1. [x] Numbered\r\n',
    );
  });

  it('returns null for a line without an unticked box', () => {
    expect(tickCheckbox('- [x] Done\n- Plain bullet\n', 1)).toBeNull();
    expect(tickCheckbox('- [x] Done\n- Plain bullet\n', 2)).toBeNull();
    expect(tickCheckbox('- [ ] Item\n', 9)).toBeNull();
  });
});

describe('check run pieces', () => {
  const d = (severity: 'error' | 'warning', extra: Partial<Diagnostic> = {}): Diagnostic => ({
    file: 'postmortems/a.md',
    line: 4,
    column: 3,
    severity,
    rule: 'r',
    message: 'm',
    ...extra,
  });

  it('maps failOn to the conclusion', () => {
    expect(checkConclusion([], 'error')).toBe('success');
    expect(checkConclusion([d('warning')], 'error')).toBe('neutral');
    expect(checkConclusion([d('warning')], 'warning')).toBe('failure');
    expect(checkConclusion([d('error')], 'error')).toBe('failure');
    expect(checkConclusion([d('error')], 'never')).toBe('neutral');
  });

  it('drops columns from annotations that span lines, as GitHub requires', () => {
    const [single, multi] = checkAnnotations([
      d('error', { endColumn: 9 }),
      d('warning', { endLine: 6 }),
    ]);
    expect(single).toMatchObject({
      start_line: 4,
      end_line: 4,
      start_column: 3,
      end_column: 9,
      annotation_level: 'failure',
    });
    expect(multi).toMatchObject({ start_line: 4, end_line: 6, annotation_level: 'warning' });
    expect(multi).not.toHaveProperty('start_column');
  });
});

describe('createOctokitRepoFiles on a tree too large for one listing', () => {
  it('walks only the sub-trees that can hold matches', async () => {
    const calls: string[] = [];
    const trees: Record<
      string,
      { tree: Array<{ path: string; type: string; sha: string }>; truncated: boolean }
    > = {
      'root:r': { tree: [], truncated: true },
      'root:': {
        tree: [
          { path: 'README.md', type: 'blob', sha: 'b1' },
          { path: 'postmortems', type: 'tree', sha: 'pm' },
          { path: 'vendor', type: 'tree', sha: 'vendor' },
        ],
        truncated: false,
      },
      'pm:r': {
        tree: [
          { path: '2026/a.md', type: 'blob', sha: 'b2' },
          { path: '2026', type: 'tree', sha: 'y' },
        ],
        truncated: false,
      },
    };
    const octokit: RepoFilesOctokit = {
      async request(route, parameters = {}) {
        const key = `${String(parameters['tree_sha'])}:${parameters['recursive'] ? 'r' : ''}`;
        calls.push(`${route} ${key}`);
        const data = trees[key];
        if (!data) throw new Error(`unexpected ${key}`);
        return { data };
      },
      async graphql() {
        throw new Error('not used');
      },
    };
    const files = await createOctokitRepoFiles(octokit, { owner: 'o', repo: 'r' }).listFiles(
      'root',
      ['postmortems/'],
    );
    expect(files.map((f) => f.path)).toEqual(['README.md', 'postmortems/2026/a.md']);
    expect(calls).toHaveLength(3);
  });
});
