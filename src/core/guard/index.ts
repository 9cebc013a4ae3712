// What a host may read and show before anything else loads: safe repository paths, bounded reports.
export {
  capDiagnostics,
  MAX_ANNOTATIONS_PER_FILE,
  type CappedDiagnostics,
} from './cap-diagnostics.js';
export { pathProblem, showPath } from './path-problem.js';
