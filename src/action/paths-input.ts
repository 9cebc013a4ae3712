/** The `paths` default of action.yml; when the input keeps it, a config file's `paths` wins. */
export const DEFAULT_PATHS = 'postmortems/**/*.md';

/** The globs of a raw `paths` input: one per line or comma, trimmed, blanks dropped; unset is the default. */
export function splitPathsInput(raw: string): string[] {
  return (raw || DEFAULT_PATHS)
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
