import type { Config } from '../src/core/config/index.js';
import { inScope } from '../src/core/config/index.js';

/** Decides which repository paths are post-mortems under a configuration's `paths` and `exclude`. */
export interface PostmortemPaths {
  matches(path: string): boolean;
  /** Directories (`postmortems/`) that contain every match; `''` when a glob starts with a wildcard. */
  prefixes: string[];
}

/** The path filter of `config`, with the same glob semantics as the Action (the core's `inScope`). */
export function postmortemPaths(config: Pick<Config, 'paths' | 'exclude'>): PostmortemPaths {
  return {
    matches: (path) => inScope(path, config.paths, config.exclude),
    prefixes: config.paths.map(staticPrefix),
  };
}

/** The leading directories of `glob` that contain no wildcard, with a trailing `/`. */
function staticPrefix(glob: string): string {
  const segments = glob.replace(/^\.\//, '').split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === 0 ? '' : `${fixed.join('/')}/`;
}
