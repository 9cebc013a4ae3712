import { emptyPostmortem } from '../markdown/empty-postmortem.js';
import type { Postmortem } from '../model/index.js';

/** Rules of a file that was not read or not parsed: it is no post-mortem to count, and its issues stay as they are. */
export const UNREAD_RULES: ReadonlySet<string> = new Set([
  'parse-error',
  'file-unreadable',
  'file-too-large',
  'file-too-complex',
]);

/** Rules under which sync tracks none of a file's items and leaves its issues as they are. */
export const UNTRACKED_RULES: ReadonlySet<string> = new Set([
  ...UNREAD_RULES,
  'too-many-action-items',
]);

/** A post-mortem with nothing read and one error naming why (`rule`), at `line`. */
export function unreadPostmortem(
  path: string,
  rule: string,
  message: string,
  line = 1,
  column = 1,
): Postmortem {
  const pm = emptyPostmortem(path);
  pm.diagnostics.push({ file: path, line, column, severity: 'error', rule, message });
  return pm;
}

/** Whether `pm` could not be read or parsed (an empty, binary, undecodable, too large or too complex file). */
export function isUnread(pm: Postmortem): boolean {
  return pm.diagnostics.some((d) => UNREAD_RULES.has(d.rule));
}

/** Whether sync must leave the issues of `pm` as they are: it was not read, or it has too many items to track. */
export function isUntracked(pm: Postmortem): boolean {
  return pm.diagnostics.some((d) => UNTRACKED_RULES.has(d.rule));
}
