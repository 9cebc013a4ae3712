import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../core/config/load-config.js';
import { DEFAULT_CONFIG } from './inputs.js';
import { errorMessage } from '../core/text/error-message.js';

/** Reads the config file from the workspace; a missing default file means defaults, a missing named one is an error. */
export async function loadActionConfig(workspace: string, file: string): Promise<LoadedConfig> {
  let text: string | null;
  try {
    text = await readFile(join(workspace, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ENOENT')
      throw new Error(`input "config": cannot read ${file}: ${errorMessage(error)}`, {
        cause: error,
      });
    if (file !== DEFAULT_CONFIG) {
      throw new Error(
        `input "config" names ${file}, which does not exist in the workspace; check the path, or run actions/checkout first`,
        { cause: error },
      );
    }
    text = null;
  }
  return loadConfig(text, file);
}
