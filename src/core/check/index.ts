export { checkConclusion, type CheckConclusion } from './check-conclusion.js';
export { checkOwnersAssignable, type OwnerCheck } from './check-owners-assignable.js';
export {
  compareWithEarlier,
  resemblanceMessage,
  type EarlierItem,
  type Resemblance,
} from './compare-with-earlier.js';
export { renderResemblances } from './render-resemblances.js';
export {
  checkPullRequest,
  type FileContent,
  type PullRequestCheckInput,
  type PullRequestCheckReport,
} from './check-pull-request.js';
export {
  renderCheckSummary,
  renderCheckTitle,
  type CheckSummaryOptions,
} from './render-check-summary.js';
export { renderDiagnosticsTable } from './render-diagnostics-table.js';
