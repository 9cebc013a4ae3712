import type { Config } from '../config/schema.js';
import type { DiscussionsPort } from '../ports/discussions-port.js';
import { isToolAuthor } from '../ports/is-tool-author.js';
import type { IssueRecord, IssuesPort } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { isUnread } from '../read/unread-postmortem.js';
import { analyseDigest } from './analyse-digest.js';
import type { Digest } from './digest-model.js';
import { publishDigest, type PublishResult } from './publish-digest.js';
import { readProjectDues } from './read-project-dues.js';
import { renderDigest, type RenderOptions } from './render-digest.js';
import { planReminders, sendReminders, type ReminderResult } from './send-reminders.js';

/** The collaborators of one digest run; the core builds none of them. */
export interface RunDigestDeps {
  config: Config;
  now: Date;
  postmortems: readonly Postmortem[];
  /** Date each post-mortem landed, by path, when the host knows it. */
  landedDates?: Readonly<Record<string, string>>;
  /**
   * GitHub ports and the login the tool writes as (`github-actions[bot]`, `my-app[bot]`, a token's
   * user); without them the digest is computed offline from the markdown and not posted.
   */
  github?: {
    issues: IssuesPort;
    discussions: DiscussionsPort;
    toolLogin: () => Promise<string | null>;
  } | null;
  /** Post the digest (default true when `github` is given); false computes and renders only. */
  publish?: boolean;
  /** Links for offline rendering (the GitHub run uses the repository's URL and default branch). */
  links?: RenderOptions;
  log?: (line: string) => void;
}

/** What a digest run computed and did. */
export interface RunDigestResult {
  digest: Digest;
  /** Main body first, then follow-ups; each within GitHub's body limit. */
  bodies: string[];
  /** The posted digest, or null when not published. */
  publication: PublishResult | null;
  /** URL of the posted digest (main body), or null. */
  url: string | null;
  reminders: ReminderResult | null;
  /** Warnings worth surfacing to the user (fallbacks, skipped work). */
  messages: string[];
}

/** Options of {@link collectTrackedIssues}. */
export interface CollectOptions {
  /** Read each issue's due date in the `planning.project` project back, as the digest and the dashboard do (default false: a check needs only the issues' states). */
  projectDue?: boolean;
  /** Receives one line when the project could not be read back. */
  log?: (line: string) => void;
}

/**
 * Tracked issues: every issue carrying the tool label that `toolLogin` opened (the port pages 100
 * at a time); with `projectDue`, each with its due date in the `planning.project` project when one
 * is configured (two or more reads more: the fields, the items).
 */
export async function collectTrackedIssues(
  issues: IssuesPort,
  config: Config,
  toolLogin: string,
  options: CollectOptions = {},
): Promise<IssueRecord[]> {
  const tracked = (await issues.listIssuesByLabel(config.labels.tool)).filter((i) =>
    isToolAuthor(i.author, toolLogin),
  );
  if (options.projectDue !== true || tracked.length === 0) return tracked;
  const { dues, note } = await readProjectDues(issues, config);
  if (note !== null) options.log?.(note);
  if (dues === null) return tracked;
  return tracked.map((issue) =>
    issue.id === undefined ? issue : { ...issue, projectDue: dues.get(issue.id) ?? null },
  );
}

/** Raised when the host cannot say which login the tool writes as: its markers could not be told from forged ones. */
export class ToolLoginUnknownError extends Error {
  override name = 'ToolLoginUnknownError';
}

/**
 * One weekly digest run, shared by the Action, the CLI and the app: collect tracked issues through
 * the port, analyse (pure), render, publish idempotently, and optionally remind overdue owners.
 */
export async function runDigest(deps: RunDigestDeps): Promise<RunDigestResult> {
  const { config, now, github } = deps;
  const log = deps.log ?? (() => {});
  const toolLogin = github ? await github.toolLogin() : null;
  if (github && toolLogin === null)
    throw new ToolLoginUnknownError(
      'Could not tell which login the tool writes as (for a personal access token, GET /user failed), so the digest was not read from or posted to GitHub: it trusts markers only in issues and comments of its own login. Check the token, or run the digest offline.',
    );
  const issues =
    github && toolLogin
      ? await collectTrackedIssues(github.issues, config, toolLogin, { projectDue: true, log })
      : [];
  const digest = analyseDigest({
    // An empty, binary, undecodable or unparsable file is not a post-mortem to count.
    postmortems: deps.postmortems.filter((pm) => !isUnread(pm)),
    issues,
    config,
    now,
    ...(deps.landedDates ? { landedDates: deps.landedDates } : {}),
  });
  let links: RenderOptions = deps.links ?? { repoUrl: null, defaultBranch: 'main' };
  if (github) {
    const repo = await github.discussions.getRepository();
    links = { ...links, repoUrl: repo.url, defaultBranch: repo.defaultBranch };
  }
  const bodies = renderDigest(digest, links);
  log(
    `digest ${digest.week}: ${digest.items.overdue.length} overdue, ${digest.items.dueSoon.length} due soon, ${bodies.length} part(s)`,
  );

  const messages: string[] = [];
  let publication: PublishResult | null = null;
  let reminders: ReminderResult | null = null;
  if (github && toolLogin && deps.publish !== false) {
    publication = await publishDigest({
      toolLogin,
      week: digest.week,
      bodies,
      config,
      issues: github.issues,
      discussions: github.discussions,
    });
    messages.push(...publication.messages);
    log(`digest ${digest.week}: ${publication.outcome} at ${publication.url}`);
    if (config.digest.reminders.enabled) {
      const planned = planReminders(digest.items.overdue, {
        week: digest.week,
        reminders: config.digest.reminders,
        authorsByPath: new Map(deps.postmortems.map((pm) => [pm.path, pm.authors])),
        links,
      });
      reminders = await sendReminders(planned, {
        issues: github.issues,
        now,
        week: digest.week,
        maxWrites: config.sync.maxWrites,
        toolLogin,
      });
      if (reminders.deferred.length > 0) {
        messages.push(
          `${reminders.deferred.length} reminder(s) not posted: sync.maxWrites (${config.sync.maxWrites}) reached; they go out on the next run.`,
        );
      }
      log(
        `digest ${digest.week}: reminders posted ${reminders.posted.length}, already reminded ${reminders.skipped.length}`,
      );
    }
  }
  return { digest, bodies, publication, url: publication?.url ?? null, reminders, messages };
}
