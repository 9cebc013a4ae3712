import { parsePostmortem } from '../core/markdown/parse-postmortem.js';
import type { ParseOptions } from '../core/markdown/parse-options.js';
import type { Postmortem } from '../core/model/index.js';
import { IoError } from './io-error.js';
import { readPostmortemFile } from './read-postmortem-file.js';

/** The post-mortems that could be read, and the files that could not (with the reason). */
export interface ParsedFiles {
  postmortems: Postmortem[];
  /** Files that could not be read; `message` names the file and the cause. */
  unreadable: Array<{ path: string; message: string }>;
}

/** Reads and parses `files` (relative to `cwd`); a file that cannot be read never stops the others. */
export async function parsePostmortemFiles(
  cwd: string,
  files: readonly string[],
  options: ParseOptions,
): Promise<ParsedFiles> {
  const postmortems: Postmortem[] = [];
  const unreadable: ParsedFiles['unreadable'] = [];
  for (const file of files) {
    try {
      postmortems.push(parsePostmortem(await readPostmortemFile(cwd, file), file, options));
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      unreadable.push({ path: file, message: error.message });
    }
  }
  return { postmortems, unreadable };
}
