import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { SyncReport } from '../../../src/core/sync/sync-repository.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  OWNER,
  PATH,
  REPO,
  failingFetch,
  issues,
  postmortemText,
  runSync,
  standIn,
} from './harness.js';

/** Five open items, every owner assignable: five issues when tracked once. */
const items = [
  '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-01)',
  '- [ ] Document the failover runbook (Owner: @bob, Due: 2026-04-02)',
  '- [ ] Write a load test for the primary (@alice)',
  '- [ ] Rotate the replication credentials (Owner: @bob, Due: 2026-03-10)',
  '- [ ] Add a synthetic write probe (@alice)',
];
const files = { [PATH]: postmortemText(items) };

/** A small seeded generator (mulberry32), so every interleaving can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ticks = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/**
 * Delays each request, before it reaches GitHub and before its answer comes back, by a seeded
 * number of event-loop turns: two runs sharing the stand-in then interleave differently per seed.
 */
function paced(inner: typeof globalThis.fetch, next: () => number, most: number) {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    await ticks(Math.floor(next() * (most + 1)));
    const response = await inner(input, init);
    await ticks(Math.floor(next() * (most + 1)));
    return response;
  };
  return fetch;
}

interface Outcome {
  /** Issues carrying a marker after the concurrent runs, beyond one per item. */
  extrasCreated: number;
  converging: SyncReport;
  /** Writes of the run after the converging one. */
  writesAfter: number;
}

async function concurrentThenConverge(gh: GitHubStandIn, seed: number): Promise<Outcome> {
  const next = random(seed);
  const most = 1 + Math.floor(next() * 6);
  const offset = Math.floor(next() * 40);
  // Odd seeds also break one write of the second run (refused, or applied with its answer lost).
  const second =
    seed % 2 === 1
      ? failingFetch(gh.fetch, 1 + (seed % 7), seed % 4 === 1 ? 'lost' : 'refused')
      : gh.fetch;
  const runs = [
    runSync(gh, files, { plain: true, fetch: paced(gh.fetch, random(seed * 2 + 1), most) }),
    ticks(offset).then(() =>
      runSync(gh, files, {
        plain: true,
        createAttempts: 1,
        fetch: paced(second, random(seed * 2 + 2), most),
      }),
    ),
  ];
  await Promise.all(runs);
  const extrasCreated = issues(gh).filter((i) => parseMarker(i.body) !== null).length - 5;
  const converging = await runSync(gh, files, { plain: true });
  const mark = gh.requests.mark();
  await runSync(gh, files, { plain: true });
  return { extrasCreated, converging, writesAfter: gh.requests.writes(mark) };
}

/** Checks the repository holds one open issue per item and every extra closed as its duplicate. */
function expectConverged(gh: GitHubStandIn, label: string): void {
  const carriers = issues(gh).filter((i) => parseMarker(i.body) !== null);
  const byId = new Map<string, typeof carriers>();
  for (const issue of carriers) {
    const id = parseMarker(issue.body)?.id ?? '';
    byId.set(id, [...(byId.get(id) ?? []), issue]);
  }
  expect(byId.size, label).toBe(5);
  const comments = [...gh.repo(OWNER, REPO).comments.values()];
  for (const [id, group] of byId) {
    const [kept, ...extras] = group.sort((a, b) => a.number - b.number);
    expect(kept?.state, `${label}: ${id} keeps its oldest issue open`).toBe('open');
    for (const extra of extras) {
      expect(extra.state, `${label}: #${extra.number}`).toBe('closed');
      expect(extra.state_reason, `${label}: #${extra.number}`).toBe('duplicate');
      const on = comments.filter((c) => c.issue_number === extra.number);
      expect(on.length, `${label}: #${extra.number} has a comment`).toBeGreaterThan(0);
      expect(on.every((c) => c.body.includes(`#${kept?.number ?? 0}`))).toBe(true);
    }
  }
}

