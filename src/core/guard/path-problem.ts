// C0 controls and DEL: a line break in a logged path starts a new workflow command.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a repository path or path glob may not be used, or null when it may: a control character
 * (a line break in a logged name becomes a workflow command), an absolute path, or a `..` segment
 * (both reach outside the repository).
 */
export function pathProblem(path: string): string | null {
  const control = CONTROL.exec(path);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `contains a control character (U+${code}); rename it without line breaks or control characters`;
  }
  if (/^(?:[\\/]|[A-Za-z]:)/.test(path))
    return 'is absolute; use a path relative to the repository root';
  if (path.split(/[\\/]/).includes('..'))
    return 'goes outside the repository with ".."; use a path relative to the repository root';
  return null;
}

/** A path as it may be shown in a message: control characters written as `\u000A`. */
export function showPath(path: string): string {
  return path.replace(
    new RegExp(CONTROL.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
