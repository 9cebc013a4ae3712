import type { ApplicationFunction } from 'probot';
import type { AppDependencies } from './app-dependencies.js';
import { appIdentity } from './app-identity.js';
import { appLogin } from './app-login.js';
import { recheckRerequested } from './handlers/check-rerequested.js';
import { syncAddedRepositories } from './handlers/installation.js';
import { tickBackClosedItem } from './handlers/issues-closed.js';
import { checkPullRequest, PULL_REQUEST_ACTIONS } from './handlers/pull-request.js';
import { syncOnPush } from './handlers/push.js';
import { createDigestScheduler, type DigestScheduler } from './scheduler.js';
import { runRepoDigest } from './run-repo-digest.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions extends Partial<AppDependencies> {
  /** Run the weekly digest scheduler in this process (default true); off for serverless hosts and most tests. */
  scheduler?: boolean;
  /** Cron pattern of the scheduler's walk (default hourly, at minute 2). */
  cron?: string;
  /** Receives the scheduler when one is started, so a host or test can tick or stop it. */
  onScheduler?: (scheduler: DigestScheduler) => void;
}

/**
 * Builds the Probot app function: the routing table from webhook events to the handlers, and
 * the weekly digest scheduler. Everything post-mortem-specific happens in the shared core.
 */
export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const identity = options.appIdentity ?? appIdentity(app);
    const deps: AppDependencies = {
      now: options.now ?? (() => new Date()),
      appLogin: options.appLogin ?? appLogin(identity),
      appIdentity: identity,
    };
    app.on(
      PULL_REQUEST_ACTIONS.map((action) => `pull_request.${action}` as const),
      (context) => checkPullRequest(context),
    );
    // Delivered without a subscription: apps with `checks: write` get every check run and suite event.
    app.on(['check_run.rerequested', 'check_suite.rerequested'], async (context) => {
      await recheckRerequested(context, deps);
    });
    app.on('push', (context) => syncOnPush(context, deps));
    app.on(['installation.created', 'installation_repositories.added'], (context) =>
      syncAddedRepositories(context, deps),
    );
    app.on('issues.closed', async (context) => {
      await tickBackClosedItem(context);
    });

    if (options.scheduler !== false) {
      const scheduler = createDigestScheduler({
        app,
        now: deps.now,
        runDigest: runRepoDigest,
        ...(options.cron === undefined ? {} : { cron: options.cron }),
      });
      options.onScheduler?.(scheduler);
      scheduler.start();
    }
  };
}
