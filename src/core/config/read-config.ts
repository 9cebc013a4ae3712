import type { Diagnostic } from '../model/index.js';
import { CONFIG_FILE_NAMES } from '../guard/index.js';
import {
  loadConfigSource,
  type LoadConfigOptions,
  type LoadedConfigSource,
} from './load-config.js';
import { defaultConfig } from './schema.js';

/**
 * What a host found at a config path. `refused`: the path exists but is not read (a symbolic
 * link, a folder, too large, not UTF-8 text, outside the workspace); `reason` completes the
 * sentence "<path> …" and never quotes the file.
 */
export type ConfigFileRead =
  { status: 'found'; text: string } | { status: 'missing' } | { status: 'refused'; reason: string };

/** Reads one repository-relative path for the loader (from disk, or through the API). */
export type ReadConfigFile = (path: string) => Promise<ConfigFileRead>;

/** A config as loaded by a host: the file it came from, or null when none exists (defaults). */
export interface LoadedConfigFile extends LoadedConfigSource {
  file: string | null;
}

/**
 * The one config loader of every host: looks for the first of `candidates` (by default the
 * config file names, `.yml` then `.yaml`) through the host's `read`, and validates it. A refused
 * file is an error diagnostic naming the path; its content is never read.
 */
export async function readConfig(
  read: ReadConfigFile,
  options: LoadConfigOptions & { candidates?: readonly string[] } = {},
): Promise<LoadedConfigFile> {
  const { candidates = CONFIG_FILE_NAMES, ...loadOptions } = options;
  for (const path of candidates) {
    const found = await read(path);
    if (found.status === 'missing') continue;
    if (found.status === 'refused') return { ...refusedConfig(path, found.reason), file: path };
    return { ...loadConfigSource(found.text, path, loadOptions), file: path };
  }
  return { config: defaultConfig, diagnostics: [], settings: {}, extends: null, file: null };
}

/** The defaults, with one error saying why the config at `path` was not read. */
export function refusedConfig(path: string, reason: string): LoadedConfigSource {
  const diagnostic: Diagnostic = {
    file: path,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'config-unreadable',
    message: `${path} ${reason}, so it was not read; every setting uses its default — commit the config as a regular file in the repository.`,
  };
  return { config: defaultConfig, diagnostics: [diagnostic], settings: {}, extends: null };
}
