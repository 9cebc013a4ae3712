/**
 * The stand-in's GitHub-native planning state: organisation issue fields and the values issues
 * hold in them. Kept beside the core state (one per `StandInState`) so seeding stays plain data.
 */
import type { IssueState, RepoState, StandInState } from './stand-in-state.js';
import { nextId } from './stand-in-state.js';

/** An organisation issue field. */
export interface IssueFieldState {
  id: number;
  name: string;
  data_type: 'text' | 'date' | 'single_select' | 'multi_select' | 'number';
  options: Array<{ id: number; name: string; color: string }>;
}

/** Issue fields per organisation and their values per issue. */
export interface PlanningState {
  /** Lower-case org login → its issue fields (an org absent here answers 404, as a user account does). */
  issueFields: Map<string, IssueFieldState[]>;
  /** Orgs whose issue fields the token may not read (403). */
  refused: Set<string>;
  /** Issue database id → field id → value (option name for a single select). */
  values: Map<number, Map<number, string | number>>;
  /** Parent issue database id → its sub-issues' database ids, in order. */
  subIssues: Map<number, number[]>;
  /** Sub-issue database id → its parent's database id (GitHub allows one parent). */
  parentOf: Map<number, number>;
  /** `org/number` (lower case) → an organisation project; `users/login/number` → a user's. */
  projects: Map<string, ProjectState>;
}

/** A field of an organisation project. */
export interface ProjectFieldState {
  id: number;
  name: string;
  data_type: 'date' | 'single_select' | 'text' | 'number' | 'title';
  options: Array<{ id: string; name: string }>;
}

/** An issue item of a project with its field values (option id for a single select). */
export interface ProjectItemState {
  id: number;
  issueId: number;
  values: Map<number, string | number>;
  created_at: string;
  updated_at: string;
}

/** An organisation's or a user's project (Projects v2). */
export interface ProjectState {
  id: number;
  /** The owner's login (an organisation, or a user when `user` is set). */
  org: string;
  /** A user's project (`/users/{username}/projectsV2/…`) rather than an organisation's. */
  user?: boolean;
  number: number;
  fields: ProjectFieldState[];
  items: ProjectItemState[];
}

const states = new WeakMap<StandInState, PlanningState>();

/** The planning state of a stand-in's state, created empty on first use. */
export function planningState(state: StandInState): PlanningState {
  let found = states.get(state);
  if (found === undefined) {
    found = {
      issueFields: new Map(),
      refused: new Set(),
      values: new Map(),
      subIssues: new Map(),
      parentOf: new Map(),
      projects: new Map(),
    };
    states.set(state, found);
  }
  return found;
}

/** Defines issue fields for an organisation (as its admin would in the org settings). */
export function defineIssueFields(
  state: StandInState,
  org: string,
  fields: Array<{ name: string; dataType: IssueFieldState['data_type']; options?: string[] }>,
): IssueFieldState[] {
  const list = planningState(state).issueFields.get(org.toLowerCase()) ?? [];
  for (const f of fields) {
    list.push({
      id: nextId(state),
      name: f.name,
      data_type: f.dataType,
      options: (f.options ?? []).map((name) => ({ id: nextId(state), name, color: 'gray' })),
    });
  }
  planningState(state).issueFields.set(org.toLowerCase(), list);
  return list;
}

