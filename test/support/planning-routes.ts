/**
 * The stand-in's REST behaviour for GitHub-native planning: organisation issue fields and issue
 * field values. Requests reach these only after the contract check; what the OpenAPI description
 * cannot say (an unknown field, a bad date, an option that does not exist) answers 422 as GitHub does.
 */
import { HttpError, type Reply, type RouteContext } from './rest-routes.js';
import {
  issueById,
  issueFieldValuesJson,
  planningState,
  type IssueFieldState,
  type ProjectFieldState,
  type ProjectItemState,
  type ProjectState,
} from './planning-state.js';
import { issueJson, userJson } from './rest-shapes.js';
import { paginate } from './rest-routes.js';
import { nextId, repoKey, type IssueState, type RepoState } from './stand-in-state.js';

type Json = Record<string, unknown>;

function repoOf(ctx: RouteContext): RepoState {
  const repo = ctx.state.repos.get(repoKey(ctx.params['owner'] ?? '', ctx.params['repo'] ?? ''));
  if (!repo) throw new HttpError(404, 'Not Found');
  return repo;
}

function issueOf(ctx: RouteContext, repo: RepoState): IssueState {
  const issue = repo.issues.get(Number(ctx.params['issue_number']));
  if (!issue || issue.pull) throw new HttpError(404, 'Not Found');
  return issue;
}

function orgFields(ctx: RouteContext, org: string): IssueFieldState[] {
  const planning = planningState(ctx.state);
  if (planning.refused.has(org.toLowerCase()))
    throw new HttpError(403, 'Resource not accessible by integration');
  const fields = planning.issueFields.get(org.toLowerCase());
  if (fields === undefined) throw new HttpError(404, 'Not Found');
  return fields;
}

/** The JSON GitHub gives for an issue field. */
export function issueFieldJson(f: IssueFieldState): Json {
  const out: Json = {
    id: f.id,
    node_id: `IFT_${f.id}`,
    name: f.name,
    description: null,
    data_type: f.data_type,
    visibility: 'organization_members_only',
  };
  if (f.data_type === 'single_select' || f.data_type === 'multi_select')
    out['options'] = f.options.map((o) => ({ id: o.id, name: o.name, color: o.color }));
  return out;
}

function validDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function invalid(field: string, message: string): HttpError {
  return new HttpError(422, 'Validation Failed', [
    { resource: 'IssueFieldValue', code: 'invalid', field, message },
  ]);
}

/** Checks one value against its field the way GitHub does, returning what is stored. */
function checkedValue(field: IssueFieldState, value: unknown): string | number {
  switch (field.data_type) {
    case 'date': {
      const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && validDate(value);
      if (!ok)
        throw invalid('value', `${JSON.stringify(value)} is not a valid date for ${field.name}`);
      return value as string;
    }
    case 'single_select':
      if (typeof value !== 'string' || !field.options.some((o) => o.name === value))
        throw invalid('value', `${JSON.stringify(value)} is not an option of ${field.name}`);
      return value;
    case 'number':
      if (typeof value !== 'number') throw invalid('value', `${field.name} takes a number`);
      return value;
    case 'text':
      if (typeof value !== 'string') throw invalid('value', `${field.name} takes text`);
      return value;
    case 'multi_select':
      throw invalid('value', 'multi-select values are not supported by the stand-in');
  }
}

function writeValues(ctx: RouteContext, replace: boolean): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const fields = orgFields(ctx, repo.owner);
  const raw = (ctx.body['issue_field_values'] as Array<{ field_id: number; value: unknown }>) ?? [];
  const next = new Map<number, string | number>();
  for (const entry of raw) {
    const field = fields.find((f) => f.id === entry.field_id);
    if (!field)
      throw invalid('field_id', `${entry.field_id} is not an issue field of ${repo.owner}`);
    next.set(field.id, checkedValue(field, entry.value));
  }
  const planning = planningState(ctx.state);
  // POST with an empty array clears every value, as PUT replaces them all.
  const values =
    replace || raw.length === 0 ? new Map() : (planning.values.get(issue.id) ?? new Map());
  for (const [id, v] of next) values.set(id, v);
  planning.values.set(issue.id, values);
  issue.updated_at = ctx.now();
  return { status: 200, body: issueFieldValuesJson(ctx, repo.owner, issue) };
}

/** GitHub's limit on sub-issues per parent. */
const MAX_SUB_ISSUES = 100;

function subIssueOf(
  ctx: RouteContext,
  parentRepo: RepoState,
): { repo: RepoState; issue: IssueState } {
  const id = Number(ctx.body['sub_issue_id']);
  const found = issueById(ctx.state, id);
  if (
    !found ||
    found.issue.pull ||
    found.repo.owner.toLowerCase() !== parentRepo.owner.toLowerCase()
  )
    throw new HttpError(404, 'Not Found');
  return found;
}

function addSubIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const parent = issueOf(ctx, repo);
  const sub = subIssueOf(ctx, repo);
  const planning = planningState(ctx.state);
  const fail = (message: string) =>
    new HttpError(422, 'Validation Failed', [
      { resource: 'Issue', code: 'invalid', field: 'sub_issue_id', message },
    ]);
  if (sub.issue.id === parent.id) throw fail('An issue cannot be a sub-issue of itself');
  const current = planning.parentOf.get(sub.issue.id);
  if (current === parent.id) throw fail('Issue may not contain duplicate sub-issues');
  if (current !== undefined && ctx.body['replace_parent'] !== true)
    throw fail('Issue may not have more than one parent');
  const subs = planning.subIssues.get(parent.id) ?? [];
  if (subs.length >= MAX_SUB_ISSUES)
    throw fail(`Parent cannot have more than ${MAX_SUB_ISSUES} sub-issues`);
  if (current !== undefined) {
    const old = planning.subIssues.get(current) ?? [];
    planning.subIssues.set(
      current,
      old.filter((id) => id !== sub.issue.id),
    );
  }
  planning.subIssues.set(parent.id, [...subs, sub.issue.id]);
  planning.parentOf.set(sub.issue.id, parent.id);
  parent.updated_at = ctx.now();
  return { status: 201, body: issueJson(ctx, repo, parent) };
}

function projectUrl(ctx: RouteContext, project: ProjectState): string {
  return `${ctx.base}/${project.user ? 'users' : 'orgs'}/${project.org}/projectsV2/${project.number}`;
}

function projectOf(ctx: RouteContext): ProjectState {
  const user = ctx.params['username'];
  const key = (
    user === undefined
      ? `${ctx.params['org'] ?? ''}/${ctx.params['project_number'] ?? ''}`
      : `users/${user}/${ctx.params['project_number'] ?? ''}`
  ).toLowerCase();
  const project = planningState(ctx.state).projects.get(key);
  if (!project) throw new HttpError(404, 'Not Found');
  return project;
}

function projectFieldJson(ctx: RouteContext, project: ProjectState, f: ProjectFieldState): Json {
  const out: Json = {
    id: f.id,
    node_id: `PVTF_${f.id}`,
    project_url: projectUrl(ctx, project),
    name: f.name,
    data_type: f.data_type,
    created_at: ctx.now(),
    updated_at: ctx.now(),
  };
  if (f.data_type === 'single_select')
    out['options'] = f.options.map((o) => ({
      id: o.id,
      name: { raw: o.name, html: o.name },
      description: { raw: '', html: '' },
      color: 'GRAY',
    }));
  return out;
}

function projectItemJson(
  ctx: RouteContext,
  project: ProjectState,
  item: ProjectItemState,
  fieldIds: number[] | null,
): Json {
  const found = issueById(ctx.state, item.issueId);
  const out: Json = {
    id: item.id,
    node_id: `PVTI_${item.id}`,
    project_url: projectUrl(ctx, project),
    content_type: 'Issue',
    content: found ? issueJson(ctx, found.repo, found.issue) : null,
    creator: userJson(ctx, ctx.state.actor),
    created_at: item.created_at,
    updated_at: item.updated_at,
    archived_at: null,
    item_url: `${projectUrl(ctx, project)}/items/${item.id}`,
  };
  if (fieldIds !== null)
    out['fields'] = project.fields
      .filter((f) => fieldIds.includes(f.id))
      .map((f) => {
        const v = item.values.get(f.id);
        const option = f.options.find((o) => o.id === v);
        return {
          id: f.id,
          name: f.name,
          data_type: f.data_type,
          value:
            v === undefined
              ? null
              : option
                ? { id: option.id, name: { raw: option.name, html: option.name }, color: 'GRAY' }
                : v,
        };
      });
  return out;
}

function updateProjectItem(ctx: RouteContext): Reply {
  const project = projectOf(ctx);
  const item = project.items.find((i) => i.id === Number(ctx.params['item_id']));
  if (!item) throw new HttpError(404, 'Not Found');
  const fail = (message: string) =>
    new HttpError(422, 'Validation Failed', [
      { resource: 'ProjectV2Item', code: 'invalid', field: 'fields', message },
    ]);
  const entries =
    (ctx.body['fields'] as Array<{ id: number; value: string | number | null }>) ?? [];
  const next = new Map(item.values);
  for (const entry of entries) {
    const field = project.fields.find((f) => f.id === entry.id);
    if (!field || field.data_type === 'title')
      throw fail(`${entry.id} is not a field of the project`);
    if (entry.value === null) {
      next.delete(field.id);
      continue;
    }
    if (field.data_type === 'date') {
      const v = entry.value;
      const ok = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && validDate(v);
      if (!ok) throw fail(`${JSON.stringify(v)} is not a valid date for ${field.name}`);
    }
    if (field.data_type === 'single_select' && !field.options.some((o) => o.id === entry.value))
      throw fail(`${JSON.stringify(entry.value)} is not an option of ${field.name}`);
    if (field.data_type === 'number' && typeof entry.value !== 'number')
      throw fail(`${field.name} takes a number, not ${JSON.stringify(entry.value)}`);
    if (field.data_type === 'text' && typeof entry.value !== 'string')
      throw fail(`${field.name} takes text, not ${JSON.stringify(entry.value)}`);
    next.set(field.id, entry.value);
  }
  item.values = next;
  item.updated_at = ctx.now();
  return { status: 200, body: projectItemJson(ctx, project, item, null) };
}

