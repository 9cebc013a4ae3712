import { describe, expect, it } from 'vitest';
import { createTestProbot, deliver, pullRequestOpened, standInWithRepo } from './harness.js';

const CONFIG = '.github/postmortem-tracker.yml';
const BUDGET_MS = 300;

/** Runs `work` while a 5 ms interval measures the longest gap between its ticks. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    await work();
    return Math.max(stall, performance.now() - last);
  } finally {
    clearInterval(timer);
  }
}

function pullRequest(
  env: ReturnType<typeof standInWithRepo>,
  head: string,
  files: Record<string, string>,
) {
  const issue = env.standIn.addPull('acme', 'payments', { title: 'Add', head, files });
  const payload = pullRequestOpened(env.installation.id, issue);
  return payload;
}

describe('a pull request with pathological markdown', () => {
  it('gets file-too-complex within the time budget while the event loop stays responsive', async () => {
    const env = standInWithRepo({
      files: {
        [CONFIG]: `limits:\n  parseTimeoutMs: ${BUDGET_MS}\ncheck:\n  checkAssignees: false\n`,
      },
    });
    const files = {
      // The one 24 KB line of nested list markers that blocked the app for ~110 s.
      'postmortems/2026-02-01-nested.md': `# Nested\n\n${'- '.repeat(12_000)}x\n`,
      // Runs the markdown parser is super-linear on, one per line: only the time budget stops them.
      'postmortems/2026-02-02-brackets.md': `# Brackets\n\n${'] \n'.repeat(40_000)}`,
    };
    const probot = await createTestProbot(env.standIn);
    // A first pull request loads everything and starts the worker: start-up is not what is measured.
    await deliver(
      probot,
      'pull_request',
      pullRequest(env, 'pm-warm', { 'postmortems/warm.md': '# Warm\n' }),
    );
    const payload = pullRequest(env, 'pm-slow', files);

    const started = performance.now();
    const stall = await longestStall(() => deliver(probot, 'pull_request', payload));
    const elapsed = performance.now() - started;

    const run = [...env.repo.checkRuns.values()].find(
      (r) => r.head_sha === payload['pull_request']['head']['sha'],
    )!;
    expect(run.annotations.map((a) => [a.path, a.title]).sort()).toEqual([
      ['postmortems/2026-02-01-nested.md', 'file-too-complex'],
      ['postmortems/2026-02-02-brackets.md', 'file-too-complex'],
    ]);
    expect(run.conclusion).toBe('failure');
    // One file is refused before parsing, one stopped at the budget; a worker restart under tsx is slow.
    expect(elapsed).toBeLessThan(30_000);
    // Today's code blocked the event loop for the whole parse (~110 s for the nested line).
    expect(stall).toBeLessThan(1_000);
    console.info(
      `[pathological] check took ${elapsed.toFixed(0)} ms, longest event-loop stall ${stall.toFixed(0)} ms`,
    );
  });
});
