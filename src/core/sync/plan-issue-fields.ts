import type { Config } from '../config/schema.js';
import type { IssueFieldDefinition, IssueFieldValue } from '../ports/port.js';
import type { PlanningOperation } from './sync-operation.js';

/** One organisation issue field and the value an item wants in it. */
export interface FieldChange {
  fieldId: number;
  name: string;
  /** `YYYY-MM-DD` for a date field, the option's exact name for a single select. */
  value: string;
  /** The value found on GitHub when someone changed it there (the post-mortem did not change): it is set back. */
  replaces?: string;
}

/** The organisation's issue fields sync keeps in step, found by their configured names. */
export interface IssueFieldTargets {
  due: IssueFieldDefinition | null;
  severity: IssueFieldDefinition | null;
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
}

/**
 * Finds the configured due-date (a `date` field) and severity (a `single_select`) fields among the
 * organisation's, by name, case-insensitively; `note` says in one line what is kept in step.
 */
export function resolveIssueFields(
  defs: readonly IssueFieldDefinition[],
  config: Config,
): { targets: IssueFieldTargets; note: string } {
  const byName = (name: string, type: IssueFieldDefinition['dataType']) =>
    name === ''
      ? null
      : (defs.find((d) => d.dataType === type && d.name.toLowerCase() === name.toLowerCase()) ??
        null);
  const targets = {
    due: byName(config.planning.dueDateField, 'date'),
    severity: byName(config.planning.severityField, 'single_select'),
  };
  const kept = [targets.due, targets.severity].flatMap((f) => (f ? [`"${f.name}"`] : []));
  const note =
    kept.length > 0
      ? `issue fields: keeping ${kept.join(' and ')} in step with the post-mortems`
      : `issue fields: the organisation has no date field "${config.planning.dueDateField}"${config.planning.severityField === '' ? '' : ` nor single-select field "${config.planning.severityField}"`}; due dates stay in the issue body only`;
  return { targets, note };
}

/**
 * Plans the issue field writes that make each item's issue carry its due date and severity: one
 * `set-fields` per issue whose values differ (both fields in one request), a `clear-field` when
 * the item's due date was removed. A severity no option is named after is left as it is.
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
    if (set.length > 0) ops.push({ kind: 'set-fields', ...base, number: item.number, fields: set });
  }
  return ops;
}

function valueOf(values: readonly IssueFieldValue[], fieldId: number): string | number | null {
  const found = values.find((v) => v.fieldId === fieldId);
  return found === undefined || found.value === '' ? null : found.value;
}
