import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  MAX_CONFIG_BYTES,
  readConfig,
  type ConfigFileRead,
  type LoadedConfigFile,
} from '../core/config/index.js';
import { knownRules } from '../core/rule-ids/index.js';
import { describeFsError } from './describe-fs-error.js';
import { IoError } from './io-error.js';

export type { LoadedConfigFile } from '../core/config/index.js';

/**
 * Loads the config named by `explicit`, else the first of the config file names under `cwd`
 * (`.github/postmortem-tracker.yml`, then `.yaml`), else the defaults. A symbolic link, a
 * folder or a file reached through a linked folder outside `cwd` is refused unread. A named
 * file that does not exist is an {@link IoError}.
 */
export async function loadConfigFile(cwd: string, explicit?: string): Promise<LoadedConfigFile> {
  if (explicit === undefined)
    return readConfig((path) => readConfigFromDisk(cwd, path), { knownRules });
  const shown = relative(cwd, resolve(cwd, explicit)) || explicit;
  // A path the user names may lie outside `cwd`; it is still never read through a link.
  const root = isAbsolute(explicit) || shown.startsWith('..') ? null : cwd;
  const loaded = await readConfig(() => readConfigFromDisk(root, resolve(cwd, explicit)), {
    knownRules,
    candidates: [shown],
  });
  if (loaded.file === null)
    throw new IoError(`cannot read config file ${explicit}: no such file or directory`);
  return loaded;
}

/**
 * Reads a config from disk without following a symbolic link: the path itself must be a regular
 * file (`lstat`), at most {@link MAX_CONFIG_BYTES}, UTF-8 text, and — when `root` is given — its
 * real path must lie inside the real `root`, so a linked parent folder cannot lead outside.
 */
export async function readConfigFromDisk(
  root: string | null,
  path: string,
): Promise<ConfigFileRead> {
  const abs = root === null ? resolve(path) : resolve(root, path);
  try {
    const stat = await lstat(abs);
    if (stat.isSymbolicLink()) return { status: 'refused', reason: 'is a symbolic link' };
    if (!stat.isFile()) return { status: 'refused', reason: 'is not a regular file' };
    if (stat.size > MAX_CONFIG_BYTES)
      return { status: 'refused', reason: `is larger than ${MAX_CONFIG_BYTES} bytes` };
    if (root !== null) {
      const [realRoot, real] = await Promise.all([realpath(root), realpath(abs)]);
      const inside = relative(realRoot, real);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
        return {
          status: 'refused',
          reason: 'lies outside the workspace (through a linked folder)',
        };
    }
    // O_NOFOLLOW: a link swapped in after the lstat is still not followed.
    const handle = await open(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    let bytes: Uint8Array;
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (bytes.length > MAX_CONFIG_BYTES)
      return { status: 'refused', reason: `is larger than ${MAX_CONFIG_BYTES} bytes` };
    try {
      return { status: 'found', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { status: 'refused', reason: 'is not UTF-8 text' };
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    if (code === 'ELOOP') return { status: 'refused', reason: 'is a symbolic link' };
    throw new IoError(`cannot read config file ${path}: ${describeFsError(error)}`, {
      cause: error,
    });
  }
}
