import { errorMessage } from '../core/text/index.js';

/** A short reason for a failed file operation: "no such file", "permission denied", … */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a parent of the path is not a directory';
    case 'EEXIST':
      return 'file already exists';
    default:
      return errorMessage(error);
  }
}
