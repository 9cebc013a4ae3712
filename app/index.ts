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
const app: ApplicationFunction = (probot, options) =>
  createApp(appOptionsFromEnv(process.env))(probot, options);
export default app;
