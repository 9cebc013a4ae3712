/** A repository by owner and name. */
export interface RepoName {
  owner: string;
  repo: string;
}

/** Where an `_extends` value points: a repository and, optionally, a file in it. */
export interface ExtendsTarget extends RepoName {
  path: string | null;
}

// Probot's `_extends` forms: `repo`, `owner/repo`, either with `:path/to/file.yml`.
const EXTENDS =
  /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]{1,100})(?::([-_./\w]{1,200}\.ya?ml))?$/i;

/** Reads an `_extends` value (`.github`, `acme/.github`, `acme/config:ops/tracker.yml`), or null when malformed. */
export function parseExtends(value: unknown, owner: string): ExtendsTarget | null {
  if (typeof value !== 'string') return null;
  const match = EXTENDS.exec(value.trim());
  if (!match?.[2]) return null;
  const path = match[3] ?? null;
  if (path !== null && path.split('/').some((s) => s === '..' || s === '' || s === '.'))
    return null;
  return { owner: match[1] ?? owner, repo: match[2], path };
}

/**
 * Whether a config of `owner`'s repository may extend `target`: only the owner's own `.github`
 * repository, or a repository on the operator's allow-list (`owner/repo`, any case).
 */
export function extendsAllowed(
  target: RepoName,
  owner: string,
  allowList: readonly string[],
): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (same(target.owner, owner) && same(target.repo, '.github')) return true;
  return allowList.some((entry) => same(entry.trim(), `${target.owner}/${target.repo}`));
}
