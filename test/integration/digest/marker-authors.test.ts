import { afterEach, describe, expect, it } from 'vitest';
import {
  DIGEST_HOME_MARKER,
  parseDigestMarker,
  renderDigestMarker,
  renderReminderMarker,
} from '../../../src/core/digest/digest-marker.js';
import { runDigest, ToolLoginUnknownError } from '../../../src/core/digest/run-digest.js';
import { renderMarker } from '../../../src/core/sync/marker.js';
import { config, item, pm } from '../../unit/digest/fixtures.js';
import { digestWorld, TOOL_LOGIN } from './digest-stand-in.js';

// Markers are plain text anyone can type: only bodies the tool's own login wrote may count.
const doc = pm({
  path: 'postmortems/2026-10-01-checkout.md',
  title: 'Checkout errors',
  incidentDate: '2026-10-01',
  severity: 'SEV1',
  authors: ['@carol'],
  actionItems: [
    item({ title: 'Validate flag pushes', owner: '@alice', due: '2026-11-01', line: 30 }),
  ],
});
const PHISH = 'The digest moved: sign in at https://evil.example to read it';

let world: ReturnType<typeof digestWorld>;
afterEach(() => world.standIn.assertNoContractViolations());

function run(cfg = config(), iso = '2026-11-23T09:00:00Z') {
  return runDigest({
    config: cfg,
    now: world.setNow(iso),
    postmortems: [doc],
    github: world.github,
  });
}

function discussions() {
  return [...world.repo().discussions.values()];
}

