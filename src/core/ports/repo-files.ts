/**
 * Reading many files of one repository at one commit through the API, cheaply: one recursive
 * tree listing, then contents in batches (the Octokit implementation uses one GraphQL query per
 * {@link REPO_FILES_BATCH} files). The core and the adapters only see this interface.
 */

/** Files read per batched request. */
export const REPO_FILES_BATCH = 50;

/** One blob of a repository tree. */
export interface RepoFileEntry {
  /** Repository-relative path, `/`-separated. */
  path: string;
  /** Blob SHA. */
  sha: string;
  /** Size in bytes, when the API reports it. */
  size: number | null;
  /** True for a symbolic link (mode 120000): never read as a post-mortem. */
  symlink?: boolean;
}

/** Read access to the files of one repository. */
export interface RepoFilesPort {
  /**
   * Every blob at `ref` (a commit SHA or branch name). `prefixes`, when given, are directories
   * (`postmortems/`) that bound the walk when the tree is too large to list in one request.
   */
  listFiles(ref: string, prefixes?: readonly string[]): Promise<RepoFileEntry[]>;
  /** Text of `paths` at `ref`; files that do not exist or are binary are absent from the map. */
  readFiles(ref: string, paths: readonly string[]): Promise<Map<string, string>>;
  /**
   * Bytes of `paths` at `ref`, exactly as committed, for the shared decoder; a file over
   * `maxBytes` is not downloaded, only its size reported. Files that do not exist are absent.
   */
  readBytes(
    ref: string,
    paths: readonly string[],
    maxBytes: number,
  ): Promise<Map<string, RepoFileBytes>>;
}

/** A file's bytes, or its size when it is over the limit it was read with. */
export type RepoFileBytes = { bytes: Uint8Array } | { tooLarge: number };
