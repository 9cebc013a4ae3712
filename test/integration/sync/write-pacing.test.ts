import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import type { PacerClock } from '../../../src/github/write-pacer.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { OWNER, PATH, REPO, base, postmortemText, runSync } from './harness.js';

/** A fake clock shared by the pacer and the stand-in: sleeping moves time on, instantly. */
function fakeTime(): { clock: PacerClock; now: () => Date } {
  let t = Date.parse('2026-03-20T12:00:00Z');
  return {
    clock: {
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    },
    now: () => new Date(t),
  };
}

/** A stand-in on the fake clock that refuses (403 + retry-after) a write under a second after the last. */
function pacedStandIn(now: () => Date) {
  const gh = createGitHubStandIn({ now, warnOnViolation: false });
  gh.addRepo({ owner: OWNER, repo: REPO, collaborators: ['alice', 'bob'] });
  gh.faults.enforceWritePacing({ minIntervalMs: 1000, retryAfter: 1 });
  return gh;
}

const files = { [PATH]: postmortemText(base) };

describe('write pacing for GitHub secondary rate limits', () => {
  it('spaces content-creating requests at least one second apart by default', async () => {
    expect(defaultConfig.sync.writeIntervalMs).toBe(1000);
    const time = fakeTime();
    const gh = pacedStandIn(time.now);
    const report = await runSync(gh, files, { pacing: { clock: time.clock } });
    expect(report.result.failure).toBeNull();
    const writes = gh.requests.filter({ write: true });
    expect(writes.length).toBeGreaterThanOrEqual(5);
    expect(writes.every((w) => w.status < 400)).toBe(true);
    const gaps = writes.slice(1).map((w, i) => Date.parse(w.at) - Date.parse(writes[i]!.at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });

  it('is what keeps the stand-in from refusing writes: unpaced, the same run is rate limited', async () => {
    const time = fakeTime();
    const gh = pacedStandIn(time.now);
    await runSync(gh, files, { pacing: { clock: time.clock, intervalMs: 0 }, retries: 0 });
    expect(gh.requests.count({ write: true, status: 403 })).toBeGreaterThan(0);
  });
});
