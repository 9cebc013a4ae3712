import picomatch from 'picomatch';
import { classEnd, globShapeProblem, stripDotSlash } from '../guard/glob-shape-problem.js';

export { MAX_GLOB_LENGTH, MAX_GLOBS } from '../guard/glob-shape-problem.js';

/** Matches one path segment (no `/`). */
export type SegmentMatcher = (segment: string) => boolean;

/** A glob split into folder segments: `**` (any number of folders) or a one-segment matcher. */
export type CompiledGlob =
  { ok: true; segments: ReadonlyArray<'**' | SegmentMatcher> } | { ok: false; problem: string };

// picomatch with no extended globs (`+(a|b)` nests quantifiers), dot files matched like any
// other, and compile errors thrown (debug) so an invalid class is a problem, not a silent no-match.
const PICOMATCH_OPTIONS = { dot: true, noextglob: true, posix: true, debug: true } as const;

/**
 * Compiles a repository-relative glob (`**`, `*`, `?`, `[a-z]`, `{md,markdown}`) for matching,
 * or says in words why it is refused. Each folder segment is compiled on its own with picomatch,
 * and the shapes that make a regular expression backtrack (several stars in one name, wildcards
 * inside braces, extended globs) are refused, so matching one path is linear in practice and
 * never worse than a small polynomial of one 255-character name.
 */
export function compileGlob(glob: string): CompiledGlob {
  const problem = globShapeProblem(glob);
  if (problem !== null) return { ok: false, problem };
  const segments: Array<'**' | SegmentMatcher> = [];
  for (const segment of stripDotSlash(glob).split('/')) {
    if (segment === '**') {
      // `**/**` is the same as `**`: keep one, so the folder walk stays small.
      if (segments[segments.length - 1] !== '**') segments.push('**');
      continue;
    }
    let re: RegExp;
    try {
      re = picomatch.makeRe(escapeSegment(segment), PICOMATCH_OPTIONS);
    } catch {
      return {
        ok: false,
        problem: 'has a character class that is not valid (for example a range such as z-a)',
      };
    }
    segments.push((name) => re.test(name));
  }
  return { ok: true, segments };
}

/** Why a glob is refused (no quote of it: the caller names the key and line), or null. */
export function globProblem(glob: string): string | null {
  const compiled = compileGlob(glob);
  return compiled.ok ? null : compiled.problem;
}

/**
 * Makes regex-like characters literal for picomatch outside classes (`a(1).md` names a file,
 * not a group), keeping the glob syntax this project documents.
 */
function escapeSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? '';
    if (c === '[') {
      const end = classEnd(segment, i);
      out += segment.slice(i, end + 1);
      i = end;
    } else out += '()|+@!$^'.includes(c) ? `\\${c}` : c;
  }
  return out;
}
