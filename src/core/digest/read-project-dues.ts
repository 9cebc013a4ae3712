import type { Config } from '../config/schema.js';
import { httpStatus } from '../ports/http-status.js';
import type { IssuesPort } from '../ports/port.js';
import { isCalendarDate } from '../text/calendar-date.js';
import { errorMessage } from '../text/error-message.js';
import { resolveProjectFields } from '../sync/plan-project.js';
import { projectRef } from '../sync/project-ref.js';

/** The project's due dates by issue database id (null: the item has none), or why none were read. */
export type ProjectDues =
  { dues: Map<number, string | null>; note: null } | { dues: null; note: string | null };

/**
 * Reads the due date each issue holds in the `planning.project` project's due-date field: the
 * fields once, then one listing of the items (paginated) with that field only. Nothing is read
 * without a project or a due-date field; a project that cannot be read gives a note, not an error.
 */
export async function readProjectDues(port: IssuesPort, config: Config): Promise<ProjectDues> {
  const project = config.planning.project;
  if (project === null || project.dueField === '') return { dues: null, note: null };
  const ref = projectRef(project);
  if (port.listProjectFields === undefined || port.listProjectItems === undefined)
    return { dues: null, note: null };
  try {
    // Found as sync finds it, so the digest compares the field sync keeps in step.
    const field = resolveProjectFields(await port.listProjectFields(ref), project).targets.due;
    if (field === null)
      return {
        dues: null,
        note: `project ${ref.owner}#${ref.number} has no date field "${project.dueField}": its due dates are not compared`,
      };
    const dues = new Map<number, string | null>();
    for (const item of await port.listProjectItems(ref, [field.id])) {
      const value = item.values[field.id]?.slice(0, 10) ?? null;
      dues.set(item.issueId, value !== null && isCalendarDate(value) ? value : null);
    }
    return { dues, note: null };
  } catch (error: unknown) {
    const status = httpStatus(error);
    return {
      dues: null,
      note: `project ${ref.owner}#${ref.number} not read (${status === null ? errorMessage(error) : `HTTP ${status}`}): its due dates are not compared`,
    };
  }
}
