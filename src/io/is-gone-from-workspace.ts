import { lstatSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Whether `file` (relative to `root`) is really gone: nothing at that path, not even a symbolic
 * link or a folder. Sync closes the issues of a post-mortem's missing items only then, or when it
 * read the file; a file it found but did not read (a symlink, a refused path) keeps its issues.
 */
export function isGoneFromWorkspace(root: string, file: string): boolean {
  const abs = resolve(root, file);
  const rel = relative(root, abs);
  // A path that leaves the workspace was never one of its post-mortems: not "gone", not ours.
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) === undefined;
  } catch {
    // ENOTDIR (a parent became a file) means the path is gone; anything else, assume present.
    return false;
  }
}
