/** What hosts use of src/core/digest. */
export { digestWeek } from './iso-week.js';
export { DigestTargetError } from './publish-digest.js';
export { collectTrackedIssues, runDigest, type RunDigestResult } from './run-digest.js';
export { isValidTimeZone, localDate, startOfLocalDay, zoneOffsetMinutes } from './zoned-time.js';
