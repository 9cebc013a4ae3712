import type { Config, FieldSource } from '../config/schema.js';
import type { IssueFieldDefinition, IssueFieldValue } from '../ports/port.js';
import type { SourceValue } from './field-source-value.js';
import { fitFieldValue, sameFieldValue } from './fit-field-value.js';
import type { PlanningOperation } from './sync-operation.js';

/** One organisation issue field and the value an item wants in it. */
export interface FieldChange {
  fieldId: number;
  name: string;
  /** `YYYY-MM-DD` for a date field, the option's exact name for a single select, text or a number. */
  value: string | number;
  /** The value found on GitHub when someone changed it there (the post-mortem did not change): it is set back. */
  replaces?: string;
}

/** The organisation's issue fields sync keeps in step, found by their configured names. */
export interface IssueFieldTargets {
  due: IssueFieldDefinition | null;
  severity: IssueFieldDefinition | null;
  /** The fields `planning.fields` maps, found by name, and what each is filled from. */
  mapped: Array<{ field: IssueFieldDefinition; source: FieldSource }>;
}

/** An item's issue, as planning its fields needs it. */
export interface FieldTarget {
  id: string;
  path: string;
  /** Null for an issue the plan has yet to create. */
  number: number | null;
  /** `YYYY-MM-DD`, or null when the item has no due date. */
  due: string | null;
  /** The post-mortem's severity as written, or null. */
  severity: string | null;
  current: readonly IssueFieldValue[];
  /** True when the post-mortem did not change the item in this run (see `ItemIssue.bodyInStep`). */
  bodyInStep?: boolean;
  /** The item's value of each source a mapped field names (absent: the item has none). */
  sources?: Partial<Record<FieldSource, SourceValue>>;
}

/**
 * Finds the configured due-date (a `date` field), severity (a `single_select`) and mapped
 * (`planning.fields`, any type) fields among the organisation's, by name, case-insensitively;
 * `note` says in one line what is kept in step and which mapped name no field has.
 */
export function resolveIssueFields(
  defs: readonly IssueFieldDefinition[],
  config: Config,
): { targets: IssueFieldTargets; note: string } {
  const same = (d: IssueFieldDefinition, name: string) =>
    d.name.toLowerCase() === name.trim().toLowerCase();
  const byName = (name: string, type: IssueFieldDefinition['dataType']) =>
    name === '' ? null : (defs.find((d) => d.dataType === type && same(d, name)) ?? null);
  const due = byName(config.planning.dueDateField, 'date');
  const severity = byName(config.planning.severityField, 'single_select');
  const mapped: IssueFieldTargets['mapped'] = [];
  const missing: string[] = [];
  for (const [name, source] of Object.entries(config.planning.fields)) {
    const field = defs.find((d) => same(d, name));
    if (field === undefined) missing.push(`"${name}"`);
    // A field the due-date or severity setting already fills is kept by that setting.
    else if (
      field.id !== due?.id &&
      field.id !== severity?.id &&
      !mapped.some((m) => m.field.id === field.id)
    )
      mapped.push({ field, source });
  }
  const targets = { due, severity, mapped };
  const kept = [due, severity, ...mapped.map((m) => m.field)].flatMap((f) =>
    f ? [`"${f.name}"`] : [],
  );
  const absent = missing.length > 0 ? `; no issue field named ${missing.join(', ')}` : '';
  const note =
    kept.length > 0
      ? `issue fields: keeping ${joinAnd(kept)} in step with the post-mortems${absent}`
      : `issue fields: the organisation has no date field "${config.planning.dueDateField}"${config.planning.severityField === '' ? '' : ` nor single-select field "${config.planning.severityField}"`}${absent}; due dates stay in the issue body only`;
  return { targets, note };
}

function joinAnd(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * Plans the issue field writes that make each item's issue carry its due date, severity and mapped
 * values: one `set-fields` per issue whose values differ (all fields in one request), a
 * `clear-field` when the item's due date was removed. A severity no option is named after is left
 * as it is; a mapped value that does not fit its field is a `field-value-unfit` skip.
 */
export function planIssueFields(
  items: readonly FieldTarget[],
  fields: IssueFieldTargets,
  /** Keep a due date changed on GitHub (`planning.dueDateSource: github`) instead of setting it back. */
  keepGitHubDue = false,
): PlanningOperation[] {
  const ops: PlanningOperation[] = [];
  for (const item of items) {
    const base = { id: item.id, path: item.path };
    const set: FieldChange[] = [];
    const due = fields.due;
    if (due !== null) {
      const current = valueOf(item.current, due.id);
      const drifted =
        item.due !== null &&
        current !== null &&
        String(current).slice(0, 10) !== item.due &&
        item.bodyInStep === true;
      if (drifted && keepGitHubDue)
        ops.push({
          kind: 'skip',
          ...base,
          number: item.number,
          reason: 'due-changed-on-github',
          detail: `${due.name} is ${String(current).slice(0, 10)} on GitHub, the post-mortem says ${item.due ?? ''}: GitHub's is kept (planning.dueDateSource: github)`,
        });
      else if (item.due !== null && (current === null || String(current).slice(0, 10) !== item.due))
        set.push({
          fieldId: due.id,
          name: due.name,
          value: item.due,
          // The post-mortem and GitHub disagree: say so, and the post-mortem wins.
          ...(current !== null && item.bodyInStep === true
            ? { replaces: String(current).slice(0, 10) }
            : {}),
        });
      if (item.due === null && current !== null && item.number !== null)
        ops.push({
          kind: 'clear-field',
          ...base,
          number: item.number,
          field: { fieldId: due.id, name: due.name, value: '' },
        });
    }
    const severity = fields.severity;
    const option =
      severity === null || item.severity === null
        ? undefined
        : severity.options.find((o) => o.toLowerCase() === item.severity?.trim().toLowerCase());
    if (severity !== null && option !== undefined) {
      const current = valueOf(item.current, severity.id);
      if (current === null || String(current).toLowerCase() !== option.toLowerCase())
        set.push({ fieldId: severity.id, name: severity.name, value: option });
    }
    for (const { field, source } of fields.mapped) {
      const wanted = item.sources?.[source];
      if (wanted === undefined) continue;
      const fitted = fitFieldValue(field, wanted);
      if (fitted.unfit !== undefined) {
        ops.push({
          kind: 'skip',
          ...base,
          number: item.number,
          reason: 'field-value-unfit',
          detail: `${field.name}: ${fitted.unfit}`,
        });
        continue;
      }
      if (!sameFieldValue(field.dataType, valueOf(item.current, field.id), fitted.value))
        set.push({ fieldId: field.id, name: field.name, value: fitted.value });
    }
    if (set.length > 0) ops.push({ kind: 'set-fields', ...base, number: item.number, fields: set });
  }
  return ops;
}

function valueOf(values: readonly IssueFieldValue[], fieldId: number): string | number | null {
  const found = values.find((v) => v.fieldId === fieldId);
  return found === undefined || found.value === '' ? null : found.value;
}
