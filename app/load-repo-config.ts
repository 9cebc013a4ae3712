import type { ProbotOctokit } from 'probot';
import { stringify } from 'yaml';
import { httpStatus } from '../src/core/github/http-status.js';
import { loadConfig } from '../src/core/config/load-config.js';
import type { Config } from '../src/core/config/schema.js';
import type { Diagnostic } from '../src/core/model/index.js';
import type { RepoRef } from '../src/core/github/port.js';
import { errorMessage } from '../src/core/text/error-message.js';

/** Path of the per-repository configuration file (Probot's `.github/` convention). */
export const CONFIG_PATH = '.github/postmortem-tracker.yml';

/**
 * A repository's configuration. `invalid` still carries a usable configuration (bad values fall
 * back to their defaults) for reporting; writers should not act on it.
 */
export type RepoConfig =
  | { status: 'not-opted-in' }
  | { status: 'ok' | 'invalid'; config: Config; diagnostics: Diagnostic[]; source: string };

type PlainObject = Record<string, unknown>;

/**
 * Reads `.github/postmortem-tracker.yml` from the default branch the Probot way (`_extends`
 * chains to another repo, usually the organisation's `.github` repo), then validates the merged
 * result with the core's loader. A repository is opted in only by a file of its own: the
 * organisation's `.github` fallback alone does not opt every repository in.
 */
export async function loadRepoConfig(octokit: ProbotOctokit, repo: RepoRef): Promise<RepoConfig> {
  let result: Awaited<ReturnType<ProbotOctokit['config']['get']>>;
  try {
    result = await octokit.config.get({
      owner: repo.owner,
      repo: repo.repo,
      path: CONFIG_PATH,
      // `configs` runs from the farthest `_extends` base to the repo's own file, which wins.
      defaults: (configs: PlainObject[]) =>
        configs.reduce<PlainObject>((merged, next) => mergeConfig(merged, next), {}),
    });
  } catch (error) {
    // HTTP failures propagate; unreadable YAML or a bad `_extends` is the repository's to fix.
    if (httpStatus(error) !== null) throw error;
    const message = errorMessage(error);
    const fallback = loadConfig(null, CONFIG_PATH).config;
    return {
      status: 'invalid',
      config: fallback,
      source: CONFIG_PATH,
      diagnostics: [configDiagnostic(message)],
    };
  }
  const { config, files } = result;
  if (!files[0] || files[0].config === null) return { status: 'not-opted-in' };
  const sources = files.filter((file) => file.config !== null);
  const source = sources.map((file) => `${file.owner}/${file.repo}:${file.path}`).join(' ← ');
  let loaded = loadConfig(stringify(config), CONFIG_PATH);
  if (loaded.diagnostics.length > 0 && sources.length === 1) {
    // Positions in re-serialised YAML mean nothing to the author: validate the file as written.
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: CONFIG_PATH,
      mediaType: { format: 'raw' },
    });
    if (typeof data === 'string') loaded = loadConfig(data, CONFIG_PATH);
  } else if (loaded.diagnostics.length > 0) {
    loaded.diagnostics = loaded.diagnostics.map((d) => ({
      ...d,
      line: 1,
      column: 1,
      message: `${d.message} (in the configuration merged from ${source})`,
    }));
  }
  const invalid = loaded.diagnostics.some((d) => d.severity === 'error');
  return {
    status: invalid ? 'invalid' : 'ok',
    config: loaded.config,
    diagnostics: loaded.diagnostics,
    source,
  };
}

function configDiagnostic(message: string): Diagnostic {
  return {
    file: CONFIG_PATH,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'config-invalid',
    message,
  };
}

/** Deep-merges plain objects; arrays and scalars of `override` replace those of `base`. */
function mergeConfig(base: PlainObject, override: PlainObject): PlainObject {
  const out: PlainObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const previous = out[key];
    out[key] =
      isPlainObject(previous) && isPlainObject(value) ? mergeConfig(previous, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
