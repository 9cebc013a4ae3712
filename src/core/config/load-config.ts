import { isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../model/index.js';
import { capDiagnostics, MAX_REPORTED_PER_FILE } from './cap-diagnostics.js';
import { MAX_CONFIG_BYTES } from '../guard/index.js';
import { describeSchema, schemaAt } from './describe-expected.js';
import { describeValue, formatPath, isShownKey } from './describe-value.js';
import { describeYamlError } from './describe-yaml-error.js';
import { indexYaml, type KeyPath, type YamlIndex } from './index-yaml.js';
import { configSchema, defaultConfig, type Config } from './schema.js';

/** The result of reading a config file: the config to use and what was wrong with the file. */
export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
}

/**
 * One config file read on its own: besides the config, the settings as written that passed
 * validation (what `_extends` merges) and the `_extends` value when the host reads it.
 */
export interface LoadedConfigSource extends LoadedConfig {
  settings: Record<string, unknown>;
  extends: { value: unknown; line: number; column: number } | null;
}

/** The lint rule ids a `rules:` key may name, handed in by the host (the lint registry's). */
export interface KnownRules {
  ids: readonly string[];
  /** Prefixes of rule families reported outside the registry (`parse-`, `config-`). */
  prefixes: readonly string[];
}

/** What a host tells the loader. */
export interface LoadConfigOptions {
  /** Rule ids `rules:` may name; without them, rule ids are not checked. */
  knownRules?: KnownRules;
  /** Most diagnostics listed for the file; the rest are counted in one line (default 50). */
  maxReported?: number;
  /** Read a top-level `_extends` (the app's chaining) instead of reporting an unknown key. */
  allowExtends?: boolean;
  /** Longest text parsed, in characters (default {@link MAX_CONFIG_BYTES}); longer is refused. */
  maxLength?: number;
}

type Position = { line: number; column: number };
type Diag = (
  pos: Position,
  rule: string,
  message: string,
  severity?: 'error' | 'warning',
) => Diagnostic;

/**
 * Reads `.github/postmortem-tracker.yml` text (null: no file) into a validated config.
 * Every problem is an error diagnostic with the line, column and key path at fault; bad
 * values fall back to their defaults, and the diagnostic says so.
 */
export function loadConfig(
  text: string | null,
  file: string,
  options: LoadConfigOptions = {},
): LoadedConfig {
  const { config, diagnostics } = loadConfigSource(text, file, options);
  return { config, diagnostics };
}

/**
 * {@link loadConfig}, also returning the valid settings as written and `_extends`. No message
 * quotes a value or a YAML token of the file: each names the key path, line and expected form.
 */
