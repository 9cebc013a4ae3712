import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../model/index.js';
import { externalRulePrefixes, lintRules } from '../lint/registry.js';
import { describeSchema, schemaAt } from './describe-expected.js';
import { configSchema, defaultConfig, type Config } from './schema.js';
import { errorMessage } from '../text/error-message.js';
import { truncate } from '../text/truncate.js';

/** The result of reading a config file: the config to use and what was wrong with the file. */
export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
}

type Path = ReadonlyArray<string | number>;

/**
 * Reads `.github/postmortem-tracker.yml` text (null: no file) into a validated config.
 * Every problem is an error diagnostic with the line, column and key path at fault; bad
 * values fall back to their defaults, and the diagnostic says so.
 */
export function loadConfig(text: string | null, file: string): LoadedConfig {
  if (text === null || text.trim() === '') return { config: defaultConfig, diagnostics: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const diag = (
    pos: { line: number; column: number },
    rule: string,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): Diagnostic => ({
    file,
    ...pos,
    severity,
    rule,
    message,
  });

  if (doc.errors.length > 0) {
    return {
      config: defaultConfig,
      diagnostics: doc.errors.map((e) =>
        diag(
          at(e.pos[0]),
          'config-syntax',
          `${firstLine(e.message)}; fix the YAML syntax — until then every setting uses its default.`,
        ),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const cause = errorMessage(error);
    return {
      config: defaultConfig,
      diagnostics: [
        diag({ line: 1, column: 1 }, 'config-syntax', `${cause}; every setting uses its default.`),
      ],
    };
  }
  if (data === null || data === undefined) return { config: defaultConfig, diagnostics: [] };
  if (!isPlainObject(data)) {
    const pos = at(doc.contents?.range?.[0]);
    return {
      config: defaultConfig,
      diagnostics: [
        diag(
          pos,
          'config-invalid',
          `expected a mapping of settings (key: value lines), got ${show(data)}; every setting uses its default.`,
        ),
      ],
    };
  }

  const diagnostics: Diagnostic[] = [];
  const working: Record<string, unknown> = structuredClone(data);
  for (const path of unknownKeys(working, [])) {
    const parent = path.slice(0, -1);
    const key = String(path[path.length - 1]);
    const located = locate(doc.contents, path);
    const suggestion = closest(key, Object.keys(schemaAt(parent)?.properties ?? {}));
    const where = parent.length === 0 ? 'at the top level' : `in ${formatPath(parent)}`;
    diagnostics.push(
      diag(
        at(located.key?.range?.[0] ?? located.value?.range?.[0]),
        'config-unknown-key',
        `${formatPath(path)}: unknown key ${where}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; it is ignored — fix or remove it.`,
      ),
    );
    removeAt(working, path);
  }
  for (let round = 0; round < 50; round++) {
    const result = configSchema.safeParse(working);
    if (result.success) {
      diagnostics.push(...unknownRules(result.data, doc, at, diag));
      return { config: result.data, diagnostics: sortByLine(diagnostics) };
    }
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) removeAt(working, [...path, key]);
        continue;
      }
      const target = fallbackPath(path);
      const located = locate(doc.contents, path);
      const got = valueAt(working, path);
      const fallback = valueAt(defaultConfig, target);
      const recordEntry = target.length > 0 && fallback === undefined;
      const consequence = recordEntry
        ? 'this entry is ignored'
        : `using the default${target.length < path.length ? ` ${formatPath(target)}` : ''} (${JSON.stringify(fallback)})`;
      diagnostics.push(
        diag(
          at(
            typeof path[path.length - 1] === 'number'
              ? (located.value?.range?.[0] ?? located.key?.range?.[0])
              : (located.key?.range?.[0] ?? located.value?.range?.[0]),
          ),
          'config-invalid',
          `${formatPath(path) || '(top level)'}: expected ${describeSchema(schemaAt(path))}, got ${show(got)}; ${consequence}.`,
        ),
      );
      removeAt(working, target);
    }
  }
  return {
    config: defaultConfig,
    diagnostics: [
      ...sortByLine(diagnostics),
      diag(
        { line: 1, column: 1 },
        'config-invalid',
        'the config could not be repaired; every setting uses its default.',
      ),
    ],
  };
}

/** Warns about `rules:` keys that name no rule, which would otherwise be silently ignored. */
function unknownRules(
  config: Config,
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number | undefined) => { line: number; column: number },
  diag: (
    pos: { line: number; column: number },
    rule: string,
    message: string,
    severity?: 'error' | 'warning',
  ) => Diagnostic,
): Diagnostic[] {
  const ids = lintRules.map((r) => r.id);
  return Object.keys(config.rules)
    .filter((id) => !ids.includes(id) && !externalRulePrefixes.some((p) => id.startsWith(p)))
    .map((id) => {
      const located = locate(doc.contents, ['rules', id]);
      const suggestion = closest(id, ids);
      return diag(
        at(located.key?.range?.[0]),
        'config-unknown-rule',
        `rules.${id}: no rule has this id${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known rules: ${ids.join(', ')}.`,
        'warning',
      );
    });
}

/** Key paths in `data` that the schema does not define (zod strips nested ones silently). */
function unknownKeys(data: unknown, path: Path): Path[] {
  if (!isPlainObject(data)) return [];
  const node = schemaAt(path);
  if (node?.type !== 'object') return [];
  const found: Path[] = [];
  for (const key of Object.keys(data)) {
    const known = node.properties !== undefined && key in node.properties;
    if (!known && typeof node.additionalProperties !== 'object') found.push([...path, key]);
    else found.push(...unknownKeys(data[key], [...path, key]));
  }
  return found;
}

/** `sync.maxWrites`, `labels.extra[1]`. */
function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The path to reset when the value at `path` is bad: a bad list element resets the whole list. */
function fallbackPath(path: Path): Path {
  const firstIndex = path.findIndex((p) => typeof p === 'number');
  return firstIndex === -1 ? path : path.slice(0, firstIndex);
}

/** Finds the YAML key and value nodes at a key path (as deep as the document goes). */
function locate(root: unknown, path: Path): { key: Node | null; value: Node | null } {
  let key: Node | null = null;
  let value: Node | null = (root as Node | null) ?? null;
  for (const seg of path) {
    if (isMap(value)) {
      const pair = value.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      key = pair.key as Node;
      value = (pair.value as Node | null) ?? null;
      if (value === null) break;
    } else if (isSeq(value) && typeof seg === 'number') {
      const item = value.items[seg] as Node | undefined;
      if (!item) break;
      value = item;
    } else {
      break;
    }
  }
  return { key, value };
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function removeAt(root: Record<string, unknown>, path: Path): void {
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

/** Shows a bad value the way it was written, shortened. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value) && value.length === 0) return 'an empty list';
  const json = JSON.stringify(value) ?? String(value);
  return truncate(json, 60);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
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
