import type { GitHubClient } from '../core/ports/index.js';
import { httpStatus } from '../core/ports/index.js';
import type {
  CommentRecord,
  IssueCreate,
  IssueFieldDefinition,
  IssueFieldValue,
  IssueFieldWrite,
  IssuePatch,
  IssueRecord,
  IssuesPort,
  LabelSpec,
  ProjectField,
  ProjectItem,
  ProjectRef,
  PullRequestFile,
  PullRequestsPort,
  RepoRef,
} from '../core/ports/index.js';

/** The members of an Octokit instance {@link OctokitPort} uses. */
export type IssuesClient = Pick<GitHubClient, 'request' | 'paginate'>;

/** Options of {@link OctokitPort}. */
export interface OctokitPortOptions {
  /** Attempts for a create whose 5xx may hide a success (default 3); each is preceded by a look for the issue. */
  createAttempts?: number;
}

interface IssueJson {
  id?: number;
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  user?: { login: string } | null;
  created_at: string;
  closed_at: string | null;
  updated_at: string;
  comments?: number;
  pull_request?: unknown;
  parent_issue_url?: string | null;
  sub_issues_summary?: { total: number } | null;
  issue_field_values?: Array<{
    issue_field_id: number;
    issue_field_name?: string;
    value: string | number | null;
    single_select_option?: { name: string } | null;
  }>;
}

interface IssueFieldJson {
  id: number;
  name: string;
  data_type: IssueFieldDefinition['dataType'];
  options?: Array<{ name: string }> | null;
}

interface CommentJson {
  id: number;
  html_url: string;
  body?: string;
  created_at: string;
  user: { login: string } | null;
}

/**
 * The issues and pull-request ports over an Octokit instance (`@octokit/rest`'s, the Action's or
 * Probot's: anything with `request` and `paginate`). Creates are not blindly retried: a 5xx may
 * hide an issue GitHub did create, so the port first looks for it among the newest issues and
 * only then tries again.
 */
export class OctokitPort implements IssuesPort, PullRequestsPort {
  readonly #client: IssuesClient;
  readonly #repo: RepoRef;
  readonly #createAttempts: number;

  constructor(client: IssuesClient, repo: RepoRef, options: OctokitPortOptions = {}) {
    this.#client = client;
    this.#repo = { owner: repo.owner, repo: repo.repo };
    this.#createAttempts = options.createAttempts ?? 3;
  }

  async listIssuesByLabel(label: string): Promise<IssueRecord[]> {
    return this.#listIssues({ labels: label });
  }

  async listIssuesByCreator(login: string): Promise<IssueRecord[]> {
    return this.#listIssues({ creator: login });
  }

