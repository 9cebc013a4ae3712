import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Postmortem } from '../core/model/index.js';
import { prepareText, tooLargePostmortem } from '../core/read/index.js';
import { readLimits, type ReadLimits } from '../core/read/index.js';
import { describeFsError } from './describe-fs-error.js';
import { IoError } from './io-error.js';

/** A post-mortem read from disk: its prepared text, or the post-mortem of a file that is unreadable (one error saying why). */
export type ReadFile = { ok: true; text: string } | { ok: false; postmortem: Postmortem };

/**
 * Reads a post-mortem from disk within `limits`: a file over `maxFileBytes` is refused before a
 * byte is read; the rest is decoded and shape-checked once, as every host does (see
 * `prepareText`). Only a file-system failure (missing file, no permission) is an {@link IoError}.
 */
export async function readPostmortemBytes(
  cwd: string,
  file: string,
  limits: ReadLimits,
): Promise<ReadFile> {
  let bytes: Uint8Array;
  try {
    const handle = await open(resolve(cwd, file), 'r');
    try {
      const { size } = await handle.stat();
      if (size > limits.maxFileBytes)
        return { ok: false, postmortem: tooLargePostmortem(file, size, limits) };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new IoError(`cannot read ${file}: ${describeFsError(error)}`, { cause: error });
  }
  return prepareText(bytes, file, limits);
}

/**
 * Reads a post-mortem as text, decoded and bounded as {@link readPostmortemBytes} does; a file that
 * cannot be read, or is empty, binary, undecodable, too large or too long-lined, is an
 * {@link IoError} naming the file and what was found.
 */
export async function readPostmortemFile(
  cwd: string,
  file: string,
  limits: Partial<ReadLimits> = {},
): Promise<string> {
  const read = await readPostmortemBytes(cwd, file, readLimits(limits));
  if (read.ok) return read.text;
  const first = read.postmortem.diagnostics[0];
  throw new UnreadableFileError(
    (first?.message ?? `${file} is unreadable`).replace(/\.$/, ''),
    first?.rule ?? 'file-unreadable',
  );
}

/** A file that exists but is not a post-mortem the tool can read; `rule` is its diagnostic. */
export class UnreadableFileError extends IoError {
  override name = 'UnreadableFileError';
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }
}
