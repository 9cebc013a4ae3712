import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOptionsFromConfig } from '../core/config/parse-options-from-config.js';
import type { Config } from '../core/config/schema.js';
import { parsePostmortem } from '../core/markdown/parse-postmortem.js';
import type { Postmortem } from '../core/model/index.js';
import { findPostmortemFiles } from '../io/find-postmortem-files.js';
import { errorMessage } from '../core/text/error-message.js';

/** The post-mortems of a workspace, and the files that could not be read. */
export interface WorkspacePostmortems {
  postmortems: Postmortem[];
  unreadable: Array<{ path: string; reason: string }>;
}

/** Finds the post-mortems under `paths` (minus `exclude`) in the workspace and parses them. */
export async function readWorkspacePostmortems(
  workspace: string,
  paths: readonly string[],
  config: Config,
): Promise<WorkspacePostmortems> {
  const { files } = await findPostmortemFiles([], {
    cwd: workspace,
    config: { paths: [...paths], exclude: config.exclude },
  });
  const options = parseOptionsFromConfig(config);
  const postmortems: Postmortem[] = [];
  const unreadable: WorkspacePostmortems['unreadable'] = [];
  for (const path of files) {
    try {
      postmortems.push(
        parsePostmortem(await readFile(join(workspace, path), 'utf8'), path, options),
      );
    } catch (error) {
      unreadable.push({ path, reason: errorMessage(error) });
    }
  }
  return { postmortems, unreadable };
}
