import { createApp } from './create-app.js';

export { createApp, type CreateAppOptions } from './create-app.js';
export { createDigestScheduler, type DigestScheduler, type DigestTickEntry } from './scheduler.js';
export { runRepoDigest } from './run-repo-digest.js';

/**
 * The Probot app, as `probot run` loads it. `POSTMORTEM_TRACKER_SCHEDULER=off` leaves the weekly
 * digest to another trigger (serverless hosts, or one designated replica);
 * `POSTMORTEM_TRACKER_CRON` changes how often installations are walked.
 */
export default createApp({
  scheduler: process.env['POSTMORTEM_TRACKER_SCHEDULER'] !== 'off',
  ...(process.env['POSTMORTEM_TRACKER_CRON']
    ? { cron: process.env['POSTMORTEM_TRACKER_CRON'] }
    : {}),
});
