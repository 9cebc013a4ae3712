import { parseOptionsFromConfig } from '../core/config/parse-options-from-config.js';
import type { Config } from '../core/config/schema.js';
import { findPostmortemFiles } from '../io/find-postmortem-files.js';
import { parsePostmortemFiles, type ParsedFiles } from '../io/parse-postmortem-files.js';

/** Finds the post-mortems under `paths` (minus `exclude`) in the workspace and parses them. */
export async function readWorkspacePostmortems(
  workspace: string,
  paths: readonly string[],
  config: Config,
): Promise<ParsedFiles> {
  const { files } = await findPostmortemFiles([], {
    cwd: workspace,
    config: { paths: [...paths], exclude: config.exclude },
  });
  return parsePostmortemFiles(workspace, files, parseOptionsFromConfig(config));
}
