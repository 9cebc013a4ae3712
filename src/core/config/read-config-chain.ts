import type { Diagnostic } from '../model/index.js';
import { CONFIG_FILE_NAMES } from '../guard/index.js';
import { formatPath } from './describe-value.js';
import { extendsAllowed, parseExtends, type RepoName } from './extends-target.js';
import type { LoadConfigOptions } from './load-config.js';
import { readConfig, type ConfigFileRead, type LoadedConfigFile } from './read-config.js';
import { configSchema } from './schema.js';

/** Reads one path of one repository for the loader (the app: through the API). */
export type ReadRepoConfigFile = (repo: RepoName, path: string) => Promise<ConfigFileRead>;

/** Options of {@link readConfigChain}. */
export interface ConfigChainOptions extends Omit<LoadConfigOptions, 'allowExtends'> {
  /** `owner/repo` entries the operator allows `_extends` to read, besides the owner's `.github`. */
  extendsAllow: readonly string[];
  /** Most files followed through `_extends`, the repository's own not counted (default 3). */
  maxDepth?: number;
}

/** A repository's config with its `_extends` chain applied, and the files it came from. */
export interface ConfigChain {
  loaded: LoadedConfigFile;
  /** `owner/repo:path` of each file read, the repository's own first. */
  sources: string[];
}

/**
 * Loads a repository's config and the files its `_extends` names (the Probot convention), each
 * validated on its own, then merged (the nearer file wins; lists replace). `_extends` may only
 * name the owner's `.github` repository or one on the operator's allow-list; anything else is
 * refused unread. Problems of an extended file are reported on the `_extends` line of the
 * repository's own file, naming that file, the line and the key path — never its content.
 */
export async function readConfigChain(
  read: ReadRepoConfigFile,
  repo: RepoName,
  options: ConfigChainOptions,
): Promise<ConfigChain> {
  const { extendsAllow, maxDepth = 3, ...loadOptions } = options;
  const own = await readConfig((path) => read(repo, path), { ...loadOptions, allowExtends: true });
  if (own.file === null) return { loaded: own, sources: [] };
  const label = (r: RepoName, path: string) => `${r.owner}/${r.repo}:${path}`;
  const sources = [label(repo, own.file)];
  const seen = new Set(sources.map((s) => s.toLowerCase()));
  const diagnostics = [...own.diagnostics];
  const layers = [own.settings];
  const anchor = own.extends;
  const report = (severity: 'error' | 'warning', rule: string, message: string): void => {
    diagnostics.push({
      file: own.file ?? '',
      line: anchor?.line ?? 1,
      column: anchor?.column ?? 1,
      severity,
      rule,
      message,
    });
  };
  let current: LoadedConfigFile = own;
  let from = sources[0] ?? '';
  for (let depth = 0; current.extends !== null; depth++) {
    const where = depth === 0 ? '_extends' : `_extends in ${from}`;
    if (depth >= maxDepth) {
      report(
        'error',
        'config-extends',
        `${where}: more than ${maxDepth} files are chained; the rest are not read.`,
      );
      break;
    }
    const target = parseExtends(current.extends.value, repo.owner);
    if (target === null) {
      report(
        'error',
        'config-extends',
        `${where}: expected "repo", "owner/repo" or "owner/repo:path/file.yml"; it is not followed.`,
      );
      break;
    }
    if (!extendsAllowed(target, repo.owner, extendsAllow)) {
      report(
        'error',
        'config-extends',
        `${where}: names a repository this app may not read — only ${repo.owner}/.github or a repository the app's operator allows; nothing was read from it, and only the settings of the files before it apply.`,
      );
      break;
    }
    const base = await readConfig((path) => read(target, path), {
      ...loadOptions,
      allowExtends: true,
      candidates: target.path === null ? CONFIG_FILE_NAMES : [target.path],
    });
    if (base.file === null) {
      report(
        'warning',
        'config-extends',
        `${where}: ${target.owner}/${target.repo} has no such config file, or the app cannot see it; only the settings of the files before it apply.`,
      );
      break;
    }
    const name = label(target, base.file);
    if (seen.has(name.toLowerCase())) {
      report(
        'error',
        'config-extends',
        `${where}: ${name} is already in the chain; it is not read twice.`,
      );
      break;
    }
    seen.add(name.toLowerCase());
    sources.push(name);
    for (const d of base.diagnostics)
      report(
        d.severity,
        d.rule,
        `in ${name} (reached through _extends), line ${d.line}: ${d.message}`,
      );
    layers.unshift(base.settings);
    current = base;
    from = name;
  }
  if (layers.length === 1)
    return { loaded: { ...own, diagnostics: sortDiagnostics(diagnostics) }, sources };
  const merged = layers.reduce<Record<string, unknown>>(
    (acc, next) => mergeSettings(acc, next),
    {},
  );
  const result = configSchema.safeParse(merged);
  if (result.success)
    return {
      loaded: { ...own, config: result.data, diagnostics: sortDiagnostics(diagnostics) },
      sources,
    };
  const path = (result.error.issues[0]?.path ?? []).filter(
    (p): p is string | number => typeof p !== 'symbol',
  );
  report(
    'error',
    'config-extends',
    `the settings merged through _extends are not valid at ${formatPath(path) || 'the top level'}; only this file's settings apply.`,
  );
  return { loaded: { ...own, diagnostics: sortDiagnostics(diagnostics) }, sources };
}

/** Deep-merges plain mappings; lists and scalars of `override` replace those of `base`. */
function mergeSettings(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const previous = Object.hasOwn(out, key) ? out[key] : undefined;
    // defineProperty: a `__proto__` key (allowed in a record such as owners.aliases) stays data.
    Object.defineProperty(out, key, {
      value:
        isPlainObject(previous) && isPlainObject(value) ? mergeSettings(previous, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}
