import type { Octokit } from '@octokit/rest';
import type {
  CommentRecord,
  IssueCreate,
  IssuePatch,
  IssueRecord,
  IssuesPort,
  LabelSpec,
  PullRequestFile,
  PullRequestsPort,
} from './port.js';

/** The repository a port is scoped to. */
export interface PortRepo {
  owner: string;
  repo: string;
}

/** Options of {@link OctokitPort}. */
export interface OctokitPortOptions {
  /** Attempts for a create whose 5xx may hide a success (default 3); each is preceded by a look for the issue. */
  createAttempts?: number;
}

interface IssueJson {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  created_at: string;
  closed_at: string | null;
  updated_at: string;
  comments?: number;
  pull_request?: unknown;
}

interface CommentJson {
  id: number;
  html_url: string;
  body?: string;
  created_at: string;
  user: { login: string } | null;
}

/**
 * The issues and pull-request ports over an Octokit instance (any Octokit with the rest methods and
 * `paginate`). Creates are not blindly retried: a 5xx may hide an issue GitHub did create, so the
 * port first looks for it among the newest issues and only then tries again.
 */
export class OctokitPort implements IssuesPort, PullRequestsPort {
  readonly #octokit: Octokit;
  readonly #repo: PortRepo;
  readonly #createAttempts: number;

  constructor(octokit: Octokit, repo: PortRepo, options: OctokitPortOptions = {}) {
    this.#octokit = octokit;
    this.#repo = repo;
    this.#createAttempts = options.createAttempts ?? 3;
  }

  async listIssuesByLabel(label: string): Promise<IssueRecord[]> {
    const issues = (await this.#octokit.paginate(this.#octokit.rest.issues.listForRepo, {
      ...this.#repo,
      labels: label,
      state: 'all',
      per_page: 100,
    })) as IssueJson[];
    return issues.filter((i) => i.pull_request === undefined || i.pull_request === null).map(toIssue);
  }

  async getIssue(number: number): Promise<IssueRecord | null> {
    try {
      const { data } = await this.#octokit.rest.issues.get({ ...this.#repo, issue_number: number });
      return toIssue(data as IssueJson);
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 410) return null;
      throw error;
    }
  }

  async createIssue(input: IssueCreate): Promise<IssueRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.#octokit.rest.issues.create({
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
    const { data } = await this.#octokit.rest.issues.update(params as Parameters<Octokit['rest']['issues']['update']>[0]);
    return toIssue(data as IssueJson);
  }

  async listComments(number: number): Promise<CommentRecord[]> {
    const comments = (await this.#octokit.paginate(this.#octokit.rest.issues.listComments, {
      ...this.#repo,
      issue_number: number,
      per_page: 100,
    })) as CommentJson[];
    return comments.map(toComment);
  }

  async createComment(number: number, body: string): Promise<CommentRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.#octokit.rest.issues.createComment({ ...this.#repo, issue_number: number, body, request: { retries: 0 } });
        return toComment(data as CommentJson);
      } catch (error) {
        if (!isServerError(error) || attempt >= this.#createAttempts) throw error;
        const posted = (await this.listComments(number)).find((c) => c.body === body);
        if (posted) return posted;
      }
    }
  }

  async listLabels(): Promise<string[]> {
    const labels = await this.#octokit.paginate(this.#octokit.rest.issues.listLabelsForRepo, { ...this.#repo, per_page: 100 });
    return labels.map((l) => l.name);
  }

  async createLabel(label: LabelSpec): Promise<void> {
    try {
      await this.#octokit.rest.issues.createLabel({ ...this.#repo, name: label.name, color: label.color, description: label.description });
    } catch (error) {
      // 422 already_exists: someone (or an interrupted run) created it meanwhile; that is the goal.
      if (statusOf(error) !== 422) throw error;
    }
  }

  async canBeAssigned(login: string): Promise<boolean> {
    try {
      await this.#octokit.rest.issues.checkUserCanBeAssigned({ ...this.#repo, assignee: login });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async listAssignees(): Promise<string[]> {
    const users = await this.#octokit.paginate(this.#octokit.rest.issues.listAssignees, { ...this.#repo, per_page: 100 });
    return users.map((u) => u.login);
  }

  async listPullRequestFiles(pullNumber: number): Promise<PullRequestFile[]> {
    const files = await this.#octokit.paginate(this.#octokit.rest.pulls.listFiles, { ...this.#repo, pull_number: pullNumber, per_page: 100 });
    return files.map((f) => ({ filename: f.filename, status: f.status }));
  }

  async #findRecentIssue(input: IssueCreate): Promise<IssueRecord | null> {
    const { data } = await this.#octokit.rest.issues.listForRepo({
      ...this.#repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 30,
    });
    const found = (data as IssueJson[]).find((i) => i.title === input.title && (i.body ?? '') === input.body);
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
    stateReason: reason === 'completed' || reason === 'not_planned' || reason === 'reopened' || reason === 'duplicate' ? reason : null,
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    assignees: (data.assignees ?? []).map((a) => a.login),
    createdAt: data.created_at,
    closedAt: data.closed_at,
    updatedAt: data.updated_at,
  };
  if (typeof data.comments === 'number') record.comments = data.comments;
  return record;
}

function toComment(data: CommentJson): CommentRecord {
  return { id: data.id, url: data.html_url, body: data.body ?? '', createdAt: data.created_at, author: data.user?.login ?? null };
}

function statusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : null;
  }
  return null;
}

function isServerError(error: unknown): boolean {
  const status = statusOf(error);
  return status !== null && status >= 500;
}
