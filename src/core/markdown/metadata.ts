import { parse as parseYaml } from 'yaml';
import type { PostmortemField } from '../model/index.js';

/** A metadata field the parser fills from front matter or `Key: value` lines: every recorded field, plus the incident's start and end. */
export type MetaField = PostmortemField | 'start' | 'end';

const KEYS: ReadonlyArray<[MetaField, RegExp]> = [
  ['title', /^(?:title|incident title|name|incident name|titulo)$/],
  [
    'publishedDate',
    /^(?:published|date published|published date|published at|publish date|postmortem date|post mortem date|written|date written|report date|last modified|created)$/,
  ],
  [
    'incidentDate',
    /^(?:date|incident date|date of incident|incident date time|date time|data|data hora|fecha|day|when|occurred|occurred at|date of the incident)$/,
  ],
  [
    'start',
    /^(?:start|started|start date|start time|start date time|detected|begin|began|incident start)$/,
  ],
  ['end', /^(?:end|ended|end date|end time|end date time|resolved|resolved at|incident end)$/],
  [
    'severity',
    /^(?:severity|sev|severity level|incident severity|severidade|level|priority|impact level)$/,
  ],
  ['status', /^(?:status|document status|state|postmortem status|incident status)$/],
  [
    'duration',
    /^(?:duration|incident duration|duracao|total duration|outage duration|downtime|time to (?:repair|resolve|recovery|recover|resolution))$/,
  ],
  ['impact', /^(?:impact|user impact|customer impact|impacto)$/],
  [
    'services',
    /^(?:services?|affected services?|systems?|affected systems?|components?|products?|affected components?|product)$/,
  ],
  ['tags', /^(?:tags?|labels?|categories|keywords)$/],
  ['authors', /^(?:authors?|written by|owners?|team|by|autor(?:es)?|created by)$/],
  ['rootCause', /^(?:root causes?|cause of incident)$/],
  [
    'rootCauseCategory',
    /^(?:root cause category|cause category|category|cause|root cause type|failure category|incident category|cause type)$/,
  ],
];

/** Maps a metadata key as written (`Date of incident`, `root_cause_category`) to a field, or null. */
export function metaField(key: string): MetaField | null {
  const norm = key
    .slice(0, 60)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<!\([^)]*?)\([^)]*\)/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (norm === '') return null;
  for (const [field, re] of KEYS) if (re.test(norm)) return field;
  return null;
}

/** Front matter read from the document, with the line each top-level key sits on. */
export interface FrontMatter {
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
  error: string | null;
}

function parseToml(source: string): Record<string, unknown> {
  // Only flat `key = value` pairs: that is all post-mortem front matter uses.
  const data: Record<string, unknown> = {};
  for (const line of source.split('\n')) {
    const m = /^\s*([A-Za-z0-9_.-]{1,60})\s*=\s*(.*?)\s*$/.exec(line.slice(0, 2000));
    if (!m?.[1]) continue;
    const raw = m[2] ?? '';
    let value: unknown = raw;
    if (/^".*"$|^'.*'$/.test(raw)) value = raw.slice(1, -1);
    else if (/^\[.*\]$/.test(raw))
      value = raw
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim().replace(/^["']|["']$/g, ''))
        .filter((s) => s !== '');
    else if (/^-?\d+(?:\.\d+)?$/.test(raw)) value = Number(raw);
    else if (raw === 'true' || raw === 'false') value = raw === 'true';
    data[m[1]] = value;
  }
  return data;
}

/** Parses YAML or TOML front matter; `firstLine` is the line of the content's first line. */
export function readFrontMatter(
  kind: 'yaml' | 'toml',
  source: string,
  firstLine: number,
): FrontMatter {
  const keyLines: Record<string, number> = {};
  source.split('\n').forEach((line, i) => {
    const m = /^([A-Za-z0-9_][\w .-]{0,60}?)(?<! )\s*[:=]/.exec(line);
    if (m?.[1] && !(m[1] in keyLines)) keyLines[m[1]] = firstLine + i;
  });
  if (kind === 'toml') return { data: parseToml(source), keyLines, error: null };
  try {
    // The `yaml` package parses timestamps as strings in its default (core) schema.
    const value: unknown = parseYaml(source, {
      prettyErrors: false,
      uniqueKeys: false,
      maxAliasCount: 100,
    });
    if (value === null || value === undefined) return { data: {}, keyLines, error: null };
    if (typeof value !== 'object' || Array.isArray(value))
      return { data: {}, keyLines, error: 'front matter is not a mapping of keys to values' };
    return { data: value as Record<string, unknown>, keyLines, error: null };
  } catch (error) {
    return {
      data: {},
      keyLines,
      error: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    };
  }
}

/** Flattens a front-matter value to a display string (`[a, b]` → `a, b`; `{name: x}` → `x`). */
export function metaString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(metaString).filter((s): s is string => s !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return metaString(o.name ?? o.login ?? o.title ?? o.value ?? null);
  }
  return null;
}

/** Flattens a front-matter or inline value into a list (`a, b`, `[a, b]`, `- a`). */
export function metaList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(metaString).filter((s): s is string => s !== null);
  const s = metaString(value);
  if (s === null) return [];
  return s
    .split(/(?:(?<!\s)\s+)?(?:,|;|\band\b|&|\n)\s*/)
    .flatMap((p) => (/^@\S+(?:\s+@\S+)+$/.test(p.trim()) ? p.trim().split(/\s+/) : [p.trim()]))
    .filter((p) => p !== '' && p.length <= 80);
}
