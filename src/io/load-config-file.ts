import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '../core/config/load-config.js';
import { describeFsError } from './describe-fs-error.js';
import { IoError } from './io-error.js';

/** The config in effect, its problems, and the file it came from (null: defaults only). */
export interface LoadedConfigFile extends LoadedConfig {
  file: string | null;
}

const DEFAULT_FILES = ['.github/postmortem-tracker.yml', '.github/postmortem-tracker.yaml'];

/**
 * Loads the config named by `explicit`, else `.github/postmortem-tracker.yml` under `cwd` when present,
 * else the defaults. A named file that cannot be read is an {@link IoError}.
 */
export async function loadConfigFile(cwd: string, explicit?: string): Promise<LoadedConfigFile> {
  if (explicit !== undefined) {
    const abs = resolve(cwd, explicit);
    const text = await readFile(abs, 'utf8').catch((error: unknown) => {
      throw new IoError(`cannot read config file ${explicit}: ${describeFsError(error)}`);
    });
    return { ...loadConfig(text, relative(cwd, abs) || explicit), file: explicit };
  }
  for (const candidate of DEFAULT_FILES) {
    const text = await readFile(resolve(cwd, candidate), 'utf8').catch(() => null);
    if (text !== null) return { ...loadConfig(text, candidate), file: candidate };
  }
  return { ...loadConfig(null, DEFAULT_FILES[0] ?? ''), file: null };
}
