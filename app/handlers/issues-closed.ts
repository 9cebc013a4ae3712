import type { Context } from 'probot';
import { httpStatus } from '../../src/core/ports/index.js';
import { parseOptionsFromConfig } from '../../src/core/config/index.js';
import { parseInWorker } from '../../src/io/parse-in-worker.js';
import { OctokitPort } from '../../src/github/octokit-port.js';
import { isToolAuthor } from '../../src/core/ports/index.js';
import { identityKey } from '../../src/core/sync/index.js';
import { parseMarker } from '../../src/core/sync/index.js';
import { truncate } from '../../src/core/text/index.js';
import { defaultBranchHead } from '../default-branch-head.js';
import type { AppDependencies } from '../app-dependencies.js';
import { loadRepoConfig } from '../load-repo-config.js';
import { postmortemPaths } from '../postmortem-paths.js';
import { tickCheckbox } from '../tick-checkbox.js';

/** What the tick-back did, for logs and tests. */
export type TickBackOutcome =
  | 'not-tracked'
  | 'not-ours'
  | 'not-completed'
  | 'disabled'
  | 'out-of-scope'
  | 'not-the-tracked-issue'
  | 'item-gone'
  | 'already-done'
  | 'not-a-checkbox'
  | 'pull-request-open'
  | 'opened';

/**
 * When a tracked issue is closed as completed and the repository enabled `tickBack`, opens a
 * small pull request that ticks the item's checkbox in its post-mortem, so the document tells the
 * truth. Needs `contents: write` and `pull_requests: write` (an opt-in permission set). Safe to
 * repeat: an item already ticked, or a tick-back pull request already open, is left alone.
 *
 * Item ids are computable from a file name and a title, so a marker proves nothing on its own:
 * the issue must be one the app opened, still carry the tool label, point into the configured
 * post-mortem paths, and be the item's tracked issue (the oldest the app opened with that id).
 */
export async function tickBackClosedItem(
  context: Context<'issues.closed'>,
  deps: Pick<AppDependencies, 'appLogin'>,
): Promise<TickBackOutcome> {
  const { issue } = context.payload;
  const marker = parseMarker(issue.body);
  if (marker === null) return 'not-tracked';
  if (
    issue.state_reason !== null &&
    issue.state_reason !== undefined &&
    issue.state_reason !== 'completed'
  )
    return 'not-completed';
  const login = await deps.appLogin();
  if (login === null || !isToolAuthor(issue.user?.login, login)) return 'not-ours';
  const repo = context.repo();
  const loaded = await loadRepoConfig(context.octokit, repo);
  if (loaded.status !== 'ok' || !loaded.config.tickBack) return 'disabled';
  const tool = loaded.config.labels.tool.toLowerCase();
  if (!issue.labels?.some((l) => l.name.toLowerCase() === tool)) return 'not-ours';
  if (!postmortemPaths(loaded.config).matches(marker.path)) return 'out-of-scope';
  const tracked = await trackedIssueNumber(
    new OctokitPort(context.octokit, repo),
    loaded.config.labels.tool,
    login,
    marker.id,
  );
  if (tracked !== issue.number) return 'not-the-tracked-issue';

  const head = await defaultBranchHead(context.octokit, repo);
  const { data: file } = await context.octokit.request(
    'GET /repos/{owner}/{repo}/contents/{path}',
    { ...repo, path: marker.path, ref: head.sha },
  );
  if (Array.isArray(file) || file.type !== 'file' || !('content' in file)) return 'item-gone';
  const text = Buffer.from(file.content, 'base64').toString('utf8');
  // Parsed off the event loop within the time budget, as every post-mortem the app reads.
  const item = (
    await parseInWorker(text, marker.path, parseOptionsFromConfig(loaded.config))
  ).actionItems.find((i) => i.id === marker.id);
  if (item === undefined) return 'item-gone';
  if (item.status === 'done') return 'already-done';
  const ticked = tickCheckbox(text, item.line);
  if (ticked === null) return 'not-a-checkbox';

  const branch = `postmortem-tracker/tick-${marker.id.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
  const open = await context.octokit.request('GET /repos/{owner}/{repo}/pulls', {
    ...repo,
    head: `${repo.owner}:${branch}`,
    state: 'open',
    per_page: 1,
  });
  if (open.data.length > 0) return 'pull-request-open';
  try {
    await context.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repo,
      ref: `refs/heads/${branch}`,
      sha: head.sha,
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    // A branch left from an earlier, closed tick-back: start it again from the default branch.
    await context.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repo,
      ref: `heads/${branch}`,
      sha: head.sha,
      force: true,
    });
  }
  await context.octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    ...repo,
    path: marker.path,
    branch,
    sha: file.sha,
    message: `Tick "${item.title}" in ${marker.path}\n\nClosed in #${issue.number}.`,
    content: Buffer.from(ticked, 'utf8').toString('base64'),
  });
  await context.octokit.request('POST /repos/{owner}/{repo}/pulls', {
    ...repo,
    head: branch,
    base: head.branch,
    title: `Mark "${truncate(item.title, 80)}" done in the post-mortem`,
    body: `#${issue.number} was closed as completed, so this ticks its action item on line ${item.line} of \`${marker.path}\`.\n\nOpened by postmortem-tracker (\`tickBack: true\`).`,
  });
  context.log.info(
    `${repo.owner}/${repo.repo}: opened a tick-back pull request for #${issue.number}`,
  );
  return 'opened';
}

/** The item's tracked issue: the oldest issue (open or closed) the app opened with its id. */
async function trackedIssueNumber(
  issues: OctokitPort,
  label: string,
  login: string,
  id: string,
): Promise<number | null> {
  const key = identityKey(id);
  const numbers = (await issues.listIssuesByLabel(label))
    .filter((i) => isToolAuthor(i.author, login))
    .filter((i) => {
      const marker = parseMarker(i.body);
      return marker !== null && identityKey(marker.id) === key;
    })
    .map((i) => i.number);
  return numbers.length === 0 ? null : Math.min(...numbers);
}
