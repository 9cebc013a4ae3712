import { afterEach, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { renderMarker } from '../../../src/core/sync/marker.js';
import { OWNER, REPO, makeWorkspace, pullRequestEvent, standInRepo } from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

const EARLIER = 'postmortems/2026-03-25-checkout.md';
const NEW = 'postmortems/2026-11-20-checkout.md';

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

const earlier = doc(
  'Checkout Service Outage',
  '2026-03-25',
  'The payment connection pool was sized below peak traffic.',
  [
    '- [ ] Alert on pool saturation (@alice, due 2026-04-30)',
    '- [ ] Load-test the pool (@bob, due 2026-12-31)',
    '- [x] Document pool sizing (@alice, due 2026-04-01)',
  ],
);
const recurrence = doc(
  'Checkout errors from the payment connection pool',
  '2026-11-20',
  'The connection pool was too small for the sale traffic.',
  ['- [ ] Size the pool from the traffic forecast (@alice, due 2026-12-15)'],
);

async function run(config = '') {
  const gh = standInRepo({ now: () => new Date('2026-11-26T12:00:00Z') });
  const [first] = parsePostmortem(earlier, EARLIER).actionItems;
  // Closed in GitHub although the markdown box is not ticked: the issue decides.
  const closed = gh.addIssue(OWNER, REPO, {
    title: 'Alert on pool saturation',
    body: `Tracked.\n\n${renderMarker({ id: first!.id, path: EARLIER })}`,
    labels: ['postmortem-action-item'],
    state: 'closed',
    closed_at: '2026-05-02T10:00:00Z',
    user: 'github-actions[bot]',
  });
  const pr = gh.addPull(OWNER, REPO, { files: { [NEW]: recurrence } });
  const files: Record<string, string> = { [EARLIER]: earlier, [NEW]: recurrence };
  if (config) files['.github/postmortem-tracker.yml'] = config;
  const result = await step(gh, {
    eventName: 'pull_request',
    payload: pullRequestEvent(pr.number, 'e'.repeat(40)),
    workspace: makeWorkspace(files),
  });
  return { result, closed };
}

describe('check mode: recurrence at review time', () => {
  it('puts a notice on the new title line and lists the earlier items with their state from the issues', async () => {
    const { result, closed } = await run();
    expect(result.stdout).toMatch(
      new RegExp(
        `::notice title=Recurrence,file=${NEW.replace(/[./]/g, '\\$&')},line=2::Resembles \\*Checkout Service Outage\\* \\(2026-03-25, SEV1\\): same service \`checkout\`, similar wording \\([^)]*\\)\\. 1 of its 3 action items is still open\\.`,
      ),
    );
    expect(result.summary).toContain('### Resembles earlier incidents');
    expect(result.summary).toContain('Action items (state from tracked issues):');
    expect(result.summary).toContain(`  - done: Alert on pool saturation ([#${closed.number}](`);
    expect(result.summary).toContain('  - open: Load-test the pool, due 2026-12-31');
    expect(result.failed).toBe(false);
  });

  it('fails the check when check.recurrence is error and earlier items are open', async () => {
    const { result } = await run('check:\n  recurrence: error\n');
    expect(result.stdout).toMatch(
      /::error title=recurrence,file=postmortems\/2026-11-20-checkout\.md,line=2,col=1::Resembles \*Checkout Service Outage\*/,
    );
    expect(result.failed).toBe(true);
  });
});
