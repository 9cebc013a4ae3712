import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_HOME_MARKER, renderDigestMarker } from '../../../src/core/digest/digest-marker.js';
import {
  FAST_CONFIG,
  makeWorkspace,
  OWNER,
  postmortem,
  REPO,
  standInRepo,
} from './action-harness.js';
import { restoreProcess, step } from './in-process-step.js';

afterEach(restoreProcess);

const BAIT = 'The digest moved: sign in at https://evil.example to read it';

describe('digest mode trusts only its own markers', () => {
  it("posts beside an outsider's comment carrying this week's marker instead of editing it", async () => {
    const gh = standInRepo({ now: () => new Date('2026-03-20T12:00:00Z') });
    const home = gh.addIssue(OWNER, REPO, {
      title: 'Post-mortem action items digest',
      body: DIGEST_HOME_MARKER,
      labels: ['postmortem-digest'],
      user: 'github-actions[bot]',
    });
    const bait = gh.addComment(
      OWNER,
      REPO,
      home.number,
      `${BAIT}\n\n${renderDigestMarker('2026-W12')}`,
      'mallory',
    );
    const workspace = makeWorkspace({
      '.github/postmortem-tracker.yml': `${FAST_CONFIG}digest:\n  target: issue\n`,
      'postmortems/2026-03-01-db.md': postmortem([
        '- [ ] Add a replica lag alert (@alice, due 2026-03-10)',
      ]),
    });

    const result = await step(gh, { eventName: 'workflow_dispatch', payload: {}, workspace });

    expect(result.failed).toBe(false);
    const comments = [...gh.repo(OWNER, REPO).comments.values()].filter(
      (c) => c.issue_number === home.number,
    );
    expect(comments.find((c) => c.id === bait.id)!.body).toContain(BAIT);
    expect(comments.filter((c) => c.user === 'github-actions[bot]')).toHaveLength(1);
    expect(result.outputs['digest-url']).toContain(`/issues/${home.number}#issuecomment-`);
    expect(result.outputs['digest-url']).not.toContain(`issuecomment-${bait.id}`);
  });
});
