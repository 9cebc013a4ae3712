import { compileGlob, type CompiledGlob } from './compile-glob.js';

const MAX_PATH_LENGTH = 4096;
const MAX_PATH_SEGMENTS = 256;
const MAX_NAME_LENGTH = 255;
const MAX_CACHED = 1000;

const cache = new Map<string, CompiledGlob>();

/**
 * Whether a repository-relative POSIX path matches a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`),
 * as the `paths` and `exclude` settings are written. `*` and `?` never cross a `/`. A glob the
 * config would refuse (see `compileGlob`) matches nothing, and so does an absolute path, one with
 * a `..` or empty segment, or one longer than 4,096 characters, deeper than 256 folders or with a
 * name over 255 characters.
 */
export function matchesGlob(path: string, glob: string): boolean {
  let compiled = cache.get(glob);
  if (compiled === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    compiled = compileGlob(glob);
    cache.set(glob, compiled);
  }
  if (!compiled.ok) return false;
  const names = pathNames(path);
  return names !== null && matchNames(compiled.segments, names);
}

/** Whether a path is selected by `paths` and not dropped by `exclude`. */
export function inScope(
  path: string,
  paths: readonly string[],
  exclude: readonly string[],
): boolean {
  return paths.some((g) => matchesGlob(path, g)) && !exclude.some((g) => matchesGlob(path, g));
}

function pathNames(path: string): string[] | null {
  const relative = path.startsWith('./') ? path.slice(2) : path;
  if (relative.length > MAX_PATH_LENGTH) return null;
  const names = relative.split('/');
  if (
    names.length > MAX_PATH_SEGMENTS ||
    names.some((n) => n.length > MAX_NAME_LENGTH || n === '..' || n === '')
  )
    return null;
  return names;
}

/**
 * Walks glob segments against path names: `reach[j]` says the glob so far matches the first `j`
 * names. Each name is tested at most once per glob segment, so no input backtracks.
 */
function matchNames(
  segments: ReadonlyArray<'**' | ((name: string) => boolean)>,
  names: readonly string[],
): boolean {
  let reach = new Uint8Array(names.length + 1);
  reach[0] = 1;
  for (const segment of segments) {
    const next = new Uint8Array(names.length + 1);
    for (let j = 0; j <= names.length; j++) {
      if (segment === '**') next[j] = reach[j] === 1 || (j > 0 && next[j - 1] === 1) ? 1 : 0;
      else if (j > 0 && reach[j - 1] === 1 && segment(names[j - 1] ?? '')) next[j] = 1;
    }
    reach = next;
  }
  return reach[names.length] === 1;
}
