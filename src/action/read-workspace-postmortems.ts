import { parseOptionsFromConfig } from '../core/config/index.js';
import type { Config } from '../core/config/index.js';
import { findPostmortemFiles, type RefusedPath } from '../io/find-postmortem-files.js';
import { parsePostmortemFiles, type ParsedFiles } from '../io/parse-postmortem-files.js';

/** The workspace's post-mortems, those that could not be read, and paths refused unread. */
export interface WorkspacePostmortems extends ParsedFiles {
  /** Files found under `paths` (read or not). */
  files: string[];
  /** Patterns and files never read: absolute or `..` patterns, symbolic links, control characters. */
  refused: RefusedPath[];
}

/** Finds the post-mortems under `paths` (minus `exclude`) in the workspace and parses them. */
export async function readWorkspacePostmortems(
  workspace: string,
  paths: readonly string[],
  config: Config,
): Promise<WorkspacePostmortems> {
  const { files, refused } = await findPostmortemFiles([], {
    cwd: workspace,
    config: { paths: [...paths], exclude: config.exclude },
  });
  const parsed = await parsePostmortemFiles(workspace, files, parseOptionsFromConfig(config));
  return { ...parsed, files, refused };
}
