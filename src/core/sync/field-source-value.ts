import type { FieldSource } from '../config/schema.js';
import type { ActionItem, Postmortem } from '../model/index.js';
import type { DesiredIssue } from './desired-issue.js';

/** A mapped field's source value, in each form a field type may take it. */
export interface SourceValue {
  /** The value as text (a list joined by `, `), for a text field and for logs. */
  text: string;
  /** Option names a single select may take, best first. */
  options: string[];
  /** `YYYY-MM-DD` when the source is a date, else null. */
  date: string | null;
  /** The number when the source is numeric, else null. */
  number: number | null;
}

/** What a source is read from: the item, its post-mortem and the issue sync wants for it. */
export interface SourceContext {
  postmortem: Postmortem;
  item: ActionItem;
  desired: DesiredIssue;
}

/** The value `source` has for one item, or null when the item or its post-mortem has none. */
export function fieldSourceValue(source: FieldSource, ctx: SourceContext): SourceValue | null {
  const { postmortem: pm, item, desired } = ctx;
  switch (source) {
    case 'owner':
      return desired.owner === null
        ? null
        : text(desired.owner, [desired.owner, desired.owner.replace(/^@/, '')]);
    case 'ownerTeam': {
      if (desired.ownerKind !== 'team' || desired.owner === null) return null;
      const slug = desired.owner.replace(/^@/, '');
      return text(desired.owner, [desired.owner, slug, slug.slice(slug.indexOf('/') + 1)]);
    }
    case 'services':
      return list(pm.services);
    case 'tags':
      return list(pm.tags);
    case 'incidentDate':
      return pm.incidentDate === null ? null : date(pm.incidentDate);
    case 'due':
      return desired.due === null ? null : date(desired.due);
    case 'severity':
      return optional(pm.severity);
    case 'priority':
      return optional(item.priority);
    case 'type':
      return optional(item.type);
    case 'postmortemTitle':
      return optional(pm.title);
    case 'postmortemFile':
      return text(pm.path, [pm.path]);
    case 'durationMinutes':
      return pm.durationMinutes === null
        ? null
        : { ...text(String(pm.durationMinutes), []), number: pm.durationMinutes };
    case 'rootCauseCategory':
      return optional(pm.rootCauseCategory);
  }
}

function text(value: string, options: string[]): SourceValue {
  const number = /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  return { text: value, options, date: null, number };
}

function optional(value: string | null): SourceValue | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : text(trimmed, [trimmed]);
}

function list(values: readonly string[]): SourceValue | null {
  const kept = values.map((v) => v.trim()).filter((v) => v !== '');
  return kept.length === 0 ? null : { ...text(kept.join(', '), kept), number: null };
}

function date(value: string): SourceValue {
  return { text: value, options: [value], date: value, number: null };
}

/** Each item's values of `sources`, by item id (the first item with an id wins, as the issue plan's). */
export function sourceValuesById(
  postmortems: readonly Postmortem[],
  desired: readonly DesiredIssue[],
  sources: readonly FieldSource[],
): Map<string, Partial<Record<FieldSource, SourceValue>>> {
  const out = new Map<string, Partial<Record<FieldSource, SourceValue>>>();
  if (sources.length === 0) return out;
  const wanted = new Map<string, DesiredIssue>();
  for (const d of desired) if (!wanted.has(d.id)) wanted.set(d.id, d);
  for (const postmortem of postmortems)
    for (const item of postmortem.actionItems) {
      const d = wanted.get(item.id);
      if (d === undefined || d.path !== postmortem.path || out.has(item.id)) continue;
      const values: Partial<Record<FieldSource, SourceValue>> = {};
      for (const source of sources) {
        const value = fieldSourceValue(source, { postmortem, item, desired: d });
        if (value !== null) values[source] = value;
      }
      out.set(item.id, values);
    }
  return out;
}
