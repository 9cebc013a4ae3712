import { lstat, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathProblem, showPath } from '../core/guard/index.js';
import { describeFsError } from './describe-fs-error.js';
import { IoError } from './io-error.js';

/**
 * The absolute path of `file` (relative to `root`) when it may be read: a regular file, not a
 * symbolic link, reached through no symbolic link, inside `root`. Anything else is an
 * {@link IoError} naming the file and why, so a pull request cannot point the tool at
 * `/etc/passwd` or `.git/config` and have it quoted back.
 */
export async function resolveWorkspaceFile(root: string, file: string): Promise<string> {
  const problem = pathProblem(file);
  if (problem !== null) throw new IoError(`${showPath(file)} ${problem}; it was not read`);
  const abs = resolve(root, file);
  let real: string;
  let realRoot: string;
  try {
    const info = await lstat(abs);
    if (info.isSymbolicLink())
      throw new IoError(
        `${file} is a symbolic link; post-mortems are read only from regular files`,
      );
    if (!info.isFile()) throw new IoError(`cannot read ${file}: not a regular file`);
    [real, realRoot] = await Promise.all([realpath(abs), realpath(root)]);
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read ${file}: ${describeFsError(error)}`, { cause: error });
  }
  // A symbolic link in a parent folder moves the real path away from the one named.
  if (real !== join(realRoot, file) && real !== resolve(realRoot, file)) {
    const inside = real.startsWith(realRoot + sep);
    throw new IoError(
      `${file} is reached through a symbolic link${inside ? '' : ' that leads outside the repository'}; post-mortems are read only from regular files in regular folders`,
    );
  }
  return abs;
}
