// What a host may read and show before anything else loads: where the config is, safe repository
// paths, bounded reports.
export {
  capDiagnostics,
  MAX_ANNOTATIONS_PER_FILE,
  type CappedDiagnostics,
} from './cap-diagnostics.js';
export { pathProblem, showPath } from './path-problem.js';
export {
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG_FILE,
  isConfigPath,
  MAX_CONFIG_BYTES,
} from './config-file-names.js';
export { globShapeProblem, MAX_GLOB_LENGTH, MAX_GLOBS } from './glob-shape-problem.js';