  async getIssue(number: number): Promise<IssueRecord | null> {
    try {
      const { data } = await this.#client.request(
        'GET /repos/{owner}/{repo}/issues/{issue_number}',
        { ...this.#repo, issue_number: number },
      );
      return toIssue(data as IssueJson);
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 410) return null;
      throw error;
    }
  }

  async createIssue(input: IssueCreate): Promise<IssueRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.#client.request('POST /repos/{owner}/{repo}/issues', {
          ...this.#repo,
          title: input.title,
          body: input.body,
          labels: input.labels,
          assignees: input.assignees,
          request: { retries: 0 },
        });
        return toIssue(data as IssueJson);
      } catch (error) {
        if (!isServerError(error) || attempt >= this.#createAttempts) throw error;
        const created = await this.#findRecentIssue(input);
        if (created) return created;
      }
    }
  }

  async updateIssue(number: number, patch: IssuePatch): Promise<IssueRecord> {
    const params: Record<string, unknown> = { ...this.#repo, issue_number: number };
    if (patch.title !== undefined) params['title'] = patch.title;
    if (patch.body !== undefined) params['body'] = patch.body;
    if (patch.labels !== undefined) params['labels'] = patch.labels;
    if (patch.assignees !== undefined) params['assignees'] = patch.assignees;
    if (patch.state !== undefined) params['state'] = patch.state;
    if (patch.stateReason !== undefined) params['state_reason'] = patch.stateReason;
    const { data } = await this.#client.request(
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      params,
    );
    return toIssue(data as IssueJson);
  }

  async listComments(number: number): Promise<CommentRecord[]> {
    const comments = (await this.#client.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        ...this.#repo,
        issue_number: number,
        per_page: 100,
      },
    )) as CommentJson[];
    return comments.map(toComment);
  }

  async createComment(number: number, body: string): Promise<CommentRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.#client.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          {
            ...this.#repo,
            issue_number: number,
            body,
            request: { retries: 0 },
          },
        );
        return toComment(data as CommentJson);
      } catch (error) {
        if (!isServerError(error) || attempt >= this.#createAttempts) throw error;
        const posted = (await this.listComments(number)).find((c) => c.body === body);
        if (posted) return posted;
      }
    }
  }

  async listLabels(): Promise<string[]> {
    const labels = (await this.#client.paginate('GET /repos/{owner}/{repo}/labels', {
      ...this.#repo,
      per_page: 100,
    })) as Array<{ name: string }>;
    return labels.map((l) => l.name);
  }

  async createLabel(label: LabelSpec): Promise<void> {
    try {
      await this.#client.request('POST /repos/{owner}/{repo}/labels', {
        ...this.#repo,
        name: label.name,
        color: label.color,
        description: label.description,
      });
    } catch (error) {
      // 422 already_exists: someone (or an interrupted run) created it meanwhile; that is the goal.
      if (httpStatus(error) !== 422) throw error;
    }
  }

  async canBeAssigned(login: string): Promise<boolean> {
    try {
      await this.#client.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
        ...this.#repo,
        assignee: login,
      });
      return true;
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  }

  async listAssignees(): Promise<string[]> {
    const users = (await this.#client.paginate('GET /repos/{owner}/{repo}/assignees', {
      ...this.#repo,
      per_page: 100,
    })) as Array<{ login: string }>;
    return users.map((u) => u.login);
  }

  async listIssueFields(): Promise<IssueFieldDefinition[]> {
    const { data } = await this.#client.request('GET /orgs/{org}/issue-fields', {
      org: this.#repo.owner,
    });
    return (data as IssueFieldJson[]).map((f) => ({
      id: f.id,
      name: f.name,
      dataType: f.data_type,
      options: (f.options ?? []).map((o) => o.name),
    }));
  }

  async setIssueFieldValues(number: number, values: readonly IssueFieldWrite[]): Promise<void> {
    await this.#client.request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
      {
        ...this.#repo,
        issue_number: number,
        issue_field_values: values.map((v) => ({ field_id: v.fieldId, value: v.value })),
      },
    );
  }

  async clearIssueFieldValue(number: number, fieldId: number): Promise<void> {
    try {
      await this.#client.request(
        'DELETE /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values/{issue_field_id}',
        { ...this.#repo, issue_number: number, issue_field_id: fieldId },
      );
    } catch (error) {
      // Already gone (an interrupted run, or someone cleared it): that is the goal.
      if (httpStatus(error) !== 404) throw error;
    }
  }

  async addSubIssue(parent: number, subIssueId: number): Promise<void> {
    try {
      await this.#client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
        ...this.#repo,
        issue_number: parent,
        sub_issue_id: subIssueId,
      });
    } catch (error) {
      // A lost answer to an earlier attempt: the link is there, which is the goal.
      if (httpStatus(error) !== 422 || !(await this.#isSubIssueOf(parent, subIssueId))) throw error;
    }
  }

  async #isSubIssueOf(parent: number, subIssueId: number): Promise<boolean> {
    const subs = (await this.#client.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
      { ...this.#repo, issue_number: parent, per_page: 100 },
    )) as Array<{ id: number }>;
    return subs.some((s) => s.id === subIssueId);
  }

  async listProjectFields(project: ProjectRef): Promise<ProjectField[]> {
    const { route, params } = projectEndpoint('GET', project, '/fields');
    const fields = (await this.#client.paginate(route, { ...params, per_page: 100 })) as Array<{
      id: number;
      name: string;
      data_type: string;
      options?: Array<{ id: string; name: { raw: string } | string }>;
    }>;
    return fields.map((f) => ({
      id: f.id,
      name: f.name,
      dataType: f.data_type,
      options: (f.options ?? []).map((o) => ({
        id: o.id,
        name: typeof o.name === 'string' ? o.name : o.name.raw,
      })),
    }));
  }

  async listProjectItems(project: ProjectRef, fieldIds: readonly number[]): Promise<ProjectItem[]> {
    const { route, params } = projectEndpoint('GET', project, '/items');
    const items = (await this.#client.paginate(route, {
      ...params,
      per_page: 100,
      ...(fieldIds.length > 0 ? { fields: fieldIds.join(',') } : {}),
    })) as Array<{
      id: number;
      content_type: string;
      content?: { id?: number } | null;
      fields?: Array<{ id: number; value?: unknown }>;
    }>;
    return items.flatMap((item) => {
      const issueId = item.content?.id;
      if (item.content_type !== 'Issue' || typeof issueId !== 'number') return [];
      const values: Record<number, string | null> = {};
      for (const f of item.fields ?? []) values[f.id] = projectValue(f.value);
      return [{ id: item.id, issueId, values }];
    });
  }

  async addProjectItem(project: ProjectRef, issueNumber: number): Promise<number> {
    const { route, params } = projectEndpoint('POST', project, '/items');
    const { data } = await this.#client.request(route, {
      ...params,
      type: 'Issue',
      owner: this.#repo.owner,
      repo: this.#repo.repo,
      number: issueNumber,
    });
    return (data as { id: number }).id;
  }

  async updateProjectItem(
    project: ProjectRef,
    itemId: number,
    values: ReadonlyArray<{ fieldId: number; value: string | number | null }>,
  ): Promise<void> {
    const { route, params } = projectEndpoint('PATCH', project, '/items/{item_id}');
    await this.#client.request(route, {
      ...params,
      item_id: itemId,
      fields: values.map((v) => ({ id: v.fieldId, value: v.value })),
    });
  }

  async listPullRequestFiles(pullNumber: number): Promise<PullRequestFile[]> {
    const files = (await this.#client.paginate(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      {
        ...this.#repo,
        pull_number: pullNumber,
        per_page: 100,
      },
    )) as Array<{ filename: string; status: string }>;
    return files.map((f) => ({ filename: f.filename, status: f.status }));
  }

  /** Issues (not pull requests), open and closed, matching the listing filter; all pages. */
  async #listIssues(filter: { labels: string } | { creator: string }): Promise<IssueRecord[]> {
    const issues = (await this.#client.paginate('GET /repos/{owner}/{repo}/issues', {
      ...this.#repo,
      ...filter,
      state: 'all',
      per_page: 100,
    })) as IssueJson[];
    return issues
      .filter((i) => i.pull_request === undefined || i.pull_request === null)
      .map(toIssue);
  }

  async #findRecentIssue(input: IssueCreate): Promise<IssueRecord | null> {
    const { data } = await this.#client.request('GET /repos/{owner}/{repo}/issues', {
      ...this.#repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 30,
    });
    const found = (data as IssueJson[]).find(
      (i) => i.title === input.title && (i.body ?? '') === input.body,
    );
    return found ? toIssue(found) : null;
  }
}

