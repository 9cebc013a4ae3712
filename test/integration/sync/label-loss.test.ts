import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { renderSyncSummary } from '../../../src/core/sync/render-sync-summary.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { OWNER, REPO, issues, postmortemText, runSync, standIn, trackedById } from './harness.js';

const PATH = 'postmortems/2026-03-01-db-failover.md';
const TOOL_LABEL = 'postmortem-action-item';
const alert = '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)';
const runbook = '- [ ] Document the failover runbook (Owner: @bob, Due: 2026-04-02)';
const files = (items: string[]): Record<string, string> => ({ [PATH]: postmortemText(items) });

/** What a person does in the GitHub UI: takes the tool label off an issue. */
function stripToolLabel(gh: GitHubStandIn, number: number): void {
  const issue = gh.repo(OWNER, REPO).issues.get(number);
  if (!issue) throw new Error(`no issue #${number}`);
  issue.labels = issue.labels.filter((l) => l !== TOOL_LABEL);
}

function issueOf(gh: GitHubStandIn, title: string) {
  const found = [...trackedById(gh).values()].find((i) => i.title.startsWith(title));
  if (!found) throw new Error(`no tracked issue titled ${title}`);
  return found;
}

const creatorListings = (gh: GitHubStandIn, since?: number) =>
  gh.requests.filter(
    (r) => r.route === '/repos/{owner}/{repo}/issues' && r.query.includes('creator='),
    since,
  );

describe('sync when someone removes the tool label from a tracked issue', () => {
  it('updates the de-labelled issue of an edited item and restores the label, creating no duplicate', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const number = issueOf(gh, 'Add a replica lag alert').number;
    stripToolLabel(gh, number);

    const edited = alert.replace('Add a replica lag alert', 'Add a replica lag alert with paging');
    const mark = gh.requests.mark();
    const report = await runSync(gh, files([edited, runbook]), { sha: '2'.repeat(40) });

    expect(report.unlabelled).toEqual([number]);
    expect(report.counts.created).toBe(0);
    expect(trackedById(gh).size).toBe(2); // trackedById throws on a duplicate
    const issue = gh.repo(OWNER, REPO).issues.get(number);
    expect(issue?.title).toBe('Add a replica lag alert with paging');
    expect(issue?.labels).toContain(TOOL_LABEL);
    expect(issues(gh)).toHaveLength(2);
    // One listing of the issues the tool's own login opened.
    expect(creatorListings(gh, mark).map((r) => r.query)).toEqual([
      expect.stringContaining('creator=postmortem-tracker%5Bbot%5D'),
    ]);
    gh.assertNoContractViolations();
  });

  it('restores the label of an unchanged item, and the next re-sync finds it by label again at no extra cost', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const number = issueOf(gh, 'Document the failover runbook').number;
    stripToolLabel(gh, number);

    const repair = await runSync(gh, files([alert, runbook]));
    expect(repair.counts).toMatchObject({ created: 0, updated: 1 });
    expect(gh.repo(OWNER, REPO).issues.get(number)?.labels).toContain(TOOL_LABEL);

    const mark = gh.requests.mark();
    const again = await runSync(gh, files([alert, runbook]));
    expect(gh.requests.writes(mark)).toBe(0);
    expect(creatorListings(gh, mark)).toEqual([]);
    expect(gh.requests.count(undefined, mark)).toBeLessThanOrEqual(
      Math.ceil(again.trackedBefore / 100) + 3,
    );
  });

  it('writes nothing when the tool login cannot be told, and finds the issue once it can', async () => {
    const gh = standIn();
    await runSync(gh, files([alert]));
    const number = issueOf(gh, 'Add a replica lag alert').number;
    stripToolLabel(gh, number);

    const plan = await runSync(gh, files([alert]), { dryRun: true, creatorLogin: null });
    expect(plan.counts.created).toBe(1); // nobody to look for: the plan would create, so it is shown, not done
    const mark = gh.requests.mark();
    const unknown = await runSync(gh, files([alert]), { creatorLogin: null });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(unknown.result.failure?.message).toMatch(/cannot tell the login this token writes as/);
    expect(unknown.result.notApplied.map((n) => n.op.kind)).toContain('create');
    expect(renderSyncSummary(unknown, { dryRun: false })).toContain(
      '**Nothing written:** cannot tell the login this token writes as',
    );

    const report = await runSync(gh, files([alert]));
    expect(report.unlabelled).toEqual([number]);
    expect(issues(gh)).toHaveLength(1);
    expect(gh.repo(OWNER, REPO).issues.get(number)?.labels).toContain(TOOL_LABEL);
  });

  it('leaves a de-labelled issue closed by a person closed, but puts the label back', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const issue = issueOf(gh, 'Add a replica lag alert');
    stripToolLabel(gh, issue.number);
    issue.state = 'closed';
    issue.state_reason = 'not_planned';

    const report = await runSync(gh, files([alert, runbook]));
    expect(report.counts.created).toBe(0);
    expect(issues(gh)).toHaveLength(2);
    const after = gh.repo(OWNER, REPO).issues.get(issue.number);
    expect(after?.state).toBe('closed');
    expect(after?.labels).toContain(TOOL_LABEL);
    expect(report.plan.some((op) => op.kind === 'skip' && op.reason === 'closed-on-github')).toBe(
      true,
    );
  });

  it('makes one creator listing on a first sync and none on a no-change re-sync', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    expect(creatorListings(gh)).toHaveLength(1); // issues to create: first look for de-labelled ones
    const mark = gh.requests.mark();
    await runSync(gh, files([alert, runbook]));
    expect(creatorListings(gh, mark)).toEqual([]);
  });
});

describe('sync when someone edits the marker out of an issue body', () => {
  it('never touches that issue again; the item gets a new issue, since identity lives only in the marker', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const edited = issueOf(gh, 'Add a replica lag alert');
    edited.body = 'Rewritten by hand: the tracking details were noise.';
    const before = structuredClone(gh.repo(OWNER, REPO).issues.get(edited.number));

    const mark = gh.requests.mark();
    const report = await runSync(
      gh,
      files([alert.replace('Due: 2026-04-01', 'Due: 2026-04-15'), runbook]),
      { sha: '2'.repeat(40) },
    );

    expect(gh.repo(OWNER, REPO).issues.get(edited.number)).toEqual(before);
    expect(
      gh.requests.filter((r) => r.write && r.path.endsWith(`/issues/${edited.number}`), mark),
    ).toEqual([]);
    expect(report.counts.created).toBe(1);
    const carriers = issues(gh).filter(
      (i) =>
        parseMarker(i.body)?.id ===
        parseMarker(report.plan.find((op) => op.kind === 'create')?.issue.body)?.id,
    );
    expect(carriers).toHaveLength(1);
    expect(carriers[0]?.number).not.toBe(edited.number);
  });
});
