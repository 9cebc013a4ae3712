export { findPostmortemFiles, type FindOptions, type FoundFiles } from './find-postmortem-files.js';
export { IoError } from './io-error.js';
export { describeFsError } from './describe-fs-error.js';
export { loadConfigFile, type LoadedConfigFile } from './load-config-file.js';
export { readPostmortemFile } from './read-postmortem-file.js';
export { parsePostmortemFiles, type ParsedFiles } from './parse-postmortem-files.js';
