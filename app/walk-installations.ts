import type { Logger, Probot, ProbotOctokit } from 'probot';
import type { RepoRef } from '../src/core/ports/index.js';

/** One repository an installation can see, with the client of that installation. */
export interface InstalledRepo {
  installationId: number;
  repo: RepoRef;
  octokit: ProbotOctokit;
}

/**
 * Visits every non-archived repository of every active installation (two list requests per
 * installation and page). An installation whose repositories cannot be listed is logged and
 * skipped; `visit` errors propagate.
 */
export async function walkInstallations(
  app: Pick<Probot, 'auth'>,
  log: Logger,
  visit: (entry: InstalledRepo) => Promise<void>,
): Promise<void> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate('GET /app/installations', { per_page: 100 });
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    let octokit: ProbotOctokit;
    let repos: Array<{ name: string; owner: { login: string }; archived?: boolean }>;
    try {
      octokit = await app.auth(installation.id);
      repos = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
    } catch (error) {
      log.error({ err: error }, `cannot list the repositories of installation ${installation.id}`);
      continue;
    }
    for (const r of repos) {
      if (r.archived) continue;
      await visit({
        installationId: installation.id,
        repo: { owner: r.owner.login, repo: r.name },
        octokit,
      });
    }
  }
}