export function loadConfigSource(
  text: string | null,
  file: string,
  options: LoadConfigOptions = {},
): LoadedConfigSource {
  const maxReported = options.maxReported ?? MAX_REPORTED_PER_FILE;
  const none = (diagnostics: Diagnostic[] = []): LoadedConfigSource => ({
    config: defaultConfig,
    diagnostics: capDiagnostics(sortByLine(diagnostics), file, maxReported),
    settings: {},
    extends: null,
  });
  if (text === null || text.trim() === '') return none();
  const maxLength = options.maxLength ?? MAX_CONFIG_BYTES;
  if (text.length > maxLength) {
    return none([
      {
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'config-too-large',
        message: `the config is larger than ${maxLength} bytes, so it was not read; every setting uses its default — a config is a few settings, keep it short.`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are found by the index below: the parser's own check is quadratic.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const diag: Diag = (pos, rule, message, severity = 'error') => ({
    file,
    ...pos,
    severity,
    rule,
    message,
  });
  const defaults = 'fix the YAML syntax — until then every setting uses its default.';

  if (doc.errors.length > 0) {
    return none(
      doc.errors.map((e) =>
        diag(at(e.pos[0]), 'config-syntax', `${describeYamlError(e.code)}; ${defaults}`),
      ),
    );
  }
  const index = indexYaml(doc.contents);
  if (index.duplicates.length > 0) {
    return none(
      index.duplicates.map(({ repeat, first }) => {
        const key = isScalar(repeat) ? String(repeat.value) : '';
        const name = isShownKey(key) ? `"${key}"` : 'this key';
        return diag(
          at(repeat.range?.[0]),
          'config-syntax',
          `${name} appears twice in the same mapping (first at line ${at(first.range?.[0]).line}); ${defaults}`,
        );
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return none([
      diag(
        { line: 1, column: 1 },
        'config-syntax',
        `the aliases (*name) expand to too much data; ${defaults}`,
      ),
    ]);
  }
  if (data === null || data === undefined) return none();
  if (!isPlainObject(data)) {
    return none([
      diag(
        at(doc.contents?.range?.[0]),
        'config-invalid',
        `expected a mapping of settings (key: value lines), got ${describeValue(data)}; every setting uses its default.`,
      ),
    ]);
  }

  const diagnostics: Diagnostic[] = [];
  const working: Record<string, unknown> = structuredClone(data);
  let extendsRef: LoadedConfigSource['extends'] = null;
  if (options.allowExtends === true && Object.hasOwn(working, '_extends')) {
    const located = index.locate(['_extends']);
    extendsRef = { value: working['_extends'], ...at(located.key?.range?.[0]) };
    delete working['_extends'];
  }
  // Spelling suggestions only for the keys that can be listed: the rest are only counted.
  const unknown = unknownKeys(working, [])
    .map((path) => ({ path, offset: offsetOf(index, path) }))
    .sort((x, y) => x.offset - y.offset);
  unknown.forEach(({ path, offset }, i) => {
    diagnostics.push(unknownKeyDiagnostic(path, offset, i < maxReported, at, diag));
    removeAt(working, path);
  });
  const finish = (config: Config, extra: Diagnostic[]): LoadedConfigSource => ({
    config,
    diagnostics: capDiagnostics(sortByLine([...diagnostics, ...extra]), file, maxReported),
    settings: working,
    extends: extendsRef,
  });
  for (let round = 0; round < 50; round++) {
    const result = configSchema.safeParse(working);
    if (result.success) {
      const rules = options.knownRules
        ? unknownRules(result.data, options.knownRules, index, at, diag)
        : [];
      return finish(result.data, rules);
    }
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) removeAt(working, [...path, key]);
        continue;
      }
      diagnostics.push(invalidValueDiagnostic(issue, path, working, index, at, diag));
      removeAt(working, fallbackPath(path));
    }
  }
  const failed = finish(defaultConfig, [
    diag(
      { line: 1, column: 1 },
      'config-invalid',
      'the config could not be repaired; every setting uses its default.',
    ),
  ]);
  return { ...failed, settings: {} };
}

function offsetOf(index: YamlIndex, path: KeyPath): number {
  const located = index.locate(path);
  return located.key?.range?.[0] ?? located.value?.range?.[0] ?? 0;
}

function unknownKeyDiagnostic(
  path: KeyPath,
  offset: number,
  suggest: boolean,
  at: (offset: number | undefined) => Position,
  diag: Diag,
): Diagnostic {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const suggestion =
    suggest && isShownKey(key)
      ? closest(key, Object.keys(schemaAt(parent)?.properties ?? {}))
      : null;
  const where = parent.length === 0 ? 'at the top level' : `in ${formatPath(parent)}`;
  return diag(
    at(offset),
    'config-unknown-key',
    `${formatPath(path)}: unknown key ${where}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; it is ignored — fix or remove it.`,
  );
}

function invalidValueDiagnostic(
  issue: { code: string; message: string; maximum?: unknown; origin?: unknown },
  path: KeyPath,
  working: Record<string, unknown>,
  index: YamlIndex,
  at: (offset: number | undefined) => Position,
  diag: Diag,
): Diagnostic {
  const target = fallbackPath(path);
  const located = index.locate(path);
  const got = valueAt(working, path);
  const fallback = valueAt(defaultConfig, target);
  const recordEntry = target.length > 0 && fallback === undefined;
  const consequence = recordEntry
    ? 'this entry is ignored'
    : `using the default${target.length < path.length ? ` ${formatPath(target)}` : ''} (${JSON.stringify(fallback)})`;
  const node: Node | null =
    typeof path[path.length - 1] === 'number'
      ? (located.value ?? located.key)
      : (located.key ?? located.value);
  let problem: string;
  if (issue.code === 'custom') problem = issue.message;
  else if (issue.code === 'too_big' && typeof issue.maximum === 'number' && Array.isArray(got))
    problem = `expected at most ${issue.maximum} entries, got ${describeValue(got)}`;
  else if (issue.code === 'too_big' && typeof issue.maximum === 'number' && typeof got === 'string')
    problem = `expected at most ${issue.maximum} characters, got a longer string`;
  else {
    const kind =
      typeof got === 'number' && issue.code !== 'invalid_type'
        ? 'a number outside that range'
        : describeValue(got);
    problem = `expected ${describeSchema(schemaAt(path))}, got ${kind}`;
  }
  return diag(
    at(node?.range?.[0]),
    'config-invalid',
    `${formatPath(path) || '(top level)'}: ${problem}; ${consequence}.`,
  );
}

/** Warns about `rules:` keys that name no rule, which would otherwise be silently ignored. */
function unknownRules(
  config: Config,
  known: KnownRules,
  index: YamlIndex,
  at: (offset: number | undefined) => Position,
  diag: Diag,
): Diagnostic[] {
  const ids = new Set(known.ids);
  return Object.keys(config.rules)
    .filter((id) => !ids.has(id) && !known.prefixes.some((p) => id.startsWith(p)))
    .map((id) => {
      const located = index.locate(['rules', id]);
      const suggestion = isShownKey(id) ? closest(id, known.ids) : null;
      return diag(
        at(located.key?.range?.[0]),
        'config-unknown-rule',
        `${formatPath(['rules', id])}: no rule has this id${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known rules: ${known.ids.join(', ')}.`,
        'warning',
      );
    });
}

/** Key paths in `data` that the schema does not define (zod strips nested ones silently). */
function unknownKeys(data: unknown, path: KeyPath): KeyPath[] {
  const found: KeyPath[] = [];
  const stack: Array<{ data: unknown; path: KeyPath }> = [{ data, path }];
  while (stack.length > 0) {
    const { data: here, path: where } = stack.pop() as { data: unknown; path: KeyPath };
    if (!isPlainObject(here)) continue;
    const node = schemaAt(where);
    if (node?.type !== 'object') continue;
    for (const key of Object.keys(here)) {
      const known = node.properties !== undefined && Object.hasOwn(node.properties, key);
      if (!known && typeof node.additionalProperties !== 'object') found.push([...where, key]);
      else stack.push({ data: here[key], path: [...where, key] });
    }
  }
  return found;
}

/** The path to reset when the value at `path` is bad: a bad list element resets the whole list. */
function fallbackPath(path: KeyPath): KeyPath {
  const firstIndex = path.findIndex((p) => typeof p === 'number');
  return firstIndex === -1 ? path : path.slice(0, firstIndex);
}

function valueAt(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function removeAt(root: Record<string, unknown>, path: KeyPath): void {
  if (path.length === 0) return;
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === 'object' && last !== undefined) {
    delete (parent as Record<string | number, unknown>)[last];
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map);
}

function sortByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The candidate nearest to `word` by edit distance, when it is a plausible typo. */
function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10 || a.length > 100 || b.length > 100) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? Infinity;
}
