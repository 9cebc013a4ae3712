import { Cron } from 'croner';
import type { Logger, Probot, ProbotOctokit } from 'probot';
import type { Config } from '../src/core/config/schema.js';
import { claimDigestLease } from './digest-lease.js';
import { digestSlot } from './digest-slot.js';
import { loadRepoConfig } from './load-repo-config.js';
import type { RepoRef } from '../src/core/github/port.js';
import { errorMessage } from '../src/core/text/error-message.js';

/** What posting one repository's digest did. */
export type RepoDigestResult = 'posted' | 'already-posted';

/** Posts one repository's digest for the week, checking the week's marker first. */
export type RepoDigestRunner = (
  octokit: ProbotOctokit,
  repo: RepoRef,
  config: Config,
  now: Date,
) => Promise<RepoDigestResult>;

/** The outcome for one repository in one tick. */
export interface DigestTickEntry {
  repo: string;
  outcome:
    | RepoDigestResult
    | 'not-opted-in'
    | 'invalid-config'
    | 'not-due'
    | 'done-this-week'
    | 'claimed-elsewhere'
    | 'failed';
  week?: string;
  detail?: string;
}

/** The weekly digest scheduler of one app process. */
export interface DigestScheduler {
  /** Walks every installation's repositories once and posts the digests that are due. */
  tick(): Promise<DigestTickEntry[]>;
  /** Starts the cron schedule (and one catch-up tick). */
  start(): void;
  stop(): void;
}

/** Options of {@link createDigestScheduler}. */
export interface DigestSchedulerOptions {
  app: Probot;
  runDigest: RepoDigestRunner;
  now?: () => Date;
  /** When to walk installations; hourly by default, as repositories choose their own day and hour. */
  cron?: string;
  log?: Logger;
}

/**
 * An in-process scheduler (croner) that, every hour, walks the app's installations and posts the
 * digest of each opted-in repository whose configured day, hour and time zone has come this week.
 * Idempotent across restarts and replicas: the week's marker is checked before posting, and a
 * per-repo-week lease keeps two replicas ticking at once from both posting. One repository's
 * failure is logged and the walk goes on.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? options.app.log;
  // Repo-weeks this process has seen finished, so later ticks that week cost no requests.
  const finished = new Set<string>();
  let job: Cron | null = null;

  async function digestRepo(
    octokit: ProbotOctokit,
    repo: RepoRef,
    at: Date,
  ): Promise<DigestTickEntry> {
    const name = `${repo.owner}/${repo.repo}`;
    const loaded = await loadRepoConfig(octokit, repo);
    if (loaded.status === 'not-opted-in') return { repo: name, outcome: 'not-opted-in' };
    if (loaded.status === 'invalid') {
      return {
        repo: name,
        outcome: 'invalid-config',
        detail: loaded.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('; '),
      };
    }
    const slot = digestSlot(at, loaded.config.digest);
    const key = `${name}@${slot.week}`;
    if (!slot.due) return { repo: name, outcome: 'not-due', week: slot.week };
    if (finished.has(key)) return { repo: name, outcome: 'done-this-week', week: slot.week };
    const lease = await claimDigestLease(octokit, repo, slot.week, at);
    if (lease === null) return { repo: name, outcome: 'claimed-elsewhere', week: slot.week };
    try {
      const outcome = await options.runDigest(octokit, repo, loaded.config, at);
      finished.add(key);
      return { repo: name, outcome, week: slot.week };
    } finally {
      await lease.release();
    }
  }

  async function tick(): Promise<DigestTickEntry[]> {
    const at = now();
    const entries: DigestTickEntry[] = [];
    const appOctokit = await options.app.auth();
    const installations = await appOctokit.paginate('GET /app/installations', { per_page: 100 });
    for (const installation of installations) {
      if (installation.suspended_at) continue;
      let repos: Array<{ name: string; owner: { login: string }; archived?: boolean }>;
      let octokit: ProbotOctokit;
      try {
        octokit = await options.app.auth(installation.id);
        repos = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
      } catch (error) {
        log.error(
          { err: error },
          `digest: cannot list the repositories of installation ${installation.id}`,
        );
        entries.push({
          repo: `installation ${installation.id}`,
          outcome: 'failed',
          detail: errorMessage(error),
        });
        continue;
      }
      for (const r of repos) {
        if (r.archived) continue;
        const repo = { owner: r.owner.login, repo: r.name };
        try {
          entries.push(await digestRepo(octokit, repo, at));
        } catch (error) {
          log.error(
            { err: error },
            `digest: ${repo.owner}/${repo.repo} failed; continuing with the others`,
          );
          entries.push({
            repo: `${repo.owner}/${repo.repo}`,
            outcome: 'failed',
            detail: errorMessage(error),
          });
        }
      }
    }
    const posted = entries.filter((e) => e.outcome === 'posted').length;
    const failed = entries.filter((e) => e.outcome === 'failed').length;
    log.info(
      `digest tick: ${entries.length} repositories, ${posted} digest(s) posted, ${failed} failed`,
    );
    return entries;
  }

  const run = async (): Promise<void> => {
    try {
      await tick();
    } catch (error) {
      log.error({ err: error }, 'digest tick failed');
    }
  };

  return {
    tick,
    start() {
      if (job !== null) return;
      job = new Cron(options.cron ?? '2 * * * *', { protect: true, timezone: 'UTC' }, run);
      // Catch up after a restart instead of waiting for the next hour (`protect` still applies).
      void job.trigger();
    },
    stop() {
      job?.stop();
      job = null;
    },
  };
}
