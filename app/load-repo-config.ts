import type { ProbotOctokit } from 'probot';
import { httpStatus } from '../src/core/ports/index.js';
import {
  DEFAULT_CONFIG_FILE,
  MAX_CONFIG_BYTES,
  readConfigChain,
  type Config,
  type ConfigFileRead,
  type ReadRepoConfigFile,
} from '../src/core/config/index.js';
import { knownRules } from '../src/core/rule-ids/index.js';
import type { Diagnostic } from '../src/core/model/index.js';
import type { RepoRef } from '../src/core/ports/index.js';

/**
 * Path of the per-repository configuration file as messages name it; every name in
 * `CONFIG_FILE_NAMES` (`.yml`, `.yaml`) is read.
 */
export const CONFIG_PATH = DEFAULT_CONFIG_FILE;

/** The environment variable listing the repositories `_extends` may read besides `<owner>/.github`. */
export const EXTENDS_ALLOW_ENV = 'POSTMORTEM_TRACKER_EXTENDS_ALLOW';

/**
 * A repository's configuration. `invalid` still carries a usable configuration (bad values fall
 * back to their defaults) for reporting; writers should not act on it.
 */
export type RepoConfig =
  | { status: 'not-opted-in' }
  | { status: 'ok' | 'invalid'; config: Config; diagnostics: Diagnostic[]; source: string };

/** What the app's operator decides about reading configs. */
export interface RepoConfigOptions {
  /** `owner/repo` entries `_extends` may read besides the owner's `.github` repository. */
  extendsAllow: readonly string[];
}

/** The operator's options from the environment (`POSTMORTEM_TRACKER_EXTENDS_ALLOW=acme/config,…`). */
export function repoConfigOptionsFromEnv(
  env: Record<string, string | undefined>,
): RepoConfigOptions {
  const list = env[EXTENDS_ALLOW_ENV] ?? '';
  return {
    extendsAllow: list
      .split(/[\s,]+/)
      .map((entry) => entry.trim())
      .filter((entry) => /^[\w.-]+\/[\w.-]+$/.test(entry)),
  };
}

/**
 * Reads the repository's config from the default branch through the API with the shared
 * loader (`.github/postmortem-tracker.yml`, else `.yaml`), following `_extends` only to the
 * owner's `.github` repository or an allowed one. A repository is opted in only by a file of its
 * own: the organisation's `.github` fallback alone does not opt every repository in.
 */
export async function loadRepoConfig(
  octokit: ProbotOctokit,
  repo: RepoRef,
  options: RepoConfigOptions = repoConfigOptionsFromEnv(process.env),
): Promise<RepoConfig> {
  const { loaded, sources } = await readConfigChain(apiConfigReader(octokit), repo, {
    knownRules,
    extendsAllow: options.extendsAllow,
  });
  if (loaded.file === null) return { status: 'not-opted-in' };
  const invalid = loaded.diagnostics.some((d) => d.severity === 'error');
  return {
    status: invalid ? 'invalid' : 'ok',
    config: loaded.config,
    diagnostics: loaded.diagnostics,
    source: sources.join(' ← '),
  };
}

/**
 * Reads a config file through the contents API on the default branch. Only a regular file is
 * read: a symbolic link, folder or submodule is refused (GitHub answers a link to a file of the
 * same repository with that file, which is content the repository already holds).
 */
export function apiConfigReader(octokit: ProbotOctokit): ReadRepoConfigFile {
  return async ({ owner, repo }, path): Promise<ConfigFileRead> => {
    let data: unknown;
    try {
      ({ data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path,
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return { status: 'missing' };
      throw error;
    }
    if (Array.isArray(data)) return { status: 'refused', reason: 'is a folder' };
    const file = data as { type?: unknown; size?: unknown; encoding?: unknown; content?: unknown };
    if (file.type === 'symlink') return { status: 'refused', reason: 'is a symbolic link' };
    if (file.type !== 'file') return { status: 'refused', reason: 'is not a regular file' };
    if (typeof file.size === 'number' && file.size > MAX_CONFIG_BYTES)
      return { status: 'refused', reason: `is larger than ${MAX_CONFIG_BYTES} bytes` };
    if (file.encoding !== 'base64' || typeof file.content !== 'string')
      return { status: 'refused', reason: 'could not be read through the API' };
    try {
      const bytes = Buffer.from(file.content, 'base64');
      return { status: 'found', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { status: 'refused', reason: 'is not UTF-8 text' };
    }
  };
}
