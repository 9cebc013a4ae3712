/** Bad command-line usage (unknown option, missing argument): reported with a hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
