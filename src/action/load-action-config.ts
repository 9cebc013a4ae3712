import { CONFIG_FILE_NAMES, readConfig, type LoadedConfigFile } from '../core/config/index.js';
import { knownRules } from '../core/rule-ids/index.js';
import { readConfigFromDisk } from '../io/load-config-file.js';
import { DEFAULT_CONFIG } from './inputs.js';

/**
 * Reads the config from the workspace with the shared loader: at the input's default, the first
 * config file name present (`.yml`, then `.yaml`), else defaults; a named file must exist. A
 * symbolic link, or a file outside the workspace, is refused unread (a config error).
 */
export async function loadActionConfig(workspace: string, file: string): Promise<LoadedConfigFile> {
  const named = file !== DEFAULT_CONFIG;
  const loaded = await readConfig((path) => readConfigFromDisk(workspace, path), {
    knownRules,
    candidates: named ? [file] : CONFIG_FILE_NAMES,
  });
  if (named && loaded.file === null) {
    throw new Error(
      `input "config" names ${file}, which does not exist in the workspace; check the path, or run actions/checkout first`,
    );
  }
  return loaded;
}
