/** What hosts use of src/core/sync. */
export { describeOperation } from './describe-operation.js';
export { parseMarker } from './marker.js';
export { identityKey } from './match-issues.js';
export { renderSyncSummary } from './render-sync-summary.js';
export { syncRepository, type SyncReport } from './sync-repository.js';
