import type { Context } from 'probot';
import type { SyncJob } from '../queue/queue-job.js';

type InstallationContext =
  Context<'installation.created'> | Context<'installation_repositories.added'>;

/**
 * The initial syncs of the repositories an installation adds. Each sync job reads the
 * repository's `.github/postmortem-tracker.yml` first and writes nothing to a repository without
 * one; a repository that adds the file later is synced by that push.
 */
export function addedRepositorySyncs(
  context: InstallationContext,
): Array<Omit<SyncJob, 'kind' | 'generation'>> {
  const { payload } = context;
  const added =
    'repositories_added' in payload ? payload.repositories_added : (payload.repositories ?? []);
  const serverUrl = new URL(payload.installation.account?.html_url ?? 'https://github.com').origin;
  return added.map((entry) => {
    const [owner = '', repo = ''] = entry.full_name.split('/');
    return {
      installationId: payload.installation.id,
      owner,
      repo,
      sha: null,
      serverUrl,
      reason: 'installation',
    };
  });
}
