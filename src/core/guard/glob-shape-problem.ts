// The shape of a repository-relative glob, checked before any glob library loads: the Action
// refuses a bad `paths` input before its first request.

/** Longest glob accepted in `paths` and `exclude`, in characters. */
export const MAX_GLOB_LENGTH = 256;
/** Most globs accepted in one of `paths` and `exclude`. */
export const MAX_GLOBS = 50;

const MAX_SEGMENTS = 32;
const MAX_STARS_PER_SEGMENT = 2;
const MAX_ALTERNATIVES = 16;

/** The glob without a leading `./`. */
export function stripDotSlash(glob: string): string {
  return glob.startsWith('./') ? glob.slice(2) : glob;
}

/**
 * Why a glob's shape is refused (no quote of it: the caller names the key and line), or null: too
 * long, absolute, reaching outside with `..`, empty segments, too many folders, and the shapes that
 * make a regular expression backtrack (several stars in one name, wildcards inside braces).
 */
export function globShapeProblem(glob: string): string | null {
  if (glob.length === 0) return 'is empty';
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(glob))
    return 'contains a backslash or a control character; separate folders with /';
  if (/^(?:\/|~|[A-Za-z]:)/.test(glob))
    return 'is an absolute path; write it relative to the repository root (postmortems/**/*.md)';
  const segments = stripDotSlash(glob).split('/');
  if (segments.includes('..'))
    return 'has a ".." segment; globs cannot reach outside the repository';
  if (segments.includes('') || segments.includes('.'))
    return 'has an empty or "." folder segment (// or a trailing /)';
  if (segments.length > MAX_SEGMENTS) return `has more than ${MAX_SEGMENTS} folder segments`;
  let alternatives = 1;
  for (const segment of segments) {
    if (segment === '**') continue;
    const shape = segmentShape(segment);
    if (typeof shape === 'string') return shape;
    alternatives *= shape.alternatives;
    if (alternatives > MAX_ALTERNATIVES)
      return `has braces that expand to more than ${MAX_ALTERNATIVES} alternatives`;
  }
  return null;
}

/** Scans one segment: stars outside classes, brace groups and their alternatives, balance. */
function segmentShape(segment: string): { alternatives: number } | string {
  let stars = 0;
  let alternatives = 1;
  const groups: number[] = []; // commas + 1 of each open brace group
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '[') {
      const end = classEnd(segment, i);
      if (end === -1) return 'has a [ without its closing ]';
      if (groups.length > 0)
        return 'has a […] class inside {…}; braces may only list plain alternatives ({md,markdown})';
      i = end;
    } else if (c === '{') {
      groups.push(1);
    } else if (c === ',' && groups.length > 0) {
      groups[groups.length - 1] = (groups[groups.length - 1] ?? 1) + 1;
    } else if (c === '}') {
      const count = groups.pop();
      if (count === undefined) return 'has a } without its opening {';
      alternatives *= count;
    } else if (c === '*' || c === '?') {
      if (groups.length > 0)
        return 'has a wildcard inside {…}; braces may only list plain alternatives ({md,markdown})';
      if (c === '*') {
        if (segment[i + 1] === '*')
          return 'has ** inside a name; ** must be a whole folder segment (docs/**/*.md)';
        stars++;
      }
    }
  }
  if (groups.length > 0) return 'has a { without its closing }';
  if (stars > MAX_STARS_PER_SEGMENT)
    return `has more than ${MAX_STARS_PER_SEGMENT} * in one file or folder name`;
  return { alternatives };
}

/** Index of the `]` closing the class opened at `start`, or -1 (POSIX `[:alpha:]` inside). */
export function classEnd(segment: string, start: number): number {
  let i = start + 1;
  if (segment[i] === '!' || segment[i] === '^') i++;
  if (segment[i] === ']') i++;
  for (; i < segment.length; i++) {
    if (segment[i] === '[' && segment[i + 1] === ':') {
      const close = segment.indexOf(':]', i + 2);
      if (close === -1) return -1;
      i = close + 1;
    } else if (segment[i] === ']') return i;
  }
  return -1;
}
