import { afterEach, describe, expect, it } from 'vitest';
import { parseDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { DigestTargetError } from '../../../src/core/digest/publish-digest.js';
import { runDigest } from '../../../src/core/digest/run-digest.js';
import { GITHUB_BODY_LIMIT } from '../../../src/core/digest/split-body.js';
import { renderMarker } from '../../../src/core/sync/marker.js';
import { config, item, pm } from '../../unit/digest/fixtures.js';
import { pinned } from '../../support/graphql-handler.js';
import { digestWorld } from './digest-stand-in.js';

const doc = pm({
  path: 'postmortems/2026-10-01-checkout.md',
  title: 'Checkout errors',
  incidentDate: '2026-10-01',
  severity: 'SEV1',
  authors: ['@carol'],
  actionItems: [
    item({ title: 'Validate flag pushes', owner: '@alice', due: '2026-11-01', line: 30 }),
    item({ title: 'Page on 5xx', owner: '@bob', due: '2026-11-20', line: 31 }),
    item({ title: 'Runbook', owner: '@bob', due: '2026-12-20', line: 32 }),
  ],
});

let world: ReturnType<typeof digestWorld>;
afterEach(() => world.standIn.assertNoContractViolations());

function seedTrackedIssues(w: ReturnType<typeof digestWorld>): void {
  for (const [i, it] of doc.actionItems.entries()) {
    w.standIn.addIssue('acme', 'ops', {
      title: it.title,
      body: `tracked\n\n${renderMarker({ id: it.id, path: doc.path })}`,
      labels: ['postmortem-action-item'],
      assignees: i === 0 ? ['alice'] : ['bob'],
      created_at: '2026-10-02T10:00:00Z',
    });
  }
}

describe('digest in a Discussion (through the stand-in)', () => {
  it('posts the first digest as a comment on a new digest Discussion in the category', async () => {
    world = digestWorld();
    seedTrackedIssues(world);
    const result = await runDigest({
      config: config(),
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(result.publication).toMatchObject({
      target: 'discussion-comment',
      outcome: 'created',
      messages: [],
    });
    const discussions = [...world.repo().discussions.values()];
    expect(discussions).toHaveLength(1);
    expect(discussions[0]!.title).toBe('Post-mortem action items digest');
    expect(discussions[0]!.comments).toHaveLength(1);
    expect(parseDigestMarker(discussions[0]!.comments[0]!.body)).toEqual({
      week: '2026-W48',
      part: 1,
    });
    expect(result.url).toMatch(
      /^https:\/\/github\.com\/acme\/ops\/discussions\/\d+#discussioncomment-\d+$/,
    );
    expect(result.digest.statusSource).toBe('issues');
    expect(discussions[0]!.comments[0]!.body).toContain('**2 overdue, 0 due in the next 7 days');
    // Listing 3 tracked issues took one page.
    expect(
      world.standIn.requests.count({ route: '/repos/{owner}/{repo}/issues', method: 'GET' }),
    ).toBe(1);
  });

  it('updates the same comment when run again in the same ISO week, and adds one in a new week', async () => {
    world = digestWorld();
    seedTrackedIssues(world);
    await runDigest({
      config: config(),
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    const issue = [...world.repo().issues.values()].find((i) => i.title === 'Page on 5xx')!;
    issue.state = 'closed';
    issue.closed_at = '2026-11-24T10:00:00Z';

    const again = await runDigest({
      config: config(),
      now: world.setNow('2026-11-26T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(again.publication!.outcome).toBe('updated');
    const [discussion] = [...world.repo().discussions.values()];
    expect(discussion!.comments).toHaveLength(1);
    expect(discussion!.comments[0]!.body).toContain('**1 overdue');

    const unchanged = await runDigest({
      config: config(),
      now: world.setNow('2026-11-26T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(unchanged.publication!.outcome).toBe('unchanged');

    const next = await runDigest({
      config: config(),
      now: world.setNow('2026-11-30T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(next.publication!.outcome).toBe('created');
    expect(world.repo().discussions.size).toBe(1);
    expect(discussion!.comments.map((c) => parseDigestMarker(c.body)?.week)).toEqual([
      '2026-W48',
      '2026-W49',
    ]);
  });

  it('opens a new Discussion per week with target "discussion", updating it within the week', async () => {
    world = digestWorld();
    const cfg = config({ target: 'discussion' });
    await runDigest({
      config: cfg,
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    const second = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-27T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(second.publication!.outcome).toBe('updated');
    await runDigest({
      config: cfg,
      now: world.setNow('2026-12-01T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect([...world.repo().discussions.values()].map((d) => d.title)).toEqual([
      'Post-mortem action items digest 2026-W48',
      'Post-mortem action items digest 2026-W49',
    ]);
    expect(second.url).toMatch(/\/discussions\/\d+$/);
  });

  it('spreads an oversized digest over replies and updates them in place on a rerun', async () => {
    world = digestWorld();
    const huge = pm({
      path: 'postmortems/huge.md',
      incidentDate: '2026-09-01',
      severity: 'SEV2',
      actionItems: Array.from({ length: 1500 }, (_, i) =>
        item({
          title: `Item ${i} ${'words '.repeat(20)}`,
          id: `i${i}`,
          due: '2026-10-01',
          line: i + 1,
        }),
      ),
    });
    const first = await runDigest({
      config: config(),
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [huge],
      github: world.github,
    });
    expect(first.bodies.length).toBeGreaterThan(1);
    const [discussion] = [...world.repo().discussions.values()];
    const comments = discussion!.comments;
    expect(comments).toHaveLength(first.bodies.length);
    for (const c of comments) expect(c.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    const main = comments.find((c) => c.replyToId === null)!;
    expect(comments.filter((c) => c.replyToId === main.id)).toHaveLength(first.bodies.length - 1);
    expect(first.publication!.partUrls).toHaveLength(first.bodies.length);

    const writes = world.standIn.requests.mark();
    const rerun = await runDigest({
      config: config(),
      now: world.setNow('2026-11-24T09:00:00Z'),
      postmortems: [huge],
      github: world.github,
    });
    expect(rerun.publication!.outcome).toBe('updated');
    expect(discussion!.comments).toHaveLength(first.bodies.length);
    expect(world.standIn.requests.count({ operation: 'addDiscussionComment' }, writes)).toBe(0);
  });
});

describe('digest fallbacks (through the stand-in)', () => {
  it('names the missing category and the fix, and falls back to a pinned labelled issue', async () => {
    world = digestWorld({ categories: ['Announcements'] });
    const cfg = config({ category: 'Ops Digest' });
    const result = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(result.messages[0]).toContain('Discussion category "Ops Digest" does not exist');
    expect(result.messages[0]).toContain(
      'create category "Ops Digest" in Settings → Discussions, or set digest.category',
    );
    expect(result.publication!.target).toBe('issue');
    const digestIssues = [...world.repo().issues.values()].filter((i) =>
      i.labels.includes('postmortem-digest'),
    );
    expect(digestIssues).toHaveLength(1);
    expect(result.url).toMatch(new RegExp(`/issues/${digestIssues[0]!.number}#issuecomment-\\d+$`));
    expect([...pinned(world.repo())]).toEqual([digestIssues[0]!.number]);

    // Same week: the one comment is updated.
    const again = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-25T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(again.publication!.outcome).toBe('updated');
    const comments = [...world.repo().comments.values()].filter(
      (c) => c.issue_number === digestIssues[0]!.number,
    );
    expect(comments).toHaveLength(1);
    expect(world.repo().discussions.size).toBe(0);
  });

  it('explains disabled Discussions, and fails without posting when the fallback is off', async () => {
    world = digestWorld({ hasDiscussions: false });
    const fallback = await runDigest({
      config: config(),
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(fallback.messages[0]).toMatch(
      /Discussions are disabled.*create category "General" in Settings → Discussions, or set digest.target: issue/,
    );
    expect(fallback.messages[0]).toContain('enable Discussions in Settings → General → Features');
    expect(fallback.publication!.target).toBe('issue');

    world = digestWorld({ hasDiscussions: false });
    const before = world.standIn.requests.writes();
    await expect(
      runDigest({
        config: config({ fallbackToIssue: false }),
        now: world.setNow('2026-11-23T09:00:00Z'),
        postmortems: [doc],
        github: world.github,
      }),
    ).rejects.toThrow(DigestTargetError);
    expect(world.standIn.requests.writes()).toBe(before);
  });
});

describe('reminders (through the stand-in)', () => {
  it('reminds each overdue issue once a week, escalating to the author after escalateAfterDays', async () => {
    world = digestWorld();
    seedTrackedIssues(world);
    const cfg = config({ reminders: { enabled: true, escalateAfterDays: 14 } });
    const first = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-23T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(first.reminders!.posted).toHaveLength(2);
    const byTitle = (t: string) =>
      [...world.repo().issues.values()].find((i) => i.title === t)!.number;
    const commentsOn = (n: number) =>
      [...world.repo().comments.values()].filter((c) => c.issue_number === n);
    const validate = commentsOn(byTitle('Validate flag pushes'));
    expect(validate).toHaveLength(1);
    expect(validate[0]!.body).toMatch(/^@alice, this action item is \*\*22 days overdue\*\*/);
    expect(validate[0]!.body).toContain('Escalating to @carol');
    expect(commentsOn(byTitle('Page on 5xx'))[0]!.body).not.toContain('Escalating');

    const same = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-27T09:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(same.reminders).toMatchObject({
      posted: [],
      skipped: expect.arrayContaining([byTitle('Validate flag pushes')]),
    });

    const nextWeek = await runDigest({
      config: cfg,
      now: world.setNow('2026-11-30T10:00:00Z'),
      postmortems: [doc],
      github: world.github,
    });
    expect(nextWeek.reminders!.posted).toHaveLength(2);
    expect(commentsOn(byTitle('Validate flag pushes'))).toHaveLength(2);
  });
});