/** The issue's field values by field name (what a person sees in the issue's sidebar). */
export function issueFieldValues(
  state: StandInState,
  org: string,
  issue: IssueState,
): Record<string, string | number> {
  const fields = planningState(state).issueFields.get(org.toLowerCase()) ?? [];
  const values = planningState(state).values.get(issue.id) ?? new Map<number, string | number>();
  const out: Record<string, string | number> = {};
  for (const f of fields) {
    const v = values.get(f.id);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** The `issue_field_values` GitHub gives for an issue (its org's fields that hold a value). */
export function issueFieldValuesJson(
  ctx: { state: StandInState },
  org: string,
  issue: IssueState,
): Array<Record<string, unknown>> {
  const planning = planningState(ctx.state);
  const fields = planning.issueFields.get(org.toLowerCase()) ?? [];
  const values = planning.values.get(issue.id);
  if (values === undefined) return [];
  return fields.flatMap((f) => {
    const value = values.get(f.id);
    if (value === undefined) return [];
    const option = f.options.find((o) => o.name === value);
    return [
      {
        issue_field_id: f.id,
        issue_field_name: f.name,
        node_id: `IFV_${f.id}_${issue.id}`,
        data_type: f.data_type,
        value,
        ...(f.data_type === 'single_select' && option
          ? { single_select_option: { id: option.id, name: option.name, color: option.color } }
          : {}),
      },
    ];
  });
}

/** The repository and issue with this database id, if any. */
export function issueById(
  state: StandInState,
  id: number,
): { repo: RepoState; issue: IssueState } | null {
  for (const repo of state.repos.values()) {
    for (const issue of repo.issues.values()) if (issue.id === id) return { repo, issue };
  }
  return null;
}

/** The sub-issue fields GitHub adds to an issue: its parent's API URL and a summary of its sub-issues. */
export function subIssueJson(
  ctx: { state: StandInState; base: string },
  issue: IssueState,
): Record<string, unknown> {
  const planning = planningState(ctx.state);
  const out: Record<string, unknown> = {};
  const parentId = planning.parentOf.get(issue.id);
  const parent = parentId === undefined ? null : issueById(ctx.state, parentId);
  if (parent)
    out['parent_issue_url'] =
      `${ctx.base}/repos/${parent.repo.owner}/${parent.repo.name}/issues/${parent.issue.number}`;
  const subs = planning.subIssues.get(issue.id) ?? [];
  if (subs.length > 0) {
    const completed = subs.filter(
      (id) => issueById(ctx.state, id)?.issue.state === 'closed',
    ).length;
    out['sub_issues_summary'] = {
      total: subs.length,
      completed,
      percent_completed: Math.floor((completed * 100) / subs.length),
    };
  }
  return out;
}

/** The sub-issues of an issue by number, in order (what the parent's checklist shows). */
export function subIssueNumbers(state: StandInState, parent: IssueState): number[] {
  return (planningState(state).subIssues.get(parent.id) ?? []).flatMap((id) => {
    const found = issueById(state, id);
    return found ? [found.issue.number] : [];
  });
}

/** Creates an organisation's (or, with `user`, a user's) project with these fields (a Title field comes first, as on GitHub). */
export function defineProject(
  state: StandInState,
  org: string,
  number: number,
  fields: Array<{ name: string; dataType: ProjectFieldState['data_type']; options?: string[] }>,
  options: { user?: boolean } = {},
): ProjectState {
  const project: ProjectState = {
    id: nextId(state),
    org,
    ...(options.user ? { user: true } : {}),
    number,
    fields: [{ name: 'Title', dataType: 'title' as const }, ...fields].map((f) => ({
      id: nextId(state),
      name: f.name,
      data_type: f.dataType,
      options: ('options' in f ? (f.options ?? []) : []).map((name) => ({
        id: `opt_${nextId(state)}`,
        name,
      })),
    })),
    items: [],
  };
  planningState(state).projects.set(
    `${options.user ? 'users/' : ''}${org}/${number}`.toLowerCase(),
    project,
  );
  return project;
}

/** A project's items as a person sees them: issue number → field name → value (option names). */
export function projectTable(
  state: StandInState,
  project: ProjectState,
): Map<number, Record<string, string | number>> {
  const table = new Map<number, Record<string, string | number>>();
  for (const item of project.items) {
    const found = issueById(state, item.issueId);
    if (!found) continue;
    const row: Record<string, string | number> = {};
    for (const f of project.fields) {
      const v = item.values.get(f.id);
      if (v === undefined) continue;
      row[f.name] =
        f.data_type === 'single_select'
          ? (f.options.find((o) => o.id === v)?.name ?? String(v))
          : v;
    }
    table.set(found.issue.number, row);
  }
  return table;
}
