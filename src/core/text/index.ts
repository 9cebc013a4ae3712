/** What hosts use of src/core/text. */
export { addDays, isCalendarDate } from './calendar-date.js';
export { errorMessage } from './error-message.js';
export {
  escapeCommandData,
  escapeCommandProperty,
  escapeLogLine,
} from './escape-workflow-command.js';
export { plural } from './plural.js';
export { truncate } from './truncate.js';
