import { describe, expect, it } from 'vitest';
import { parseMarker, renderMarker } from '../../../src/core/sync/marker.js';
import type { IssueState } from '../../support/github-stand-in.js';
import {
  OWNER,
  PATH,
  REPO,
  TOOL_LOGIN,
  issues,
  postmortemText,
  runSync,
  standIn,
} from './harness.js';

const TOOL_LABEL = 'postmortem-action-item';
const alert = '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)';
const runbook = '- [ ] Document the failover runbook (Owner: @bob, Due: 2026-04-02)';
const probe = '- [ ] Add a synthetic write probe (@alice)';
const reworded = '- [ ] Add a synthetic write probe for the primary (@alice)';
const files = (items: string[]): Record<string, string> => ({ [PATH]: postmortemText(items) });

describe('issues a person opened with the tool label and a copied marker', () => {
  it('are never closed, adopted, rewritten or commented on, and the items get the tool’s own issues', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const [alertIssue] = issues(gh);
    if (!alertIssue) throw new Error('no issue');
    // The ids the next run's new items get, read from its plan.
    const plan = await runSync(gh, files([alert, probe]), { dryRun: true });
    const probeId = plan.plan.find((op) => op.kind === 'create')?.id ?? '';
    expect(probeId).not.toBe('');

    const seed = (title: string, body: string, labels = [TOOL_LABEL]): IssueState =>
      gh.addIssue(OWNER, REPO, { title, body, labels, user: 'mallory' });
    const forged = [
      // A copy of a tracked issue: a newer issue with its marker (would be closed as a duplicate).
      seed(alertIssue.title, alertIssue.body ?? ''),
      // The marker of an item about to be added, written first (would be adopted and rewritten).
      seed(
        'Probe',
        `Phishing text [here](https://evil.example)\n\n${renderMarker({ id: probeId, path: PATH })}`,
      ),
      // The marker of an item the next run removes (would be closed as not planned, with a comment).
      seed(
        'Runbook',
        `Mine\n\n${renderMarker({ id: parseMarker(issues(gh)[1]?.body)?.id ?? '', path: PATH })}`,
      ),
      // An orphan marker of the same file with a title close to a new item (would be adopted).
      seed('Add a synthetic write probe', renderMarker({ id: 'db-failover-old', path: PATH })),
      // Without the tool label, as the unlabelled recovery would find it by a creator listing.
      seed('Add a synthetic write probe', renderMarker({ id: probeId, path: PATH }), []),
    ];
    const before = forged.map((i) => structuredClone(i));

    const mark = gh.requests.mark();
    const report = await runSync(gh, files([alert, probe]), { sha: '2'.repeat(40) });
    await runSync(gh, files([alert, reworded]), { sha: '3'.repeat(40) });

    const numbers = new Set(forged.map((i) => i.number));
    expect(
      gh.requests.filter(
        (r) => r.write && numbers.has(Number(/\/issues\/(\d+)/.exec(r.path)?.[1])),
        mark,
      ),
    ).toEqual([]);
    expect(forged.map((i) => gh.repo(OWNER, REPO).issues.get(i.number))).toEqual(before);
    // The new item got an issue of its own, opened by the tool, and the removed one was closed.
    const created = report.result.applied.find((a) => a.op.kind === 'create')?.number;
    expect(gh.repo(OWNER, REPO).issues.get(created ?? 0)?.user).toBe(TOOL_LOGIN);
    expect(gh.repo(OWNER, REPO).issues.get(created ?? 0)?.state).toBe('open');
    expect(issues(gh)[1]?.state).toBe('closed');
    expect(report.trackedBefore).toBe(2);

    const quiet = gh.requests.mark();
    await runSync(gh, files([alert, reworded]), { sha: '3'.repeat(40) });
    expect(gh.requests.writes(quiet)).toBe(0);
  });

  it('do not count as the tool’s when a copied closing comment sits on its issue', async () => {
    const gh = standIn();
    await runSync(gh, files([alert, runbook]));
    const runbookIssue = issues(gh)[1];
    if (!runbookIssue) throw new Error('no issue');
    const id = parseMarker(runbookIssue.body)?.id ?? '';
    // Someone pastes the closing-comment marker, hoping the tool skips its own notice.
    gh.addComment(
      OWNER,
      REPO,
      runbookIssue.number,
      `<!-- postmortem-tracker:closing "${id}" -->`,
      'mallory',
    );
    const report = await runSync(gh, files([alert]));
    expect(report.counts).toMatchObject({ closed: 1, commented: 1 });
  });
});

describe('a host that names the wrong tool login', () => {
  it('stops after the first issue it creates, instead of duplicating every item on every run', async () => {
    const gh = standIn();
    const wrong = { creatorLogin: 'github-actions[bot]' };
    const items = [alert, runbook, probe];
    const first = await runSync(gh, files(items), wrong);
    expect(first.result.failure?.message).toMatch(
      /was opened as postmortem-tracker\[bot\], but sync takes only issues opened by github-actions\[bot\]/,
    );
    expect(issues(gh)).toHaveLength(1);
    await runSync(gh, files(items), wrong);
    expect(issues(gh)).toHaveLength(2);

    // Given the right login, the next run heals: one issue per item, the extra closed as a duplicate.
    const healed = await runSync(gh, files(items));
    expect(healed.counts).toMatchObject({ created: 2, duplicatesClosed: 1 });
    expect(issues(gh).filter((i) => i.state === 'open')).toHaveLength(3);
  });
});