describe('the digest counts markers only in bodies the tool wrote', () => {
  it("posts to the oldest home Discussion the tool wrote, not to an outsider's newer one", async () => {
    world = digestWorld();
    await run(config(), '2026-11-16T09:00:00Z');
    world.setNow('2026-11-20T09:00:00Z');
    const forged = world.standIn.addDiscussion('acme', 'ops', {
      title: PHISH,
      body: `Weekly digest lives here now.\n\n${DIGEST_HOME_MARKER}`,
      category: 'General',
      author: 'mallory',
    });

    const result = await run();

    expect(forged.comments).toHaveLength(0);
    const home = discussions().find((d) => d.author === TOOL_LOGIN)!;
    expect(home.comments.map((c) => parseDigestMarker(c.body)?.week)).toEqual([
      '2026-W47',
      '2026-W48',
    ]);
    expect(result.url).toContain(`/discussions/${home.number}#`);
  });

  it("does not mistake a user named like the app's bot (GraphQL drops [bot]) for the tool", async () => {
    world = digestWorld();
    await run(config(), '2026-11-16T09:00:00Z');
    world.setNow('2026-11-20T09:00:00Z');
    const forged = world.standIn.addDiscussion('acme', 'ops', {
      title: PHISH,
      body: DIGEST_HOME_MARKER,
      category: 'General',
      author: 'postmortem-tracker',
    });

    await run();

    expect(forged.comments).toHaveLength(0);
    expect(discussions().find((d) => d.author === TOOL_LOGIN)!.comments).toHaveLength(2);
  });

  it('opens its own home when only an outsider Discussion carries the home marker', async () => {
    world = digestWorld();
    const forged = world.standIn.addDiscussion('acme', 'ops', {
      title: PHISH,
      body: DIGEST_HOME_MARKER,
      category: 'General',
      author: 'mallory',
    });

    await run();

    expect(forged.comments).toHaveLength(0);
    const own = discussions().filter((d) => d.author === TOOL_LOGIN);
    expect(own).toHaveLength(1);
    expect(own[0]!.comments).toHaveLength(1);
  });

  it("never takes an outsider's comment carrying this week's marker for the digest", async () => {
    world = digestWorld();
    const bait = `${PHISH}\n\n${renderDigestMarker('2026-W48')}`;
    const home = world.standIn.addDiscussion('acme', 'ops', {
      title: 'Post-mortem action items digest',
      body: DIGEST_HOME_MARKER,
      category: 'General',
      author: TOOL_LOGIN,
      comments: [{ body: bait, author: 'mallory' }],
    });

    const result = await run();

    expect(result.publication!.outcome).toBe('created');
    expect(home.comments).toHaveLength(2);
    expect(home.comments[0]!.body).toBe(bait);
    expect(home.comments[1]!.author).toBe(TOOL_LOGIN);
    expect(home.comments[1]!.body).toContain('**1 overdue');
    expect(world.standIn.requests.count({ operation: 'updateDiscussionComment' })).toBe(0);
  });

  it("never edits an outsider's Discussion carrying this week's marker (target: discussion)", async () => {
    world = digestWorld();
    const forged = world.standIn.addDiscussion('acme', 'ops', {
      title: PHISH,
      body: `${PHISH}\n\n${renderDigestMarker('2026-W48')}`,
      category: 'General',
      author: 'mallory',
    });

    const result = await run(config({ target: 'discussion' }));

    expect(result.publication!.outcome).toBe('created');
    expect(forged.body).toContain(PHISH);
    expect(world.standIn.requests.count({ operation: 'updateDiscussion' })).toBe(0);
    expect(discussions().filter((d) => d.author === TOOL_LOGIN)).toHaveLength(1);
  });

  it("never edits an outsider's comment on the digest issue carrying this week's marker", async () => {
    world = digestWorld();
    const home = world.standIn.addIssue('acme', 'ops', {
      title: 'Post-mortem action items digest',
      body: DIGEST_HOME_MARKER,
      labels: ['postmortem-digest'],
      user: TOOL_LOGIN,
    });
    const bait = world.standIn.addComment(
      'acme',
      'ops',
      home.number,
      `${PHISH}\n\n${renderDigestMarker('2026-W48')}`,
      'mallory',
    );

    const result = await run(config({ target: 'issue' }));

    expect(result.publication!.outcome).toBe('created');
    expect(world.repo().comments.get(bait.id)!.body).toContain(PHISH);
    const ours = [...world.repo().comments.values()].filter(
      (c) => c.issue_number === home.number && c.user === TOOL_LOGIN,
    );
    expect(ours).toHaveLength(1);
  });

  it("does not let an outsider's reminder marker suppress an overdue reminder", async () => {
    world = digestWorld();
    const tracked = world.standIn.addIssue('acme', 'ops', {
      title: 'Validate flag pushes',
      body: `tracked\n\n${renderMarker({ id: doc.actionItems[0]!.id, path: doc.path })}`,
      labels: ['postmortem-action-item'],
      assignees: ['alice'],
      user: TOOL_LOGIN,
      created_at: '2026-10-02T10:00:00Z',
    });
    world.standIn.addComment(
      'acme',
      'ops',
      tracked.number,
      `Already handled, no need to remind.\n\n${renderReminderMarker('2026-W48')}`,
      'mallory',
    );

    const result = await run(config({ reminders: { enabled: true } }));

    expect(result.reminders!.posted).toEqual([tracked.number]);
    expect(result.reminders!.skipped).toEqual([]);
  });

  it("takes an item's status and reminders from the tool's issue, not from a labelled copy by someone else", async () => {
    world = digestWorld();
    const seed = {
      title: 'Validate flag pushes',
      body: `tracked\n\n${renderMarker({ id: doc.actionItems[0]!.id, path: doc.path })}`,
      labels: ['postmortem-action-item'],
      created_at: '2026-10-02T10:00:00Z',
    };
    const tracked = world.standIn.addIssue('acme', 'ops', { ...seed, user: TOOL_LOGIN });
    const copy = world.standIn.addIssue('acme', 'ops', { ...seed, title: PHISH, user: 'mallory' });

    const result = await run(config({ reminders: { enabled: true } }));

    expect(result.reminders!.posted).toEqual([tracked.number]);
    expect(result.digest.items.overdue.map((r) => r.issue?.number)).toEqual([tracked.number]);
    expect(
      [...world.repo().comments.values()].filter((c) => c.issue_number === copy.number),
    ).toHaveLength(0);
  });

  it('reads and posts nothing when the host cannot say which login the tool writes as', async () => {
    world = digestWorld();
    const before = world.standIn.requests.writes();
    await expect(
      runDigest({
        config: config(),
        now: world.setNow('2026-11-23T09:00:00Z'),
        postmortems: [doc],
        github: { ...world.github, toolLogin: async () => null },
      }),
    ).rejects.toThrow(ToolLoginUnknownError);
    expect(world.standIn.requests.writes()).toBe(before);
    expect(world.repo().discussions.size).toBe(0);
  });
});
