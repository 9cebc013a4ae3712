import { describe, expect, it } from 'vitest';
import {
  createTestProbot,
  deliver,
  examplePayload,
  pullRequestOpened,
  retarget,
  standInWithRepo,
} from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';

const doc = (title: string, date: string, root: string, items: string[]) => `---
title: ${title}
date: ${date}
severity: SEV1
services: [checkout]
---

# ${title}

## Summary

Checkout failed for a share of buyers.

## Timeline

- 10:00 UTC: errors began
- 10:40 UTC: resolved

## Root cause

${root}

## Action items

${items.join('\n')}
`;

const EARLIER = doc(
  'Checkout Service Outage',
  '2026-03-25',
  'The payment connection pool was sized below peak traffic.',
  [
    '- [ ] Alert on pool saturation (@alice, due 2026-04-30)',
    '- [x] Document pool sizing (@alice, due 2026-04-01)',
  ],
);
const NEW = doc(
  'Checkout errors from the payment connection pool',
  '2026-11-20',
  'The connection pool was too small for the sale traffic.',
  ['- [ ] Size the pool from the traffic forecast (@alice, due 2026-12-15)'],
);

async function check(
  config: string,
  before?: (env: ReturnType<typeof standInWithRepo>) => Promise<void>,
) {
  const env = standInWithRepo({
    files: { [CONFIG]: config, 'postmortems/2026-03-25-checkout.md': EARLIER },
  });
  await before?.(env);
  const issue = env.standIn.addPull('acme', 'payments', {
    title: 'Add post-mortem',
    head: 'pm-new',
    files: { 'postmortems/2026-11-20-checkout.md': NEW },
  });
  const payload = pullRequestOpened(env.installation.id, issue);
  const probot = await createTestProbot(env.standIn);
  await deliver(probot, 'pull_request', payload);
  env.standIn.assertNoContractViolations();
  return [...env.repo.checkRuns.values()][0]!;
}

describe('app check run: recurrence at review time', () => {
  it('adds a Recurrence notice on the new title line and a summary section, without failing', async () => {
    const run = await check('check:\n  checkAssignees: false\n');
    const notice = run.annotations.find((a) => a.title === 'Recurrence');
    expect(notice).toMatchObject({
      path: 'postmortems/2026-11-20-checkout.md',
      start_line: 2,
      annotation_level: 'notice',
    });
    expect(notice!.message).toMatch(
      /^Resembles \*Checkout Service Outage\* \(2026-03-25, SEV1\): same service `checkout`, similar wording \([^)]*\)\. 1 of its 2 action items is still open(, 1 overdue)?\.$/,
    );
    expect(run.output.summary).toContain('### Resembles earlier incidents');
    expect(run.output.summary).toContain('Action items (state from the markdown):');
    expect(run.conclusion).not.toBe('failure');
  });

  it("takes an earlier item's state from the issue the app opened: closed in GitHub shows as done", async () => {
    const run = await check('check:\n  checkAssignees: false\n', async (env) => {
      // The app syncs the earlier post-mortem on a push, then someone closes the item's issue.
      const sha = env.standIn.commitFiles('acme', 'payments', { 'README.md': '# payments!\n' });
      const push = retarget(
        examplePayload('push', (p) => p['ref'] === 'refs/heads/master' && p['commits'].length > 0),
        { owner: 'acme', repo: 'payments', installationId: env.installation.id },
      );
      Object.assign(push, {
        ref: 'refs/heads/main',
        after: sha,
        created: false,
        deleted: false,
        forced: true,
      });
      await deliver(await createTestProbot(env.standIn), 'push', push);
      const tracked = [...env.repo.issues.values()].filter(
        (i) => i.title === 'Alert on pool saturation',
      );
      expect(tracked).toHaveLength(1);
      Object.assign(tracked[0]!, { state: 'closed', state_reason: 'completed' });
      // An outsider's copy carrying the same marker, left open, must not decide the state.
      env.standIn.addIssue('acme', 'payments', {
        title: 'Alert on pool saturation',
        body: tracked[0]!.body,
        labels: ['postmortem-action'],
        user: 'mallory',
      });
    });
    expect(run.output.summary).toContain('Action items (state from tracked issues):');
    expect(run.output.summary).not.toMatch(/Alert on pool saturation[^\n]*\bopen\b/);
    expect(run.annotations.find((a) => a.title === 'Recurrence')!.message).toMatch(
      /All 2 action items are done\.$/,
    );
  });

  it('fails the check run under check.recurrence: error while earlier items are open', async () => {
    const run = await check('check:\n  checkAssignees: false\n  recurrence: error\n');
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => [a.title, a.annotation_level])).toContainEqual([
      'recurrence',
      'failure',
    ]);
  });
});