function toIssue(data: IssueJson): IssueRecord {
  const reason = data.state_reason;
  const record: IssueRecord = {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    stateReason:
      reason === 'completed' ||
      reason === 'not_planned' ||
      reason === 'reopened' ||
      reason === 'duplicate'
        ? reason
        : null,
    labels: data.labels
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((n) => n !== ''),
    assignees: (data.assignees ?? []).map((a) => a.login),
    createdAt: data.created_at,
    closedAt: data.closed_at,
    updatedAt: data.updated_at,
  };
  if (data.user !== undefined) record.author = data.user?.login ?? null;
  if (typeof data.comments === 'number') record.comments = data.comments;
  if (typeof data.id === 'number') record.id = data.id;
  if (data.parent_issue_url !== undefined) record.parent = parentOf(data.parent_issue_url);
  if (data.sub_issues_summary) record.subIssues = data.sub_issues_summary.total;
  if (data.issue_field_values !== undefined)
    record.fieldValues = data.issue_field_values.map(toFieldValue);
  return record;
}

/** The route of a project endpoint, an organisation's or a user's, with its owner and number. */
function projectEndpoint(
  method: 'GET' | 'POST' | 'PATCH',
  project: ProjectRef,
  rest: string,
): { route: string; params: Record<string, string | number> } {
  return project.ownerType === 'user'
    ? {
        route: `${method} /users/{username}/projectsV2/{project_number}${rest}`,
        params: { username: project.owner, project_number: project.number },
      }
    : {
        route: `${method} /orgs/{org}/projectsV2/{project_number}${rest}`,
        params: { org: project.owner, project_number: project.number },
      };
}

/** A project field value as text: a single select's option id, a date, a number or text. */
function projectValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  return null;
}

function parentOf(url: string | null): NonNullable<IssueRecord['parent']> | null {
  const match = url === null ? null : /\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { owner: match[1], repo: match[2], number: Number(match[3]) };
}

function toFieldValue(v: NonNullable<IssueJson['issue_field_values']>[number]): IssueFieldValue {
  return {
    fieldId: v.issue_field_id,
    ...(typeof v.issue_field_name === 'string' ? { name: v.issue_field_name } : {}),
    value: v.single_select_option?.name ?? v.value,
  };
}

function toComment(data: CommentJson): CommentRecord {
  return {
    id: data.id,
    url: data.html_url,
    body: data.body ?? '',
    createdAt: data.created_at,
    author: data.user?.login ?? null,
  };
}

function isServerError(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== null && status >= 500;
}
