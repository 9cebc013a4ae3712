import { describe, expect, it } from 'vitest';
import { ProbotOctokit } from 'probot';
import { runRepoDigest } from '../../../app/run-repo-digest.js';
import { defaultConfig } from '../../../src/core/config/schema.js';
import { DIGEST_HOME_MARKER, parseDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { postmortemText } from './fixtures.js';

assertContractsAfterEach();

const APP = 'postmortem-tracker[bot]';

describe("the app's digest trusts only its own markers", () => {
  it("posts to the app's own (oldest) home, not to an outsider's newer Discussion with the marker", async () => {
    let clock = new Date('2026-02-16T09:00:00Z');
    const standIn = createGitHubStandIn({ warnOnViolation: false, now: () => clock, actor: APP });
    standIn.addRepo({
      owner: 'acme',
      repo: 'payments',
      hasDiscussions: true,
      files: {
        'postmortems/2026-02-10-cache.md': postmortemText({
          title: 'Cache outage',
          items: [{ text: 'Alert on a zero eviction limit', owner: '@alice', due: '2026-02-12' }],
        }),
      },
    });
    const Octokit = ProbotOctokit.defaults({
      request: { fetch: standIn.fetch },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const octokit = new Octokit({ auth: { token: 't' } });
    const repo = { owner: 'acme', repo: 'payments' };
    const appLogin = async () => APP;

    await runRepoDigest(octokit, repo, defaultConfig, clock, appLogin);
    clock = new Date('2026-02-20T09:00:00Z');
    const forged = standIn.addDiscussion('acme', 'payments', {
      title: 'The digest moved: sign in at https://evil.example',
      body: DIGEST_HOME_MARKER,
      category: 'General',
      author: 'mallory',
    });
    clock = new Date('2026-02-23T09:00:00Z');
    expect(await runRepoDigest(octokit, repo, defaultConfig, clock, appLogin)).toBe('posted');

    expect(forged.comments).toHaveLength(0);
    const own = [...standIn.repo('acme', 'payments').discussions.values()].filter(
      (d) => d.author === APP,
    );
    expect(own).toHaveLength(1);
    expect(own[0]!.comments.map((c) => parseDigestMarker(c.body)?.week)).toEqual([
      '2026-W08',
      '2026-W09',
    ]);
  });
});
