import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFsError } from './describe-fs-error.js';
import { IoError } from './io-error.js';

/** Reads a post-mortem as UTF-8 text (a leading byte-order mark removed); failures are {@link IoError}s naming the file. */
export async function readPostmortemFile(cwd: string, file: string): Promise<string> {
  try {
    const text = await readFile(resolve(cwd, file), 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new IoError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}
