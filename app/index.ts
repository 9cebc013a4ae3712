import type { ApplicationFunction } from 'probot';
import { appOptionsFromEnv } from './app-options-from-env.js';
import { createApp } from './create-app.js';

export { createApp, type CreateAppOptions } from './create-app.js';
export { appOptionsFromEnv } from './app-options-from-env.js';
export { runRepoDigest } from './run-repo-digest.js';

/**
 * The Probot app, as `probot run` loads it, configured from the environment (see docs/app.md):
 * `REDIS_URL` for the shared queue, `POSTMORTEM_TRACKER_WORKER=off` for a webhook-only replica,
 * `POSTMORTEM_TRACKER_SCHEDULER=off` to leave the repeatable walks to other replicas.
 */
const app: ApplicationFunction = (probot, options) => {
  const appOptions = appOptionsFromEnv(process.env);
  // On a deploy or scale-down, hand running jobs back to Redis cleanly rather than by lock expiry.
  process.once('SIGTERM', () => {
    void (appOptions.queue?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  return createApp(appOptions)(probot, options);
};
export default app;
