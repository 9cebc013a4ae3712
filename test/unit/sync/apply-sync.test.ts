import { describe, expect, it } from 'vitest';
import type { IssueCreate, IssuePatch, IssuesPort } from '../../../src/core/ports/port.js';
import { applySync } from '../../../src/core/sync/apply-sync.js';
import type { SyncOperation } from '../../../src/core/sync/sync-operation.js';

function recordingPort(failOn: number | null = null): { port: IssuesPort; calls: string[] } {
  const calls: string[] = [];
  let next = 100;
  const write = (what: string): void => {
    calls.push(what);
    if (calls.length === failOn) throw Object.assign(new Error('boom'), { status: 502 });
  };
  const port: IssuesPort = {
    listIssuesByLabel: () => Promise.resolve([]),
    listIssuesByCreator: () => Promise.resolve([]),
    getIssue: () => Promise.resolve(null),
    createIssue: (input: IssueCreate) => {
      write(`create ${input.title}`);
      return Promise.resolve({
        number: next++,
        url: '',
        title: input.title,
        body: input.body,
        state: 'open',
        stateReason: null,
        labels: [],
        assignees: [],
        createdAt: '',
        closedAt: null,
        updatedAt: '',
      });
    },
    updateIssue: (number: number, patch: IssuePatch) => {
      write(`update #${number} ${patch.state ?? ''}`.trim());
      return Promise.reject(new Error('unused'));
    },
    listComments: () => Promise.resolve([]),
    createComment: (number: number) => {
      write(`comment #${number}`);
      return Promise.resolve({ id: 1, url: '', body: '', createdAt: '', author: null });
    },
    listLabels: () => Promise.resolve([]),
    createLabel: (label) => {
      write(`label ${label.name}`);
      return Promise.resolve();
    },
    canBeAssigned: () => Promise.resolve(true),
  };
  return { port, calls };
}

const create = (id: string): SyncOperation => ({
  kind: 'create',
  id,
  path: 'p.md',
  line: 1,
  issue: { title: id, body: id, labels: [], assignees: [] },
  notes: [],
});
const plan: SyncOperation[] = [
  { kind: 'create-label', label: { name: 'l', color: 'ffffff', description: '' } },
  create('a'),
  { kind: 'skip', id: 'z', path: 'p.md', number: 3, reason: 'up-to-date', detail: '' },
  create('b'),
  { kind: 'comment', id: 'c', path: 'p.md', number: 7, body: 'bye' },
];

describe('applySync', () => {
  it('executes writes in order and returns created numbers', async () => {
    const { port, calls } = recordingPort();
    const result = await applySync(plan, port, { dryRun: false, maxWrites: 50 });
    expect(calls).toEqual(['label l', 'create a', 'create b', 'comment #7']);
    expect(result.writes).toBe(4);
    expect(result.applied.filter((a) => a.op.kind === 'create').map((a) => a.number)).toEqual([
      100, 101,
    ]);
  });

  it('stops at the write cap and reports the rest as not applied', async () => {
    const { port, calls } = recordingPort();
    const result = await applySync(plan, port, { dryRun: false, maxWrites: 2 });
    expect(calls).toEqual(['label l', 'create a']);
    expect(result.capped).toBe(true);
    expect(result.notApplied.map((n) => n.reason)).toEqual(['max-writes', 'max-writes']);
  });

  it('writes nothing in a dry run', async () => {
    const { port, calls } = recordingPort();
    const result = await applySync(plan, port, { dryRun: true, maxWrites: 50 });
    expect(calls).toEqual([]);
    expect(result.notApplied).toHaveLength(4);
  });

  it('stops at the first failed write and keeps its status', async () => {
    const { port, calls } = recordingPort(2);
    const result = await applySync(plan, port, { dryRun: false, maxWrites: 50 });
    expect(calls).toEqual(['label l', 'create a']);
    expect(result.failure).toMatchObject({ status: 502, message: 'boom' });
    expect(result.notApplied.map((n) => n.reason)).toEqual([
      'after-failure',
      'after-failure',
      'after-failure',
    ]);
  });
});
