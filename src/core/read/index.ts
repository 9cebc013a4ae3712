export { capActionItems } from './cap-action-items.js';
export { LEFT_ALONE, prepareText, tooLargePostmortem, type PreparedText } from './prepare-text.js';
export { DEFAULT_READ_LIMITS, readLimits, type ReadLimits } from './read-limits.js';
export { textShapeProblem, type ShapeProblem } from './text-shape-problem.js';
export {
  isUnread,
  isUntracked,
  UNREAD_RULES,
  UNTRACKED_RULES,
  unreadPostmortem,
} from './unread-postmortem.js';
