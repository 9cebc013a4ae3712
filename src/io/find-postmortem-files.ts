import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config } from '../core/config/schema.js';

/** Where to look and what to skip. */
export interface FindOptions {
  cwd: string;
  config: Pick<Config, 'paths' | 'exclude'>;
}

/** The files found, and the targets that matched nothing. */
export interface FoundFiles {
  /** Paths relative to `cwd` (POSIX separators), sorted, without duplicates. */
  files: string[];
  /** Targets that are neither an existing file or directory nor a glob with matches. */
  missing: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Finds post-mortem files. With no targets, `config.paths` globs from `cwd`; otherwise each
 * target is a file (taken as named, any extension), a directory (its `**\/*.md`) or a glob.
 * `config.exclude` applies to everything but explicitly named files.
 */
export async function findPostmortemFiles(
  targets: readonly string[],
  { cwd, config }: FindOptions,
): Promise<FoundFiles> {
  const ignore = [...ALWAYS_IGNORED, ...config.exclude];
  const found = new Set<string>();
  const missing: string[] = [];
  const toRelative = (abs: string): string => {
    const rel = relative(cwd, abs) || '.';
    return sep === '/' ? rel : rel.split(sep).join('/');
  };

  if (targets.length === 0) {
    const matches = await glob([...config.paths], {
      cwd,
      ignore,
      onlyFiles: true,
      absolute: true,
      expandDirectories: false,
    });
    for (const m of matches) found.add(toRelative(m));
    return { files: [...found].sort(), missing };
  }

  for (const target of targets) {
    const abs = isAbsolute(target) ? target : resolve(cwd, target);
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) {
      found.add(toRelative(abs));
    } else if (info?.isDirectory()) {
      const matches = await glob(['**/*.md'], {
        cwd: abs,
        ignore,
        onlyFiles: true,
        absolute: true,
        expandDirectories: false,
      });
      for (const m of matches) found.add(toRelative(m));
    } else if (isDynamicPattern(target)) {
      const matches = await glob([target], {
        cwd,
        ignore,
        onlyFiles: true,
        absolute: true,
        expandDirectories: false,
      });
      if (matches.length === 0) missing.push(target);
      for (const m of matches) found.add(toRelative(m));
    } else {
      missing.push(target);
    }
  }
  return { files: [...found].sort(), missing };
}
