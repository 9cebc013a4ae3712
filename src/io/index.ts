export { findPostmortemFiles, type FindOptions, type FoundFiles } from './find-postmortem-files.js';
export { IoError } from './io-error.js';
export { describeFsError } from './describe-fs-error.js';
export { loadConfigFile, type LoadedConfigFile } from './load-config-file.js';
export {
  readPostmortemBytes,
  readPostmortemFile,
  UnreadableFileError,
  type ReadFile,
} from './read-postmortem-file.js';
export { parsePostmortemFiles, type ParsedFiles } from './parse-postmortem-files.js';
export { lintInWorker, parseInWorker } from './parse-in-worker.js';
export {
  createParsePool,
  sharedParsePool,
  type ParsePool,
  type ParsePoolOptions,
} from './parse-pool.js';
export { isGoneFromWorkspace } from './is-gone-from-workspace.js';
