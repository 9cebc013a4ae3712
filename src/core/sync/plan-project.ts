import type { Config } from '../config/schema.js';
import type { ProjectField, ProjectItem, ProjectRef } from '../ports/port.js';
import type { PlanningOperation } from './sync-operation.js';

/** One project field and the value an item wants in it (`shown`: the option name or date, for logs). */
export interface ProjectFieldChange {
  fieldId: number;
  name: string;
  value: string | null;
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
}

const TODO_NAMES = ['todo', 'to do', 'backlog'];

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Finds the configured Due (date), Status and Severity (single select) fields among the project's, by name. */
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
  };
  const kept = [targets.due, targets.status, targets.severity].flatMap((f) =>
    f ? [`"${f.name}"`] : [],
  );
  const note = `project ${project.owner}#${project.number}: every item's issue is an item${kept.length > 0 ? `; keeping ${kept.join(', ')} in step` : `; it has no "${project.dueField}" date field, "${project.statusField}" or "${project.severityField}" single select to fill`}`;
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
 * Todo option, done → Done) and its severity (when an option has that name): one update per item
 * whose values differ. A removed due date is cleared.
 */
export function planProjectFields(
  targets: readonly ProjectTarget[],
  fields: ProjectTargets,
  project: ProjectRef,
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
      // A due date changed on the project while the post-mortem did not change: say so, the post-mortem wins.
      const drift = date && now !== null && value !== null && t.bodyInStep === true;
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