/** Handlers keyed like `routes` in rest-routes.ts. */
export const planningRoutes: Record<string, (ctx: RouteContext) => Reply> = {
  'GET /orgs/{org}/issue-fields': (ctx) => ({
    status: 200,
    body: orgFields(ctx, ctx.params['org'] ?? '').map(issueFieldJson),
  }),
  'GET /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: issueFieldValuesJson(ctx, repo.owner, issueOf(ctx, repo)) };
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values': (ctx) =>
    writeValues(ctx, false),
  'PUT /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values': (ctx) =>
    writeValues(ctx, true),
  'POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues': addSubIssue,
  'GET /orgs/{org}/projectsV2/{project_number}/fields': (ctx) => {
    const project = projectOf(ctx);
    return { status: 200, body: project.fields.map((f) => projectFieldJson(ctx, project, f)) };
  },
  'GET /orgs/{org}/projectsV2/{project_number}/items': (ctx) => {
    const project = projectOf(ctx);
    const raw = ctx.query.getAll('fields').flatMap((v) => v.split(','));
    const fieldIds = raw.length > 0 ? raw.map(Number) : null;
    // Cursor pagination (`after`), as GitHub pages project items.
    const perPage = Math.min(100, Number(ctx.query.get('per_page') ?? 30) || 30);
    const start = Number(ctx.query.get('after') ?? 0) || 0;
    const page = project.items.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    if (start + perPage < project.items.length) {
      const next = new URL(ctx.url.toString());
      next.searchParams.set('after', String(start + perPage));
      headers['link'] = `<${next.toString()}>; rel="next"`;
    }
    return {
      status: 200,
      body: page.map((i) => projectItemJson(ctx, project, i, fieldIds)),
      headers,
    };
  },
  'POST /orgs/{org}/projectsV2/{project_number}/items': (ctx) => {
    const project = projectOf(ctx);
    const b = ctx.body;
    let issueId: number | undefined;
    if (typeof b['id'] === 'number') issueId = b['id'];
    else {
      const repo = ctx.state.repos.get(repoKey(String(b['owner']), String(b['repo'])));
      const issue = repo?.issues.get(Number(b['number']));
      issueId = issue && !issue.pull ? issue.id : undefined;
    }
    if (issueId === undefined || !issueById(ctx.state, issueId))
      throw new HttpError(422, 'Validation Failed', [
        {
          resource: 'ProjectV2Item',
          code: 'invalid',
          field: 'content',
          message: 'Content not found',
        },
      ]);
    // GitHub answers the existing item when the issue is in the project already.
    let item = project.items.find((i) => i.issueId === issueId);
    if (!item) {
      item = {
        id: nextId(ctx.state),
        issueId,
        values: new Map(),
        created_at: ctx.now(),
        updated_at: ctx.now(),
      };
      project.items.push(item);
    }
    return { status: 201, body: projectItemJson(ctx, project, item, null) };
  },
  'PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}': updateProjectItem,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues': (ctx) => {
    const repo = repoOf(ctx);
    const parent = issueOf(ctx, repo);
    const subs = (planningState(ctx.state).subIssues.get(parent.id) ?? []).flatMap((id) => {
      const found = issueById(ctx.state, id);
      return found ? [found] : [];
    });
    const { items, headers } = paginate(ctx, subs);
    return { status: 200, body: items.map((s) => issueJson(ctx, s.repo, s.issue)), headers };
  },
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue': (ctx) => {
    const repo = repoOf(ctx);
    const parent = issueOf(ctx, repo);
    const sub = subIssueOf(ctx, repo);
    const planning = planningState(ctx.state);
    if (planning.parentOf.get(sub.issue.id) !== parent.id) throw new HttpError(404, 'Not Found');
    planning.parentOf.delete(sub.issue.id);
    planning.subIssues.set(
      parent.id,
      (planning.subIssues.get(parent.id) ?? []).filter((id) => id !== sub.issue.id),
    );
    return { status: 200, body: issueJson(ctx, repo, parent) };
  },
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values/{issue_field_id}': (
    ctx,
  ) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const id = Number(ctx.params['issue_field_id']);
    if (!orgFields(ctx, repo.owner).some((f) => f.id === id)) throw new HttpError(404, 'Not Found');
    planningState(ctx.state).values.get(issue.id)?.delete(id);
    issue.updated_at = ctx.now();
    return { status: 204 };
  },
};

// A user's project answers like an organisation's: the same handlers, keyed by `username`.
for (const [route, handler] of Object.entries(planningRoutes))
  if (route.includes(' /orgs/{org}/projectsV2/'))
    planningRoutes[route.replace(' /orgs/{org}/', ' /users/{username}/')] = handler;
