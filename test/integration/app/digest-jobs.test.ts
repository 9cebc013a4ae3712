import { describe, expect, it } from 'vitest';
import { parseDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { postmortemText } from './fixtures.js';
import { createTestProbot, queueOf } from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';
// Monday 2026-02-16 is in ISO week 2026-W08.
const MONDAY_0930_UTC = new Date('2026-02-16T09:30:00Z');

const doc = postmortemText({
  title: 'Cache outage',
  items: [{ text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-02-01' }],
});

/** Digest markers (week labels) posted anywhere in a repository: discussion bodies and comments, issue comments. */
function digestWeeks(standIn: GitHubStandIn, repo: string): string[] {
  const r = standIn.repo('acme', repo);
  const bodies = [
    ...[...r.discussions.values()].flatMap((d) => [d.body, ...d.comments.map((c) => c.body)]),
    ...[...r.comments.values()].map((c) => c.body),
    ...[...r.issues.values()].map((i) => i.body ?? ''),
  ];
  return bodies.flatMap((b) => {
    const m = parseDigestMarker(b);
    return m && m.part === 1 ? [m.week] : [];
  });
}

function setup() {
  const standIn = createGitHubStandIn({ warnOnViolation: false, now: () => MONDAY_0930_UTC });
  const repos = {
    // Due: Monday 09:00 UTC has passed.
    payments: 'digest:\n  day: monday\n  hour: 9\n',
    // Due: Monday 10:00 in Asia/Kolkata is 04:30 UTC.
    search: 'digest:\n  day: monday\n  hour: 10\n  timeZone: Asia/Kolkata\n',
    // Not due until Friday.
    web: 'digest:\n  day: friday\n  hour: 9\n',
    // Due, but its digest cannot be posted: no Discussions and no issue fallback.
    billing: 'digest:\n  day: monday\n  hour: 8\n  fallbackToIssue: false\n',
  } as const;
  for (const [name, config] of Object.entries(repos)) {
    standIn.addRepo({
      owner: 'acme',
      repo: name,
      files: { [CONFIG]: config, 'postmortems/2026-02-10-cache.md': doc },
      collaborators: ['alice'],
      hasDiscussions: name !== 'billing',
    });
  }
  // Installed but not opted in: no config file.
  standIn.addRepo({
    owner: 'acme',
    repo: 'docs',
    files: { 'postmortems/2026-02-10-cache.md': doc },
    hasDiscussions: true,
  });
  standIn.addInstallation({
    account: 'acme',
    accountType: 'Organization',
    repositories: ['acme/payments', 'acme/search', 'acme/web', 'acme/billing', 'acme/docs'],
  });
  return standIn;
}

/** One app process on the stand-in whose clock the test moves. */
async function appAt(standIn: GitHubStandIn, now: () => Date) {
  const probot = await createTestProbot(standIn, { now });
  const queue = queueOf(probot);
  return {
    queue,
    /** One digest planning walk, then every digest job it planned. */
    async plan(): Promise<void> {
      await queue.enqueue({ kind: 'plan-digests' });
      await queue.idle();
    },
  };
}

describe('weekly digests as queued jobs', () => {
  it('posts one digest per due repository per week, and a failing repository does not stop the others', async () => {
    const standIn = setup();
    let now = MONDAY_0930_UTC;
    const app = await appAt(standIn, () => now);

    await app.plan();

    expect(digestWeeks(standIn, 'payments')).toEqual(['2026-W08']);
    expect(digestWeeks(standIn, 'search')).toEqual(['2026-W08']);
    expect(digestWeeks(standIn, 'web')).toEqual([]);
    expect(digestWeeks(standIn, 'docs')).toEqual([]);
    // billing cannot post (no Discussions, no fallback): its job is dead-lettered, visible to the operator.
    const dead = await app.queue.deadLetters();
    expect(dead.map((d) => d.id)).toEqual(['digest@acme/billing@2026-W08']);
    // No lease labels any more: the queue's job id is the claim.
    expect(
      [...standIn.repo('acme', 'payments').labels.keys()].some((l) => l.includes('digest-lease')),
    ).toBe(false);

    // A later hour of the same week, and a restarted process with no memory: still one digest.
    // billing's dead-lettered digest is tried again by the next planning.
    const billingHeads = () =>
      standIn.requests.count(
        (r) => r.route === '/repos/{owner}/{repo}/git/ref/{ref}' && r.path.includes('/billing/'),
      );
    const triedBefore = billingHeads();
    now = new Date('2026-02-16T13:00:00Z');
    await app.plan();
    expect(billingHeads()).toBe(triedBefore + 1);
    expect((await app.queue.deadLetters()).map((d) => d.id)).toEqual([
      'digest@acme/billing@2026-W08',
    ]);
    const restarted = await appAt(standIn, () => now);
    await restarted.plan();
    expect(digestWeeks(standIn, 'payments')).toEqual(['2026-W08']);
    expect(digestWeeks(standIn, 'search')).toEqual(['2026-W08']);

    // Friday: the web repository's turn.
    now = new Date('2026-02-20T09:05:00Z');
    await app.plan();
    expect(digestWeeks(standIn, 'web')).toEqual(['2026-W08']);

    // Next week: one more each.
    now = new Date('2026-02-23T09:30:00Z');
    await app.plan();
    expect(digestWeeks(standIn, 'payments').sort()).toEqual(['2026-W08', '2026-W09']);
    standIn.assertNoContractViolations();
  });

  it('plans at start instead of waiting for the next hour', async () => {
    const standIn = setup();
    const probot = await createTestProbot(standIn, {
      scheduler: true,
      now: () => MONDAY_0930_UTC,
      cron: '0 0 1 1 *',
    });
    await queueOf(probot).idle();
    expect(digestWeeks(standIn, 'payments')).toEqual(['2026-W08']);
    await queueOf(probot).close();
  });

  it('does not post before the configured hour', async () => {
    const standIn = setup();
    const early = await appAt(standIn, () => new Date('2026-02-16T03:00:00Z'));
    await early.plan();
    expect(digestWeeks(standIn, 'payments')).toEqual([]);
    expect(standIn.requests.writes()).toBe(0);
  });
});