describe('two syncs of one repository at the same time, then one more', () => {
  it('converges to one open issue per item, the extras closed as duplicates, over many interleavings and faults', async () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    let withDuplicates = 0;
    let convergingWrites = 0;
    for (const seed of seeds) {
      const gh = standIn();
      const outcome = await concurrentThenConverge(gh, seed);
      if (outcome.extrasCreated > 0) withDuplicates++;
      convergingWrites = Math.max(convergingWrites, outcome.converging.result.writes);
      expect(outcome.converging.result.failure, `seed ${seed}`).toBeNull();
      expectConverged(gh, `seed ${seed}`);
      expect(outcome.writesAfter, `seed ${seed}: a fourth sync writes nothing`).toBe(0);
      gh.assertNoContractViolations();
    }
    // The pacing must actually produce races, or the loop proves nothing.
    expect(withDuplicates).toBeGreaterThanOrEqual(seeds.length / 2);
    expect(convergingWrites).toBeLessThanOrEqual(10);
  });

  it('closes the duplicates left by earlier runs in the first run that finds them, with one comment each', async () => {
    const gh = standIn();
    await Promise.all([runSync(gh, files, { plain: true }), runSync(gh, files, { plain: true })]);
    expect(issues(gh)).toHaveLength(10);
    const report = await runSync(gh, files, { plain: true });
    expect(report.counts).toMatchObject({ created: 0, closed: 5, commented: 5 });
    expectConverged(gh, 'two simultaneous runs');
    for (const issue of issues(gh).filter((i) => i.state === 'closed'))
      expect(
        [...gh.repo(OWNER, REPO).comments.values()].filter((c) => c.issue_number === issue.number),
      ).toHaveLength(1);
  });

  it('finishes a converging run interrupted at any write, without a second comment', async () => {
    const twoRuns = async () => {
      const gh = standIn();
      await Promise.all([runSync(gh, files, { plain: true }), runSync(gh, files, { plain: true })]);
      return gh;
    };
    const probe = await twoRuns();
    const total = (await runSync(probe, files, { plain: true })).result.writes;
    expect(total).toBe(10);
    for (const how of ['refused', 'lost'] as const) {
      for (let k = 1; k <= total; k++) {
        const gh = await twoRuns();
        const failing = await runSync(gh, files, {
          plain: true,
          createAttempts: 1,
          fetch: failingFetch(gh.fetch, k, how),
        });
        expect(failing.result.failure, `${how} k=${k}`).not.toBeNull();
        await runSync(gh, files, { plain: true });
        expectConverged(gh, `${how} k=${k}`);
        expect(gh.repo(OWNER, REPO).comments.size, `${how} k=${k}: one comment per extra`).toBe(5);
        const mark = gh.requests.mark();
        await runSync(gh, files, { plain: true });
        expect(gh.requests.writes(mark), `${how} k=${k}`).toBe(0);
      }
    }
  });
});

describe('a create whose response was lost and whose issue the recovery did not see', () => {
  it('leaves two issues for the item, and the next run closes the re-created one as a duplicate of the first', async () => {
    const gh = standIn();
    let posts = 0;
    // The first create reaches GitHub but its answer is lost; the listing the port then reads
    // to find it is stale (GitHub's listings lag behind writes), so the port creates it again.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname === `/repos/${OWNER}/${REPO}/issues`) {
        posts++;
        if (posts === 1) {
          await gh.fetch(request);
          return Response.json({ message: 'Bad Gateway' }, { status: 502 });
        }
      }
      if (request.method === 'GET' && url.searchParams.get('sort') === 'created')
        return Response.json([], { status: 200 });
      return gh.fetch(request);
    };
    const first = await runSync(gh, files, { plain: true, fetch });
    expect(first.result.failure).toBeNull();
    expect(issues(gh)).toHaveLength(6);

    const rerun = await runSync(gh, files, { plain: true });
    expect(rerun.counts).toMatchObject({ created: 0, closed: 1, duplicatesClosed: 1 });
    expectConverged(gh, 'lost create');
    const [recovered, recreated] = issues(gh).filter(
      (i) => parseMarker(i.body)?.id === parseMarker(issues(gh)[0]?.body)?.id,
    );
    expect(recovered?.state).toBe('open');
    expect(recreated?.state_reason).toBe('duplicate');
    const mark = gh.requests.mark();
    await runSync(gh, files, { plain: true });
    expect(gh.requests.writes(mark)).toBe(0);
  });
});
