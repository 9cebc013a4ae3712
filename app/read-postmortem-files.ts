import type { Config } from '../src/core/config/schema.js';
import type { RepoFilesPort } from '../src/core/github/repo-files.js';
import { postmortemPaths } from './postmortem-paths.js';

/** A file's path and text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** The post-mortems of a commit, and those listed but not readable as text. */
export interface PostmortemFiles {
  files: SourceFile[];
  unreadable: string[];
}

/** Reads every post-mortem under the configured paths at `sha`: one tree listing, then batched reads. */
export async function readPostmortemFiles(
  repoFiles: RepoFilesPort,
  sha: string,
  config: Config,
): Promise<PostmortemFiles> {
  const filter = postmortemPaths(config);
  const listing = await repoFiles.listFiles(sha, filter.prefixes);
  const paths = listing
    .map((entry) => entry.path)
    .filter((path) => filter.matches(path))
    .sort();
  const texts = await repoFiles.readFiles(sha, paths);
  const files: SourceFile[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    const text = texts.get(path);
    if (text === undefined) unreadable.push(path);
    else files.push({ path, text });
  }
  return { files, unreadable };
}
