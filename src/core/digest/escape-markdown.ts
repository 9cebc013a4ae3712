// Moved to src/core/text/escape-markdown.ts (shared with sync); re-exported for existing importers.
export { escapeText, escapeUrl, MAX_USER_TEXT } from '../text/escape-markdown.js';
