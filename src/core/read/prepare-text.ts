import type { Postmortem } from '../model/index.js';
import { decodeText, formatBytes } from '../text/decode-text.js';
import type { ReadLimits } from './read-limits.js';
import { textShapeProblem } from './text-shape-problem.js';
import { unreadPostmortem } from './unread-postmortem.js';

/** A file's text ready for the parser, or the post-mortem of a file that is not (one error saying why). */
export type PreparedText = { ok: true; text: string } | { ok: false; postmortem: Postmortem };

/**
 * Turns a post-mortem's bytes into text the parser may see, the same way for every host: decoded
 * once (see `decodeText`), within `maxFileBytes`, no line over `maxLineLength`, no nesting over
 * `maxNesting`. A file that fails is a post-mortem with one `file-unreadable`, `file-too-large` or
 * `file-too-complex` error naming what was found.
 */
export function prepareText(bytes: Uint8Array, path: string, limits: ReadLimits): PreparedText {
  const decoded = decodeText(bytes, { maxBytes: limits.maxFileBytes });
  if (!decoded.ok) {
    const what = decoded.rule === 'file-too-large' ? 'is too large to read' : 'is unreadable';
    return {
      ok: false,
      postmortem: unreadPostmortem(
        path,
        decoded.rule,
        `${path} ${what}: ${decoded.reason}; ${LEFT_ALONE}.`,
      ),
    };
  }
  const shape = textShapeProblem(decoded.text, limits);
  if (shape !== null) {
    return {
      ok: false,
      postmortem: unreadPostmortem(
        path,
        'file-too-complex',
        `${path} is too complex to parse: ${shape.message}; ${LEFT_ALONE}.`,
        shape.line,
        shape.column,
      ),
    };
  }
  return { ok: true, text: decoded.text };
}

/** What happens to an unread file and its issues, said in every such diagnostic. */
export const LEFT_ALONE = 'it was not parsed, and its tracked issues are left as they are';

/** The post-mortem of a file of `size` bytes, over `limits.maxFileBytes`: refused unread. */
export function tooLargePostmortem(path: string, size: number, limits: ReadLimits): Postmortem {
  return unreadPostmortem(
    path,
    'file-too-large',
    `${path} is too large to read: ${formatBytes(size)}, over the limit of ${formatBytes(limits.maxFileBytes)} (limits.maxFileBytes); ${LEFT_ALONE}.`,
  );
}
