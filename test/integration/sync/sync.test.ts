import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { emptyPostmortem } from '../../../src/core/markdown/empty-postmortem.js';
import {
  NOW,
  OWNER,
  PATH,
  REPO,
  base,
  issues,
  postmortemText,
  runSync,
  snapshot,
  standIn,
  trackedById,
} from './harness.js';

const files = (
  items: string[] = base,
  extra: Record<string, string> = {},
): Record<string, string> => ({ [PATH]: postmortemText(items), ...extra });

describe('sync through the GitHub stand-in', () => {
  it('creates one issue per open action item with owner, due date, labels and a permalink', async () => {
    const gh = standIn();
    const report = await runSync(gh, files());
    const tracked = [...trackedById(gh).values()];
    expect(tracked.map((i) => i.title)).toEqual([
      'Add a replica lag alert',
      'Document the failover runbook',
      'Write a load test for the primary',
      'Rotate the replication credentials',
    ]);
    const [alert, runbook, loadTest, rotate] = tracked;
    expect(alert?.assignees).toEqual(['alice']);
    expect(alert?.labels).toEqual(['postmortem-action-item', 'severity:SEV1']);
    expect(alert?.body).toContain(
      `https://github.com/${OWNER}/${REPO}/blob/${'1'.repeat(40)}/${PATH}#L12`,
    );
    expect(alert?.body).toContain('| Due | 2026-04-01 |');
    expect(runbook?.assignees).toEqual([]);
    expect(runbook?.body).toContain('@acme/sre (a team: mentioned, not assigned)');
    expect(runbook?.body).toMatch(/2026-03-29 \(defaulted: 28 days after the incident for SEV1/);
    expect(loadTest?.assignees).toEqual([]);
    expect(rotate?.labels).toContain('overdue');
    expect(
      report.plan.some(
        (op) =>
          op.kind === 'create' && op.notes.some((n) => n.includes('@carol cannot be assigned')),
      ),
    ).toBe(true);
    const labels = gh.repo(OWNER, REPO).labels;
    expect(labels.get('postmortem-action-item')?.color).toBe('5319e7');
    expect(labels.get('severity:sev1')?.color).toBe('b60205');
    expect(labels.get('overdue')?.color).toBe('e99695');
    // The item that links #12 gets no issue of its own, and is reported as linked.
    expect(report.counts).toMatchObject({ created: 4, linked: 1 });
    const linkedId = report.plan.find((op) => op.kind === 'link')?.id ?? '';
    expect(report.items[linkedId]).toBe(12);
    expect(Object.keys(report.items)).toHaveLength(5);
    gh.assertNoContractViolations();
  });

  it('performs zero writes when re-run on the same commit, within the request budget', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const mark = gh.requests.mark();
    const report = await runSync(gh, files());
    expect(gh.requests.writes(mark)).toBe(0);
    expect(report.result.writes).toBe(0);
    expect(gh.requests.count(undefined, mark)).toBeLessThanOrEqual(
      Math.ceil(report.trackedBefore / 100) + 3,
    );
  });

  it('performs zero writes on a new commit where only line numbers moved', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const mark = gh.requests.mark();
    const moved = {
      [PATH]: postmortemText(base).replace(
        '## Summary',
        '## Summary\n\nA new paragraph pushes every line down.\n',
      ),
    };
    await runSync(gh, moved, { sha: '2'.repeat(40) });
    expect(gh.requests.writes(mark)).toBe(0);
  });

  it('updates the issue of an edited item: text, owner and due date', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const before = trackedById(gh);
    const edited = [...base];
    edited[0] = '- [ ] Add a replica lag alert (Owner: @bob, Due: 2026-05-01)';
    const report = await runSync(gh, files(edited), { sha: '2'.repeat(40) });
    expect(report.counts.updated).toBe(1);
    const after = trackedById(gh);
    expect(after.size).toBe(before.size);
    const alert = [...after.values()].find((i) => i.title === 'Add a replica lag alert');
    expect(alert?.assignees).toEqual(['bob']);
    expect(alert?.body).toContain('| Due | 2026-05-01 |');
    expect(alert?.body).toContain(`/blob/${'2'.repeat(40)}/`);
  });

  it('closes the issue of an item marked done as completed, and reopens it when un-done', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const done = [...base];
    done[0] = '- [x] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)';
    await runSync(gh, files(done));
    const alert = () => issues(gh).find((i) => i.title === 'Add a replica lag alert');
    expect(alert()).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const mark = gh.requests.mark();
    await runSync(gh, files(done));
    expect(gh.requests.writes(mark)).toBe(0);
    await runSync(gh, files());
    expect(alert()).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(alert()?.labels).not.toContain('overdue');
  });

  it('closes the issue of a removed item as not planned, with one comment', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const removed = base.filter((l) => !l.includes('load test'));
    const report = await runSync(gh, files(removed));
    const loadTest = issues(gh).find((i) => i.title === 'Write a load test for the primary');
    expect(loadTest).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(parseMarker(loadTest?.body)?.status).toBe('removed');
    const comments = [...gh.repo(OWNER, REPO).comments.values()].filter(
      (c) => c.issue_number === loadTest?.number,
    );
    expect(comments.map((c) => c.body)).toEqual([
      expect.stringContaining('no longer in `postmortems/2026-03-01-db-failover.md`'),
    ]);
    expect(report.counts).toMatchObject({ closed: 1, commented: 1 });
    const mark = gh.requests.mark();
    await runSync(gh, files(removed));
    expect(gh.requests.writes(mark)).toBe(0);
  });

  it('keeps the issues of a renamed post-mortem, updating them instead of closing and re-creating', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const before = snapshot(gh);
    const renamed = 'postmortems/2026-03-02-primary-db-failover.md';
    const report = await runSync(gh, { [renamed]: postmortemText(base) });
    expect(report.counts).toMatchObject({ created: 0, closed: 0 });
    expect(issues(gh)).toHaveLength(before.length);
    const markers = issues(gh).map((i) => parseMarker(i.body));
    expect(markers.every((m) => m?.path === renamed)).toBe(true);
    const mark = gh.requests.mark();
    await runSync(gh, { [renamed]: postmortemText(base) });
    expect(gh.requests.writes(mark)).toBe(0);
  });

  it('leaves the issues of a post-mortem the parser could not read open', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const unreadable = (_text: string, path: string) => ({
      ...emptyPostmortem(path),
      diagnostics: [
        {
          file: path,
          line: 1,
          column: 1,
          severity: 'error' as const,
          rule: 'parse-error',
          message: `${path} could not be parsed`,
        },
      ],
    });
    const mark = gh.requests.mark();
    const report = await runSync(gh, files(), { parse: unreadable });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(issues(gh).filter((i) => i.state === 'closed')).toEqual([]);
    expect(report.counts.closed).toBe(0);
  });

  it('leaves issues of post-mortems outside the configured paths open', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const config = { ...defaultConfig, paths: ['incidents/**/*.md'] };
    const report = await runSync(gh, {}, { config });
    expect(issues(gh).filter((i) => i.state === 'closed')).toEqual([]);
    expect(
      report.result.applied.filter((a) => a.op.kind === 'skip' && a.op.reason === 'out-of-scope'),
    ).toHaveLength(4);
  });

  it('never touches issues without the marker, even with the tool label and the same title', async () => {
    const gh = standIn();
    const human = gh.addIssue(OWNER, REPO, {
      title: 'Add a replica lag alert',
      body: 'Filed by hand.',
      labels: ['postmortem-action-item'],
    });
    const before = structuredClone(human);
    await runSync(gh, files());
    await runSync(gh, files(base.slice(1)));
    expect(gh.repo(OWNER, REPO).issues.get(human.number)).toEqual(before);
    expect(
      gh.requests.filter((r) => r.write && r.path.includes(`/issues/${human.number}`)),
    ).toEqual([]);
  });

  it('writes nothing in a dry run and returns the plan', async () => {
    const gh = standIn();
    const report = await runSync(gh, files(), { dryRun: true });
    expect(gh.requests.writes()).toBe(0);
    expect(report.plan.filter((op) => op.kind === 'create')).toHaveLength(4);
    expect(report.counts.created).toBe(4);
    expect(issues(gh)).toEqual([]);
  });

  it('stops at max-writes and finishes on the next run without duplicates', async () => {
    const gh = standIn();
    const first = await runSync(gh, files(), { maxWrites: 3 });
    expect(first.result.writes).toBe(3);
    expect(first.result.capped).toBe(true);
    const second = await runSync(gh, files(), { maxWrites: 3 });
    expect(second.result.capped).toBe(true);
    await runSync(gh, files(), { maxWrites: 3 });
    const clean = standIn();
    await runSync(clean, files());
    expect(snapshot(gh)).toEqual(snapshot(clean));
  });

  it('retries a write refused by a secondary rate limit after retry-after, and succeeds', async () => {
    const gh = standIn();
    gh.faults.secondaryRateLimit({ nthWrite: 2, retryAfter: 2 });
    const report = await runSync(gh, files());
    expect(report.result.failure).toBeNull();
    expect(gh.requests.count({ status: 403 })).toBe(1);
    expect(gh.faults.pending).toBe(0);
    const clean = standIn();
    await runSync(clean, files());
    expect(snapshot(gh)).toEqual(snapshot(clean));
  });

  it('retries a 500 on a write and ends with no duplicate', async () => {
    const gh = standIn();
    gh.faults.failNthWrite(3);
    gh.faults.failNthWrite(6);
    const report = await runSync(gh, files());
    expect(report.result.failure).toBeNull();
    const clean = standIn();
    await runSync(clean, files());
    expect(snapshot(gh)).toEqual(snapshot(clean));
  });

  it('adds the overdue label once an item is past due, and drops it when done', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const alert = () => issues(gh).find((i) => i.title === 'Add a replica lag alert');
    expect(alert()?.labels).not.toContain('overdue');
    await runSync(gh, files(), { now: new Date('2026-04-02T08:00:00Z') });
    expect(alert()?.labels).toContain('overdue');
    const done = [...base];
    done[0] = '- [x] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)';
    await runSync(gh, files(done), { now: new Date('2026-04-02T08:00:00Z') });
    expect(alert()?.labels).not.toContain('overdue');
    expect(alert()?.state).toBe('closed');
  });

  it('adopts an issue whose item was reworded enough to change its id, instead of closing and creating', async () => {
    const gh = standIn();
    await runSync(gh, files());
    const reworded = [...base];
    reworded[4] = '- [ ] Write load tests for the primary database (@carol)';
    const report = await runSync(gh, files(reworded));
    expect(report.counts).toMatchObject({ created: 0, closed: 0, updated: 1 });
    expect(trackedById(gh).size).toBe(4);
    expect(issues(gh).map((i) => i.title)).toContain('Write load tests for the primary database');
    expect(issues(gh).map((i) => i.title)).not.toContain('Write a load test for the primary');
  });
});

void NOW;
