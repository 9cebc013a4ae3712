import { lstat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { pathProblem, showPath } from '../core/guard/index.js';
import type { Config } from '../core/config/index.js';
import { IoError } from './io-error.js';
import { resolveWorkspaceFile } from './resolve-workspace-file.js';

/** Where to look and what to skip. */
export interface FindOptions {
  cwd: string;
  config: Pick<Config, 'paths' | 'exclude'>;
}

/** A target, pattern or match that was not used, and why. */
export interface RefusedPath {
  path: string;
  /** A sentence naming the path and the reason (absolute, `..`, symbolic link, control character). */
  reason: string;
}

/** The files found, the targets that matched nothing, and what was refused. */
export interface FoundFiles {
  /** Paths relative to `cwd` (POSIX separators), sorted, without duplicates. */
  files: string[];
  /** Targets that are neither an existing file or directory nor a glob with matches. */
  missing: string[];
  /** Patterns, targets and matches refused: outside `cwd`, symbolic links, control characters. */
  refused: RefusedPath[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Finds post-mortem files inside `cwd`. With no targets, `config.paths` globs from `cwd`;
 * otherwise each target is a file (taken as named, any extension), a directory (its `**\/*.md`)
 * or a glob. `config.exclude` applies to everything but explicitly named files. Absolute and
 * `..` patterns or targets, symbolic links (files or folders) and names with control characters
 * are refused, never read: globbing does not follow symbolic links.
 */
export async function findPostmortemFiles(
  targets: readonly string[],
  { cwd, config }: FindOptions,
): Promise<FoundFiles> {
  const ignore = [...ALWAYS_IGNORED, ...config.exclude];
  const found = new Set<string>();
  const missing: string[] = [];
  const refused: RefusedPath[] = [];
  const toRelative = (abs: string): string => {
    const rel = relative(cwd, abs) || '.';
    return sep === '/' ? rel : rel.split(sep).join('/');
  };
  const refuse = (path: string): boolean => {
    const problem = pathProblem(path);
    if (problem !== null) refused.push({ path, reason: `${showPath(path)} ${problem}` });
    return problem !== null;
  };
  const run = (patterns: string[], from: string) =>
    glob(patterns, {
      cwd: from,
      ignore,
      onlyFiles: true,
      absolute: true,
      expandDirectories: false,
      followSymbolicLinks: false,
    });
  const add = async (matches: readonly string[]) => {
    for (const m of matches) {
      const rel = toRelative(m);
      if (found.has(rel)) continue;
      try {
        await resolveWorkspaceFile(cwd, rel);
        found.add(rel);
      } catch (error) {
        if (!(error instanceof IoError)) throw error;
        refused.push({ path: rel, reason: error.message });
      }
    }
  };

  if (targets.length === 0) {
    const patterns = config.paths.filter((p) => !refuse(p));
    if (patterns.length > 0) await add(await run(patterns, cwd));
    return { files: [...found].sort(), missing, refused };
  }

  for (const target of targets) {
    if (refuse(target)) continue;
    const abs = resolve(cwd, target);
    const info = await lstat(abs).catch(() => null);
    if (info?.isSymbolicLink()) {
      refused.push({
        path: target,
        reason: `${target} is a symbolic link; post-mortems are read only from regular files in regular folders`,
      });
    } else if (info?.isFile()) {
      await add([abs]);
    } else if (info?.isDirectory()) {
      await add(await run(['**/*.md'], abs));
    } else if (isDynamicPattern(target)) {
      const matches = await run([target], cwd);
      if (matches.length === 0) missing.push(target);
      await add(matches);
    } else {
      missing.push(target);
    }
  }
  return { files: [...found].sort(), missing, refused };
}
