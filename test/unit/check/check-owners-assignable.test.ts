import { describe, expect, it } from 'vitest';
import { checkOwnersAssignable } from '../../../src/core/check/check-owners-assignable.js';
import { item, postmortem } from '../sync/fixtures.js';

function port(assignable: string[], options: { failWith?: number; list?: boolean } = {}) {
  const asked: string[] = [];
  return {
    asked,
    port: {
      canBeAssigned: async (login: string) => {
        asked.push(login);
        if (options.failWith !== undefined)
          throw Object.assign(new Error('Forbidden'), { status: options.failWith });
        return assignable.includes(login);
      },
      ...(options.list
        ? {
            listAssignees: async () => {
              asked.push('*');
              return assignable;
            },
          }
        : {}),
    },
  };
}

describe('checkOwnersAssignable', () => {
  it('warns on every open item of an owner who cannot be assigned, asking once per distinct owner', async () => {
    const pms = [
      postmortem([
        item({ id: 'a', owner: '@Zed', line: 3 }),
        item({ id: 'b', owner: '@alice', line: 4 }),
      ]),
      postmortem(
        [
          item({ id: 'c', owner: '@zed', line: 7 }),
          item({ id: 'd', owner: '@zed', status: 'done', line: 8 }),
        ],
        { path: 'postmortems/b.md' },
      ),
    ];
    const { port: p, asked } = port(['alice']);
    const result = await checkOwnersAssignable(pms, p, 'acme/ops');
    expect(asked.sort()).toEqual(['alice', 'zed']);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      'postmortems/2026-03-01-db.md:3',
      'postmortems/b.md:7',
    ]);
    expect(result.diagnostics[0]).toMatchObject({
      rule: 'owner-assignable',
      severity: 'warning',
      column: 1,
    });
    expect(result.diagnostics[0]?.message).toMatch(/^@zed cannot be assigned issues in acme\/ops;/);
    expect(result.notes).toEqual([]);
  });

  it('skips team owners with a note, and asks nothing about them', async () => {
    const { port: p, asked } = port([]);
    const result = await checkOwnersAssignable(
      [postmortem([item({ id: 'a', owner: '@acme/sre' }), item({ id: 'b', owner: 'Dana' })])],
      p,
      'acme/ops',
    );
    expect(asked).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^Team owners were not checked \(@acme\/sre\): teams cannot be assigned/,
      ),
    ]);
  });

  it('lists the assignees once instead when many owners need checking', async () => {
    const owners = ['@a', '@b', '@c', '@d', '@e'];
    const { port: p, asked } = port(['a', 'b'], { list: true });
    const result = await checkOwnersAssignable(
      [postmortem(owners.map((owner, i) => item({ id: `i${i}`, owner, line: i + 1 })))],
      p,
      'acme/ops',
    );
    expect(asked).toEqual(['*']);
    expect(result.diagnostics.map((d) => d.line)).toEqual([3, 4, 5]);
  });

  it('notes instead of failing when the token may not read assignees', async () => {
    const { port: p } = port([], { failWith: 403 });
    const result = await checkOwnersAssignable(
      [postmortem([item({ id: 'a', owner: '@zed' })])],
      p,
      'acme/ops',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.notes).toEqual([
      'Owners were not checked: the token may not read assignees (HTTP 403), as on pull requests from forks.',
    ]);
  });

  it('lets other failures through', async () => {
    const { port: p } = port([], { failWith: 500 });
    await expect(
      checkOwnersAssignable([postmortem([item({ id: 'a', owner: '@zed' })])], p, 'acme/ops'),
    ).rejects.toMatchObject({ status: 500 });
  });
});
