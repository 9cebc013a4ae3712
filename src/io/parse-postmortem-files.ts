import type { ParseOptions } from '../core/markdown/index.js';
import type { Postmortem } from '../core/model/index.js';
import { readLimits } from '../core/read/index.js';
import { isUnread } from '../core/read/index.js';
import { IoError } from './io-error.js';
import { parseInWorker } from './parse-in-worker.js';
import type { ParsePool } from './parse-pool.js';
import { readPostmortemBytes } from './read-postmortem-file.js';

/** The post-mortems that could be read, and the files that could not (with the reason). */
export interface ParsedFiles {
  /** Parsed post-mortems; one over `limits.maxActionItems` has no items and a `too-many-action-items` error. */
  postmortems: Postmortem[];
  /**
   * Files that could not be read (missing, empty, binary, undecodable, too large, too complex);
   * `message` names the file and the cause, `rule` is the diagnostic (`file-unreadable` for I/O).
   */
  unreadable: Array<{ path: string; message: string; rule: string }>;
}

/** Files read and parsed at once: the pool bounds the parsing, this bounds the reading. */
const IN_FLIGHT = 4;

/**
 * Reads and parses `files` (relative to `cwd`) within `options.limits`: each read, decoded and
 * shape-checked once, then parsed in a worker within the time budget. A file that cannot be
 * read never stops the others.
 */
export async function parsePostmortemFiles(
  cwd: string,
  files: readonly string[],
  options: ParseOptions,
  pool?: ParsePool,
): Promise<ParsedFiles> {
  const limits = readLimits(options.limits);
  const results = new Array<{ pm: Postmortem } | { path: string; message: string; rule: string }>(
    files.length,
  );
  let next = 0;
  async function lane(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      try {
        const read = await readPostmortemBytes(cwd, file, limits);
        const pm = read.ok
          ? await parseInWorker(read.text, file, { ...options, limits }, pool)
          : read.postmortem;
        const unread = isUnread(pm)
          ? pm.diagnostics.find((d) => d.rule !== 'parse-error')
          : undefined;
        results[i] =
          unread === undefined
            ? { pm }
            : { path: file, message: unread.message.replace(/\.$/, ''), rule: unread.rule };
      } catch (error) {
        if (!(error instanceof IoError)) throw error;
        results[i] = { path: file, message: error.message, rule: 'file-unreadable' };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
  const postmortems: Postmortem[] = [];
  const unreadable: ParsedFiles['unreadable'] = [];
  for (const result of results) {
    if ('pm' in result) postmortems.push(result.pm);
    else unreadable.push(result);
  }
  return { postmortems, unreadable };
}
