import type { Config, FieldSource } from '../config/schema.js';
import type { ProjectField, ProjectItem, ProjectRef } from '../ports/port.js';
import type { SourceValue } from './field-source-value.js';
import { fitFieldValue, sameFieldValue } from './fit-field-value.js';
import type { PlanningOperation } from './sync-operation.js';

/** One project field and the value an item wants in it (`shown`: the option name or date, for logs). */
export interface ProjectFieldChange {
  fieldId: number;
  name: string;
  /** A date, an option id, text or a number; null clears. */
  value: string | number | null;
  shown: string;
  /** The due date found on the project item when someone changed it there: it is set back. */
  replaces?: string;
}

/** The project's fields sync keeps in step, found by name, with the Status options it uses. */
export interface ProjectTargets {
  due: ProjectField | null;
  status: ProjectField | null;
  /** The option an open item gets: the first of Todo, To do, Backlog that exists. */
  todo: { id: string; name: string } | null;
  done: { id: string; name: string } | null;
  severity: ProjectField | null;
  /** The fields `planning.project.fields` maps, found by name, and what each is filled from. */
  mapped: Array<{ field: ProjectField; source: FieldSource }>;
}

/** An item's own issue and where it stands in the project. */
export interface ProjectTarget {
  id: string;
  path: string;
  /** Null for an issue a dry run would create. */
  number: number | null;
  /** The issue's project item; null when it is not in the project yet (or a dry run adds it). */
  item: ProjectItem | null;
  /** Item id of an item added in this run (null in a dry run). */
  addedItemId: number | null;
  due: string | null;
  status: 'open' | 'done';
  severity: string | null;
  /** True when the post-mortem did not change the item in this run (see `ItemIssue.bodyInStep`). */
  bodyInStep?: boolean;
  /** The item's value of each source a mapped field names (absent: the item has none). */
  sources?: Partial<Record<FieldSource, SourceValue>>;
}

const TODO_NAMES = ['todo', 'to do', 'backlog'];

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Finds the configured Due (date), Status and Severity (single select) and mapped fields among the project's, by name. */
export function resolveProjectFields(
  fields: readonly ProjectField[],
  project: NonNullable<Config['planning']['project']>,
): { targets: ProjectTargets; note: string } {
  const find = (name: string, type: string) =>
    name === '' ? null : (fields.find((f) => f.dataType === type && same(f.name, name)) ?? null);
  const status = find(project.statusField, 'single_select');
  const options = status?.options ?? [];
  const targets: ProjectTargets = {
    due: find(project.dueField, 'date'),
    status,
    todo:
      TODO_NAMES.map((n) => options.find((o) => same(o.name, n))).find((o) => o !== undefined) ??
      null,
    done: options.find((o) => same(o.name, 'done')) ?? null,
    severity: find(project.severityField, 'single_select'),
    mapped: [],
  };
  const taken = new Set([targets.due, targets.status, targets.severity].map((f) => f?.id));
  const missing: string[] = [];
  for (const [name, source] of Object.entries(project.fields)) {
    const field = fields.find((f) => same(f.name, name));
    if (field === undefined) missing.push(`"${name}"`);
    // A field the Due, Status or Severity setting already fills is kept by that setting.
    else if (!taken.has(field.id)) {
      taken.add(field.id);
      targets.mapped.push({ field, source });
    }
  }
  const kept = [
    targets.due,
    targets.status,
    targets.severity,
    ...targets.mapped.map((m) => m.field),
  ].flatMap((f) => (f ? [`"${f.name}"`] : []));
  const absent = missing.length > 0 ? `; no project field named ${missing.join(', ')}` : '';
  const note = `project ${project.owner}#${project.number}: every item's issue is an item${kept.length > 0 ? `; keeping ${kept.join(', ')} in step` : `; it has no "${project.dueField}" date field, "${project.statusField}" or "${project.severityField}" single select to fill`}${absent}`;
  return { targets, note };
}

/** Plans adding each item's issue that is not in the project yet. */
export function planProjectItems(
  targets: readonly ProjectTarget[],
  project: ProjectRef,
): PlanningOperation[] {
  return targets.flatMap((t) =>
    t.item === null
      ? [{ kind: 'add-project-item' as const, id: t.id, path: t.path, number: t.number, project }]
      : [],
  );
}

/**
 * Plans the project field writes that make each item carry its due date, its status (open → the
 * Todo option, done → Done), its severity (when an option has that name) and its mapped values:
 * one update per item whose values differ. A removed due date is cleared; a mapped value that does
 * not fit its field is a `field-value-unfit` skip.
 */
export function planProjectFields(
  targets: readonly ProjectTarget[],
  fields: ProjectTargets,
  project: ProjectRef,
  /** Keep a Due changed on the project (`planning.dueDateSource: github`) instead of setting it back. */
  keepGitHubDue = false,
): PlanningOperation[] {
  const ops: PlanningOperation[] = [];
  for (const t of targets) {
    const current = t.item?.values ?? {};
    const changes: ProjectFieldChange[] = [];
    const want = (
      field: ProjectField | null,
      value: string | null,
      shown: string,
      date = false,
    ) => {
      if (field === null) return;
      const now = current[field.id] ?? null;
      const differs = value === null ? now !== null : now === null || now.slice(0, 10) !== value;
      if (!differs) return;
      // A due date changed on the project while the post-mortem did not change: say so, and the
      // post-mortem wins unless the config says GitHub does.
      const drift = date && now !== null && value !== null && t.bodyInStep === true;
      if (drift && keepGitHubDue) {
        ops.push({
          kind: 'skip',
          id: t.id,
          path: t.path,
          number: t.number,
          reason: 'due-changed-on-github',
          detail: `${field.name} is ${now.slice(0, 10)} on the project, the post-mortem says ${value}: the project's is kept (planning.dueDateSource: github)`,
        });
        return;
      }
      changes.push({
        fieldId: field.id,
        name: field.name,
        value,
        shown,
        ...(drift ? { replaces: now.slice(0, 10) } : {}),
      });
    };
    want(fields.due, t.due, t.due ?? 'none', true);
    const status = t.status === 'done' ? fields.done : fields.todo;
    if (status !== null) want(fields.status, status.id, status.name);
    const severity =
      t.severity === null
        ? undefined
        : fields.severity?.options.find((o) => same(o.name, t.severity ?? ''));
    if (severity !== undefined) want(fields.severity, severity.id, severity.name);
    for (const { field, source } of fields.mapped) {
      const wanted = t.sources?.[source];
      if (wanted === undefined) continue;
      const fitted = fitFieldValue({ ...field, options: field.options.map((o) => o.name) }, wanted);
      if (fitted.unfit !== undefined) {
        ops.push({
          kind: 'skip',
          id: t.id,
          path: t.path,
          number: t.number,
          reason: 'field-value-unfit',
          detail: `${field.name}: ${fitted.unfit}`,
        });
        continue;
      }
      const option = field.options.find((o) => o.name === fitted.value);
      const value = option?.id ?? fitted.value;
      const now = current[field.id] ?? null;
      if (option !== undefined ? now !== option.id : !sameFieldValue(field.dataType, now, value))
        changes.push({ fieldId: field.id, name: field.name, value, shown: String(fitted.value) });
    }
    if (changes.length === 0) continue;
    ops.push({
      kind: 'update-project-item',
      id: t.id,
      path: t.path,
      number: t.number,
      itemId: t.item?.id ?? t.addedItemId,
      project,
      fields: changes,
    });
  }
  return ops;
}
