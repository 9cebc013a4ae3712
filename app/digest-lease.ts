import type { ProbotOctokit } from 'probot';
import { httpStatus } from '../src/core/github/http-status.js';
import type { RepoRef } from '../src/core/github/port.js';

/** A claim on posting one repository's digest for one week. */
export interface DigestLease {
  release(): Promise<void>;
}

/** Leases older than this are taken to belong to a replica that died mid-run. */
export const LEASE_TTL_MS = 15 * 60_000;

const PREFIX = 'postmortem-tracker:digest-lease:';

/**
 * Claims the week's digest of a repository across app replicas, with a label: GitHub creates a
 * label name once (a second create is a 422), which makes it an atomic lock that needs no more
 * than the `issues: write` the app already has. Returns null when another replica holds it.
 */
export async function claimDigestLease(
  octokit: ProbotOctokit,
  repo: RepoRef,
  week: string,
  now: Date,
): Promise<DigestLease | null> {
  const name = `${PREFIX}${week}`;
  const create = async (): Promise<boolean> => {
    try {
      await octokit.request('POST /repos/{owner}/{repo}/labels', {
        ...repo,
        name,
        color: 'ededed',
        description: `claimed ${now.toISOString()}`,
      });
      return true;
    } catch (error) {
      if (httpStatus(error) === 422) return false;
      throw error;
    }
  };
  const lease: DigestLease = {
    async release() {
      try {
        await octokit.request('DELETE /repos/{owner}/{repo}/labels/{name}', { ...repo, name });
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
      }
    },
  };
  if (await create()) return lease;
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', {
    ...repo,
    name,
  });
  const claimedAt = Date.parse((data.description ?? '').replace(/^claimed /, ''));
  if (!Number.isNaN(claimedAt) && now.getTime() - claimedAt < LEASE_TTL_MS) return null;
  await lease.release();
  return (await create()) ? lease : null;
}
