/**
 * The REST behaviour of the stand-in: one handler per OpenAPI route template, over the state.
 * Requests reach these only after the contract check, so bodies have the documented shape.
 */
import type {
  CheckRunState,
  IssueState,
  LabelState,
  RepoState,
  StandInState,
  TreeEntryState,
  AnnotationState,
  PullFileState,
} from './stand-in-state.js';
import {
  findEntry,
  flattenTree,
  nextId,
  repoKey,
  resolveCommitish,
  writeBlob,
  writeCommit,
  writeNestedTree,
} from './stand-in-state.js';
import {
  checkRunJson,
  commentJson,
  issueJson,
  labelJson,
  milestoneJson,
  pullJson,
  repoJson,
  statusJson,
  userJson,
  type ShapeContext,
} from './rest-shapes.js';

type Json = Record<string, unknown>;

/** A GitHub-shaped error answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Json[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** What a handler answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Everything a handler gets. */
export interface RouteContext extends ShapeContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  /** Full request URL (used for Link headers). */
  url: URL;
  /** ISO timestamp from the injectable clock. */
  now(): string;
  /** Installation id of the token, when it is an installation token. */
  installationId: number | null;
  /** The request's Accept header. */
  accept: string;
}

type Handler = (ctx: RouteContext) => Reply;

const DOCS = 'https://docs.github.com/rest';

function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

function validationFailed(errors: Json[], message = 'Validation Failed'): HttpError {
  return new HttpError(422, message, errors);
}

function getRepo(ctx: RouteContext): RepoState {
  const owner = ctx.params['owner'] ?? '';
  const repo = ctx.params['repo'] ?? '';
  const found = ctx.state.repos.get(repoKey(owner, repo));
  if (!found) throw notFound();
  return found;
}

function getIssue(repo: RepoState, ctx: RouteContext): IssueState {
  const issue = repo.issues.get(Number(ctx.params['issue_number'] ?? ctx.params['pull_number']));
  if (!issue) throw notFound();
  return issue;
}

/** Slices a list into a page and builds GitHub's Link header (per_page max 100, default 30). */
export function paginate<T>(
  ctx: RouteContext,
  items: T[],
  defaultPerPage = 30,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(
    100,
    Math.max(1, Number(ctx.query.get('per_page') ?? defaultPerPage) || defaultPerPage),
  );
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string): string => {
    const u = new URL(ctx.url.toString());
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

function pageReply<T>(ctx: RouteContext, items: T[], shape: (t: T) => unknown): Reply {
  const { items: page, headers } = paginate(ctx, items);
  return { status: 200, body: page.map(shape), headers };
}

function assertAssignable(repo: RepoState, logins: string[]): void {
  const bad = logins.filter((l) => !repo.collaborators.has(l.toLowerCase()));
  if (bad.length > 0) {
    throw validationFailed(
      bad.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })),
    );
  }
}

function labelNames(ctx: RouteContext, repo: RepoState, raw: unknown): string[] {
  const names: string[] = [];
  for (const item of (raw as unknown[]) ?? []) {
    const name = typeof item === 'string' ? item : String((item as Json)['name'] ?? '');
    if (!name) continue;
    let label = repo.labels.get(name.toLowerCase());
    if (!label) {
      // GitHub creates unknown labels on the fly, grey.
      label = { id: nextId(ctx.state), name, color: 'ededed', description: null, default: false };
      repo.labels.set(name.toLowerCase(), label);
    }
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(label.name);
  }
  return names;
}

function milestoneNumber(repo: RepoState, raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  const n = Number(raw);
  if (!repo.milestones.has(n)) {
    throw validationFailed([
      { value: raw, resource: 'Issue', field: 'milestone', code: 'invalid' },
    ]);
  }
  return n;
}

function filterIssues(ctx: RouteContext, repo: RepoState): IssueState[] {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  const labels = (q.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const since = q.get('since');
  const assignee = q.get('assignee');
  const creator = q.get('creator');
  const milestone = q.get('milestone');
  let list = [...repo.issues.values()].filter((i) => {
    if (state !== 'all' && i.state !== state) return false;
    if (labels.length > 0 && !labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
      return false;
    if (since && i.updated_at < new Date(since).toISOString()) return false;
    if (assignee === 'none' && i.assignees.length > 0) return false;
    if (assignee === '*' && i.assignees.length === 0) return false;
    if (
      assignee &&
      assignee !== 'none' &&
      assignee !== '*' &&
      !i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())
    )
      return false;
    if (creator && i.user.toLowerCase() !== creator.toLowerCase()) return false;
    if (milestone === 'none' && i.milestone !== null) return false;
    if (milestone === '*' && i.milestone === null) return false;
    if (milestone && milestone !== 'none' && milestone !== '*' && String(i.milestone) !== milestone)
      return false;
    return true;
  });
  const sort = q.get('sort') ?? 'created';
  const dir = q.get('direction') ?? 'desc';
  const key = (i: IssueState): string | number =>
    sort === 'updated' ? i.updated_at : sort === 'comments' ? i.comments : i.created_at;
  list = list.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
    return dir === 'asc' ? c : -c;
  });
  return list;
}

// ---- issues -------------------------------------------------------------------------------

/** GitHub's length limits on issue and comment text (422 `custom` errors). */
function assertLengths(resource: string, fields: Record<string, unknown>): void {
  const limits: Record<string, number> = { title: 256, body: 65536 };
  for (const [field, value] of Object.entries(fields)) {
    const max = limits[field];
    if (max !== undefined && typeof value === 'string' && value.length > max) {
      throw validationFailed([
        {
          resource,
          code: 'custom',
          field,
          message: `${field} is too long (maximum is ${max} characters)`,
        },
      ]);
    }
  }
}

function createIssue(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  if (!repo.hasIssues) throw new HttpError(410, 'Issues are disabled for this repo');
  const b = ctx.body;
  assertLengths('Issue', {
    title: typeof b['title'] === 'number' ? String(b['title']) : b['title'],
    body: b['body'],
  });
  const assignees = [...((b['assignees'] as string[] | undefined) ?? [])];
  if (typeof b['assignee'] === 'string') assignees.push(b['assignee']);
  assertAssignable(repo, assignees);
  const milestone = milestoneNumber(repo, b['milestone']);
  const now = ctx.now();
  const issue: IssueState = {
    id: nextId(ctx.state),
    number: repo.nextNumber++,
    title: String(b['title']),
    body: (b['body'] as string | undefined) ?? null,
    state: 'open',
    state_reason: null,
    labels: labelNames(ctx, repo, b['labels']),
    assignees: dedupe(assignees, ctx.state),
    milestone,
    user: ctx.state.actor,
    locked: false,
    comments: 0,
    created_at: now,
    updated_at: now,
    closed_at: null,
    pull: null,
  };
  repo.issues.set(issue.number, issue);
  return {
    status: 201,
    body: issueJson(ctx, repo, issue),
    headers: { location: `${ctx.base}/repos/${repo.owner}/${repo.name}/issues/${issue.number}` },
  };
}

function dedupe(logins: string[], state?: StandInState): string[] {
  const seen = new Set<string>();
  const canonical = state
    ? logins.map((l) => state.users.get(l.toLowerCase())?.login ?? l)
    : logins;
  return canonical.filter((l) => {
    const k = l.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function updateIssue(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const issue = getIssue(repo, ctx);
  const b = ctx.body;
  assertLengths('Issue', { title: b['title'], body: b['body'] });
  if ('assignees' in b || 'assignee' in b) {
    const assignees = [...((b['assignees'] as string[] | null | undefined) ?? [])];
    if (typeof b['assignee'] === 'string') assignees.push(b['assignee']);
    assertAssignable(repo, assignees);
    issue.assignees = dedupe(assignees, ctx.state);
  }
  if ('milestone' in b) issue.milestone = milestoneNumber(repo, b['milestone']);
  if ('title' in b && b['title'] !== null) issue.title = String(b['title']);
  if ('body' in b) issue.body = (b['body'] as string | null) ?? null;
  if ('labels' in b) issue.labels = labelNames(ctx, repo, b['labels']);
  const now = ctx.now();
  const state = b['state'] as 'open' | 'closed' | undefined;
  const reason = b['state_reason'] as IssueState['state_reason'] | undefined;
  if (state === 'closed' && issue.state !== 'closed') {
    issue.state = 'closed';
    issue.closed_at = now;
    issue.state_reason = reason && reason !== 'reopened' ? reason : 'completed';
  } else if (state === 'closed' && reason) {
    issue.state_reason = reason;
  } else if (state === 'open' && issue.state !== 'open') {
    issue.state = 'open';
    issue.closed_at = null;
    issue.state_reason = 'reopened';
  }
  issue.updated_at = now;
  return { status: 200, body: issueJson(ctx, repo, issue) };
}

// ---- labels -------------------------------------------------------------------------------

function createLabel(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const name = String(ctx.body['name']);
  if (repo.labels.has(name.toLowerCase())) {
    throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  }
  if (name.length > 50)
    throw validationFailed([
      {
        resource: 'Label',
        code: 'custom',
        field: 'name',
        message: 'name is too long (maximum is 50 characters)',
      },
    ]);
  const description = ctx.body['description'];
  if (typeof description === 'string' && description.length > 100) {
    throw validationFailed([
      {
        resource: 'Label',
        code: 'custom',
        field: 'description',
        message: 'description is too long (maximum is 100 characters)',
      },
    ]);
  }
  const color = String(ctx.body['color'] ?? 'ededed').replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }]);
  }
  const label: LabelState = {
    id: nextId(ctx.state),
    name,
    color: color.toLowerCase(),
    description: (ctx.body['description'] as string | undefined) ?? null,
    default: false,
  };
  repo.labels.set(name.toLowerCase(), label);
  return { status: 201, body: labelJson(ctx, repo, label) };
}

function getLabel(repo: RepoState, ctx: RouteContext): LabelState {
  const label = repo.labels.get((ctx.params['name'] ?? '').toLowerCase());
  if (!label) throw notFound();
  return label;
}

function updateLabel(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const label = getLabel(repo, ctx);
  const newName = ctx.body['new_name'] as string | undefined;
  if (newName && newName.toLowerCase() !== label.name.toLowerCase()) {
    if (repo.labels.has(newName.toLowerCase()))
      throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    repo.labels.delete(label.name.toLowerCase());
    for (const issue of repo.issues.values()) {
      issue.labels = issue.labels.map((l) =>
        l.toLowerCase() === label.name.toLowerCase() ? newName : l,
      );
    }
    label.name = newName;
    repo.labels.set(newName.toLowerCase(), label);
  } else if (newName) {
    label.name = newName;
  }
  if (typeof ctx.body['color'] === 'string')
    label.color = ctx.body['color'].replace(/^#/, '').toLowerCase();
  if ('description' in ctx.body)
    label.description = (ctx.body['description'] as string | null) ?? null;
  return { status: 200, body: labelJson(ctx, repo, label) };
}

function issueLabelsReply(ctx: RouteContext, repo: RepoState, issue: IssueState): Reply {
  const labels = issue.labels
    .map((n) => repo.labels.get(n.toLowerCase()))
    .filter((l): l is LabelState => l !== undefined)
    .map((l) => labelJson(ctx, repo, l));
  return { status: 200, body: labels };
}

function bodyLabels(body: Json): unknown {
  if (Array.isArray(body)) return body;
  return body['labels'] ?? [];
}

// ---- comments -----------------------------------------------------------------------------

function createComment(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const issue = getIssue(repo, ctx);
  assertLengths('IssueComment', { body: ctx.body['body'] });
  const now = ctx.now();
  const c = {
    id: nextId(ctx.state),
    issue_number: issue.number,
    body: String(ctx.body['body']),
    user: ctx.state.actor,
    created_at: now,
    updated_at: now,
  };
  repo.comments.set(c.id, c);
  issue.comments += 1;
  issue.updated_at = now;
  return { status: 201, body: commentJson(ctx, repo, c) };
}

function getComment(
  repo: RepoState,
  ctx: RouteContext,
): NonNullable<ReturnType<RepoState['comments']['get']>> {
  const c = repo.comments.get(Number(ctx.params['comment_id']));
  if (!c) throw notFound();
  return c;
}

function sinceFilter<T extends { updated_at: string }>(ctx: RouteContext, items: T[]): T[] {
  const since = ctx.query.get('since');
  if (!since) return items;
  const iso = new Date(since).toISOString();
  return items.filter((i) => i.updated_at >= iso);
}

// ---- pulls --------------------------------------------------------------------------------

function createPull(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const b = ctx.body;
  const headRef = String(b['head'] ?? '').replace(/^[^:]+:/, '');
  const baseRef = String(b['base']);
  const headSha = resolveCommitish(repo.git, headRef);
  const baseSha = resolveCommitish(repo.git, baseRef);
  if (!headSha || !baseSha) {
    throw validationFailed([
      { resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' },
    ]);
  }
  for (const i of repo.issues.values()) {
    if (
      i.pull &&
      i.state === 'open' &&
      i.pull.head.ref === headRef &&
      i.pull.base.ref === baseRef
    ) {
      throw validationFailed([
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${headRef}.`,
        },
      ]);
    }
  }
  const now = ctx.now();
  const files = diffFiles(repo, baseSha, headSha);
  const issue: IssueState = {
    id: nextId(ctx.state),
    number: repo.nextNumber++,
    title: String(b['title'] ?? headRef),
    body: (b['body'] as string | undefined) ?? null,
    state: 'open',
    state_reason: null,
    labels: [],
    assignees: [],
    milestone: null,
    user: ctx.state.actor,
    locked: false,
    comments: 0,
    created_at: now,
    updated_at: now,
    closed_at: null,
    pull: {
      head: { ref: headRef, sha: headSha, repoFullName: `${repo.owner}/${repo.name}` },
      base: { ref: baseRef, sha: baseSha },
      draft: b['draft'] === true,
      merged: false,
      merged_at: null,
      files,
    },
  };
  repo.issues.set(issue.number, issue);
  return { status: 201, body: pullJson(ctx, repo, issue) };
}

/** Computes a pull request's file list between two commits (no patches). */
export function diffFiles(repo: RepoState, baseSha: string, headSha: string): PullFileState[] {
  const base = repo.git.commits.get(baseSha);
  const head = repo.git.commits.get(headSha);
  const a = base ? flattenTree(repo.git, base.tree) : new Map<string, string>();
  const b = head ? flattenTree(repo.git, head.tree) : new Map<string, string>();
  const files: PullFileState[] = [];
  const lines = (sha: string): number =>
    repo.git.blobs.get(sha)?.toString('utf8').split('\n').length ?? 0;
  for (const [path, sha] of b) {
    const before = a.get(path);
    if (before === sha) continue;
    const additions = lines(sha);
    const deletions = before ? lines(before) : 0;
    files.push({
      filename: path,
      status: before ? ('modified' as const) : ('added' as const),
      additions,
      deletions,
      changes: additions + deletions,
      sha,
    });
  }
  for (const [path, sha] of a) {
    if (!b.has(path)) {
      const deletions = lines(sha);
      files.push({
        filename: path,
        status: 'removed' as const,
        additions: 0,
        deletions,
        changes: deletions,
        sha,
      });
    }
  }
  return files.sort((x, y) => (x.filename < y.filename ? -1 : 1));
}

// ---- checks and statuses ------------------------------------------------------------------

function applyCheckRun(ctx: RouteContext, run: CheckRunState): void {
  const b = ctx.body;
  for (const key of ['name', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    if (typeof b[key] === 'string') (run as unknown as Json)[key] = b[key];
  }
  if (typeof b['status'] === 'string') run.status = b['status'];
  if (typeof b['conclusion'] === 'string') {
    run.conclusion = b['conclusion'];
    run.status = 'completed';
  }
  if (run.status === 'completed' && !run.conclusion) {
    throw validationFailed([{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }]);
  }
  if (run.status === 'completed' && !run.completed_at) run.completed_at = ctx.now();
  const output = b['output'] as Json | undefined;
  if (output) {
    if (typeof output['title'] === 'string') run.output.title = output['title'];
    if (typeof output['summary'] === 'string') run.output.summary = output['summary'];
    if (typeof output['text'] === 'string') run.output.text = output['text'];
    const annotations = (output['annotations'] as AnnotationState[] | undefined) ?? [];
    if (annotations.length > 50) {
      throw validationFailed([
        {
          resource: 'CheckRun',
          field: 'output.annotations',
          code: 'invalid',
          message: 'Only 50 annotations are allowed per request.',
        },
      ]);
    }
    if (annotations.length > 0) {
      run.annotations.push(...annotations);
      run.annotationBatches.push(annotations.length);
    }
  }
}

function createCheckRun(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const run: CheckRunState = {
    id: nextId(ctx.state),
    name: String(ctx.body['name']),
    head_sha: String(ctx.body['head_sha']),
    status: 'queued',
    conclusion: null,
    details_url: null,
    external_id: null,
    started_at: ctx.now(),
    completed_at: null,
    output: { title: null, summary: null, text: null },
    annotations: [],
    annotationBatches: [],
  };
  applyCheckRun(ctx, run);
  repo.checkRuns.set(run.id, run);
  return { status: 201, body: checkRunJson(ctx, repo, run) };
}

function getCheckRun(repo: RepoState, ctx: RouteContext): CheckRunState {
  const run = repo.checkRuns.get(Number(ctx.params['check_run_id']));
  if (!run) throw notFound();
  return run;
}

// ---- contents and git ---------------------------------------------------------------------

function commitFor(repo: RepoState, ref: string | null): { sha: string; tree: string } {
  const sha = resolveCommitish(repo.git, ref ?? repo.defaultBranch);
  const commit = sha ? repo.git.commits.get(sha) : undefined;
  if (!sha || !commit)
    throw new HttpError(
      404,
      ref ? `No commit found for the ref ${ref}` : 'This repository is empty.',
    );
  return { sha, tree: commit.tree };
}

function contentEntryJson(
  ctx: RouteContext,
  repo: RepoState,
  path: string,
  entry: TreeEntryState,
  ref: string,
): Json {
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  const type = entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file';
  const size = entry.type === 'blob' ? (repo.git.blobs.get(entry.sha)?.length ?? 0) : 0;
  const kind = type === 'dir' ? 'tree' : 'blob';
  return {
    type,
    name: path.split('/').pop() ?? path,
    path,
    sha: entry.sha,
    size,
    url: `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/${kind}/${ref}/${path}`,
    git_url: `${api}/git/${kind === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    download_url:
      type === 'file'
        ? `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${ref}/${path}`
        : null,
    _links: {
      self: `${api}/contents/${path}`,
      git: `${api}/git/${kind}s/${entry.sha}`,
      html: `https://github.com/${repo.owner}/${repo.name}/${kind}/${ref}/${path}`,
    },
  };
}

function getContent(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const ref = ctx.query.get('ref');
  const { tree } = commitFor(repo, ref);
  const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
  const entry = findEntry(repo.git, tree, path);
  if (!entry) throw notFound();
  const refName = ref ?? repo.defaultBranch;
  if (entry.type === 'tree') {
    const entries = (repo.git.trees.get(entry.sha) ?? []).map((e) =>
      contentEntryJson(ctx, repo, path ? `${path}/${e.path}` : e.path, e, refName),
    );
    return { status: 200, body: entries };
  }
  const content = repo.git.blobs.get(entry.sha) ?? Buffer.alloc(0);
  const raw = /application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept);
  if (raw)
    return {
      status: 200,
      body: content.toString('utf8'),
      headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
    };
  return {
    status: 200,
    body: {
      ...contentEntryJson(ctx, repo, path, entry, refName),
      encoding: 'base64',
      content: (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n'),
    },
  };
}

/** Replaces (or deletes, with null) files on a branch and returns the new commit sha. */
export function commitChanges(
  state: StandInState,
  repo: RepoState,
  branch: string,
  changes: Record<string, Buffer | null>,
  message: string,
  date: string,
): string {
  const ref = `refs/heads/${branch}`;
  const parent = repo.git.refs.get(ref) ?? null;
  const files = parent
    ? flattenTree(repo.git, repo.git.commits.get(parent)?.tree ?? '')
    : new Map<string, string>();
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) files.delete(path);
    else files.set(path, writeBlob(repo.git, content));
  }
  const tree = writeNestedTree(repo.git, files);
  const sha = writeCommit(repo.git, {
    tree,
    parents: parent ? [parent] : [],
    message,
    author: { name: state.actor, email: `${state.actor}@users.noreply.github.com`, date },
  });
  repo.git.refs.set(ref, sha);
  return sha;
}

function putContent(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
  const branch = (ctx.body['branch'] as string | undefined) ?? repo.defaultBranch;
  const head = repo.git.refs.get(`refs/heads/${branch}`);
  if (!head && branch !== repo.defaultBranch)
    throw new HttpError(404, `Branch ${branch} not found`);
  const existing = head ? findEntry(repo.git, repo.git.commits.get(head)?.tree ?? '', path) : null;
  const sha = ctx.body['sha'] as string | undefined;
  if (existing && !sha) throw validationFailed([], 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing && sha !== existing.sha)
    throw new HttpError(409, `${path} does not match ${sha ?? ''}`);
  const content = Buffer.from(String(ctx.body['content']), 'base64');
  const commit = commitChanges(
    ctx.state,
    repo,
    branch,
    { [path]: content },
    String(ctx.body['message']),
    ctx.now(),
  );
  const tree = repo.git.commits.get(commit)?.tree ?? '';
  const entry = findEntry(repo.git, tree, path);
  return {
    status: existing ? 200 : 201,
    body: {
      content: entry ? contentEntryJson(ctx, repo, path, entry, branch) : null,
      commit: gitCommitJson(ctx, repo, commit),
    },
  };
}

function deleteContent(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
  const branch = (ctx.body['branch'] as string | undefined) ?? repo.defaultBranch;
  const head = repo.git.refs.get(`refs/heads/${branch}`);
  const existing = head ? findEntry(repo.git, repo.git.commits.get(head)?.tree ?? '', path) : null;
  if (!existing) throw notFound();
  if (ctx.body['sha'] !== existing.sha)
    throw new HttpError(409, `${path} does not match ${String(ctx.body['sha'])}`);
  const commit = commitChanges(
    ctx.state,
    repo,
    branch,
    { [path]: null },
    String(ctx.body['message']),
    ctx.now(),
  );
  return { status: 200, body: { content: null, commit: gitCommitJson(ctx, repo, commit) } };
}

function gitCommitJson(ctx: RouteContext, repo: RepoState, sha: string): Json {
  const c = repo.git.commits.get(sha);
  if (!c) throw notFound();
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${api}/git/commits/${sha}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    author: c.author,
    committer: c.author,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

function getTree(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const treeSha = ctx.params['tree_sha'] ?? '';
  let sha = repo.git.trees.has(treeSha) ? treeSha : null;
  if (!sha) {
    const commit = resolveCommitish(repo.git, treeSha);
    sha = commit ? (repo.git.commits.get(commit)?.tree ?? null) : null;
  }
  if (!sha) throw notFound();
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  const recursive =
    ctx.query.has('recursive') && !['0', 'false'].includes(ctx.query.get('recursive') ?? '');
  const out: Json[] = [];
  const walk = (tree: string, prefix: string): void => {
    for (const e of repo.git.trees.get(tree) ?? []) {
      const path = prefix ? `${prefix}/${e.path}` : e.path;
      const item: Json = {
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        url: `${api}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      };
      if (e.type === 'blob') item['size'] = repo.git.blobs.get(e.sha)?.length ?? 0;
      out.push(item);
      if (recursive && e.type === 'tree') walk(e.sha, path);
    }
  };
  walk(sha, '');
  return {
    status: 200,
    body: { sha, url: `${api}/git/trees/${sha}`, tree: out, truncated: false },
  };
}

function createTree(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const baseTree = ctx.body['base_tree'] as string | undefined;
  const files = baseTree ? flattenTree(repo.git, baseTree) : new Map<string, string>();
  if (baseTree && !repo.git.trees.has(baseTree))
    throw validationFailed([{ resource: 'Tree', field: 'base_tree', code: 'invalid' }]);
  for (const item of (ctx.body['tree'] as Json[]) ?? []) {
    const path = String(item['path']);
    if (item['sha'] === null) {
      files.delete(path);
      for (const p of [...files.keys()]) if (p.startsWith(`${path}/`)) files.delete(p);
    } else if (typeof item['content'] === 'string') {
      files.set(path, writeBlob(repo.git, Buffer.from(item['content'], 'utf8')));
    } else if (typeof item['sha'] === 'string') {
      if (!repo.git.blobs.has(item['sha']))
        throw validationFailed(
          [{ resource: 'Tree', field: 'sha', code: 'invalid' }],
          'BadObjectState',
        );
      files.set(path, item['sha']);
    }
  }
  const sha = writeNestedTree(repo.git, files);
  const reply = getTree({
    ...ctx,
    params: { ...ctx.params, tree_sha: sha },
    query: new URLSearchParams(),
  });
  return { ...reply, status: 201 };
}

function getBlob(ctx: RouteContext): Reply {
  const repo = getRepo(ctx);
  const sha = ctx.params['file_sha'] ?? '';
  const blob = repo.git.blobs.get(sha);
  if (!blob) throw notFound();
  return {
    status: 200,
    body: {
      sha,
      node_id: `B_${sha}`,
      size: blob.length,
      url: `${ctx.base}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`,
      content: (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n'),
      encoding: 'base64',
    },
  };
}

function refJson(ctx: RouteContext, repo: RepoState, ref: string, sha: string): Json {
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${ctx.base}/repos/${repo.owner}/${repo.name}/git/${ref}`,
    object: {
      type: 'commit',
      sha,
      url: `${ctx.base}/repos/${repo.owner}/${repo.name}/git/commits/${sha}`,
    },
  };
}

function refParam(ctx: RouteContext): string {
  return `refs/${(ctx.params['ref'] ?? '').replace(/^refs\//, '')}`;
}

function commitJson(ctx: RouteContext, repo: RepoState, sha: string): Json {
  const git = gitCommitJson(ctx, repo, sha);
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  return {
    sha,
    node_id: git['node_id'],
    url: `${api}/commits/${sha}`,
    html_url: git['html_url'],
    commit: { ...git, url: `${api}/git/commits/${sha}` },
    author: userJson(ctx, ctx.state.actor),
    committer: userJson(ctx, ctx.state.actor),
    parents: git['parents'],
    files: [],
  };
}

// ---- app and installations ----------------------------------------------------------------

function installationJson(ctx: RouteContext, id: number): Json {
  const inst = ctx.state.installations.get(id);
  if (!inst) throw notFound();
  return {
    id: inst.id,
    account: { ...userJson(ctx, inst.account), type: inst.accountType },
    repository_selection: inst.repositorySelection,
    access_tokens_url: `${ctx.base}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${ctx.base}/installation/repositories`,
    html_url: `https://github.com/settings/installations/${inst.id}`,
    app_id: 1,
    app_slug: 'postmortem-tracker',
    target_id: 1,
    target_type: inst.accountType,
    permissions: inst.permissions,
    events: inst.events,
    created_at: ctx.now(),
    updated_at: ctx.now(),
    single_file_name: null,
    suspended_at: null,
    suspended_by: null,
  };
}

function installationRepos(ctx: RouteContext): RepoState[] {
  const id = ctx.installationId;
  const inst = id === null ? undefined : ctx.state.installations.get(id);
  if (!inst) throw new HttpError(403, 'This endpoint requires an installation access token.');
  return inst.repositories
    .map((full) => ctx.state.repos.get(full.toLowerCase()))
    .filter((r): r is RepoState => r !== undefined);
}

// ---- route table --------------------------------------------------------------------------

/** Handlers keyed by `METHOD /route/template` exactly as in the OpenAPI description. */
export const routes: Record<string, Handler> = {
  'GET /rate_limit': (ctx) => {
    const rl = ctx.state.rateLimit;
    const core = {
      limit: rl.limit,
      used: rl.used,
      remaining: rl.limit - rl.used,
      reset: rl.resetAt,
    };
    const graphql = {
      limit: rl.limit,
      used: rl.graphqlUsed,
      remaining: rl.limit - rl.graphqlUsed,
      reset: rl.resetAt,
    };
    return {
      status: 200,
      body: {
        resources: {
          core,
          graphql,
          search: { limit: 30, used: 0, remaining: 30, reset: rl.resetAt },
        },
        rate: core,
      },
    };
  },
  'GET /user': (ctx) => {
    // GitHub refuses /user to installation tokens (the Actions GITHUB_TOKEN among them).
    if (ctx.state.actor.endsWith('[bot]'))
      throw new HttpError(403, 'Resource not accessible by integration');
    return { status: 200, body: userJson(ctx, ctx.state.actor) };
  },
  'GET /users/{username}': (ctx) => {
    const user = ctx.state.users.get((ctx.params['username'] ?? '').toLowerCase());
    if (!user) throw notFound();
    return { status: 200, body: userJson(ctx, user.login) };
  },
  'GET /repos/{owner}/{repo}': (ctx) => ({ status: 200, body: repoJson(ctx, getRepo(ctx)) }),

  // issues
  'GET /repos/{owner}/{repo}/issues': (ctx) => {
    const repo = getRepo(ctx);
    return pageReply(ctx, filterIssues(ctx, repo), (i) => issueJson(ctx, repo, i));
  },
  'POST /repos/{owner}/{repo}/issues': createIssue,
  'GET /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
    const repo = getRepo(ctx);
    return { status: 200, body: issueJson(ctx, repo, getIssue(repo, ctx)) };
  },
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': updateIssue,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    const add = ((ctx.body['assignees'] as string[] | undefined) ?? []).filter((l) =>
      repo.collaborators.has(l.toLowerCase()),
    );
    issue.assignees = dedupe([...issue.assignees, ...add], ctx.state);
    issue.updated_at = ctx.now();
    return { status: 201, body: issueJson(ctx, repo, issue) };
  },
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    const remove = new Set(
      ((ctx.body['assignees'] as string[] | undefined) ?? []).map((l) => l.toLowerCase()),
    );
    issue.assignees = issue.assignees.filter((a) => !remove.has(a.toLowerCase()));
    issue.updated_at = ctx.now();
    return { status: 200, body: issueJson(ctx, repo, issue) };
  },
  'GET /repos/{owner}/{repo}/assignees': (ctx) => {
    const repo = getRepo(ctx);
    return pageReply(ctx, [...repo.collaborators].sort(), (l) =>
      userJson(ctx, ctx.state.users.get(l)?.login ?? l),
    );
  },
  'GET /repos/{owner}/{repo}/assignees/{assignee}': (ctx) => {
    const repo = getRepo(ctx);
    if (!repo.collaborators.has((ctx.params['assignee'] ?? '').toLowerCase())) throw notFound();
    return { status: 204 };
  },
  'GET /repos/{owner}/{repo}/collaborators': (ctx) => {
    const repo = getRepo(ctx);
    return pageReply(ctx, [...repo.collaborators].sort(), (l) => ({
      ...userJson(ctx, ctx.state.users.get(l)?.login ?? l),
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      role_name: 'write',
    }));
  },
  'GET /repos/{owner}/{repo}/collaborators/{username}': (ctx) => {
    const repo = getRepo(ctx);
    if (!repo.collaborators.has((ctx.params['username'] ?? '').toLowerCase())) throw notFound();
    return { status: 204 };
  },

  // labels
  'GET /repos/{owner}/{repo}/labels': (ctx) => {
    const repo = getRepo(ctx);
    return pageReply(ctx, [...repo.labels.values()], (l) => labelJson(ctx, repo, l));
  },
  'POST /repos/{owner}/{repo}/labels': createLabel,
  'GET /repos/{owner}/{repo}/labels/{name}': (ctx) => {
    const repo = getRepo(ctx);
    return { status: 200, body: labelJson(ctx, repo, getLabel(repo, ctx)) };
  },
  'PATCH /repos/{owner}/{repo}/labels/{name}': updateLabel,
  'DELETE /repos/{owner}/{repo}/labels/{name}': (ctx) => {
    const repo = getRepo(ctx);
    const label = getLabel(repo, ctx);
    repo.labels.delete(label.name.toLowerCase());
    for (const issue of repo.issues.values())
      issue.labels = issue.labels.filter((l) => l.toLowerCase() !== label.name.toLowerCase());
    return { status: 204 };
  },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = getRepo(ctx);
    return issueLabelsReply(ctx, repo, getIssue(repo, ctx));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    issue.labels = labelNames(ctx, repo, [
      ...issue.labels,
      ...((bodyLabels(ctx.body) as unknown[]) ?? []),
    ]);
    issue.updated_at = ctx.now();
    return issueLabelsReply(ctx, repo, issue);
  },
  'PUT /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    issue.labels = labelNames(ctx, repo, bodyLabels(ctx.body));
    issue.updated_at = ctx.now();
    return issueLabelsReply(ctx, repo, issue);
  },
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    const name = (ctx.params['name'] ?? '').toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name))
      throw new HttpError(404, 'Label does not exist');
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
    issue.updated_at = ctx.now();
    return issueLabelsReply(ctx, repo, issue);
  },

  // comments
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    const list = sinceFilter(
      ctx,
      [...repo.comments.values()].filter((c) => c.issue_number === issue.number),
    );
    return pageReply(ctx, list, (c) => commentJson(ctx, repo, c));
  },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'GET /repos/{owner}/{repo}/issues/comments': (ctx) => {
    const repo = getRepo(ctx);
    let list = sinceFilter(ctx, [...repo.comments.values()]);
    if (ctx.query.get('sort') === 'updated')
      list = list.sort((a, b) => (a.updated_at < b.updated_at ? -1 : 1));
    if (ctx.query.get('direction') === 'desc') list = list.reverse();
    return pageReply(ctx, list, (c) => commentJson(ctx, repo, c));
  },
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = getRepo(ctx);
    return { status: 200, body: commentJson(ctx, repo, getComment(repo, ctx)) };
  },
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = getRepo(ctx);
    const c = getComment(repo, ctx);
    assertLengths('IssueComment', { body: ctx.body['body'] });
    c.body = String(ctx.body['body']);
    c.updated_at = ctx.now();
    return { status: 200, body: commentJson(ctx, repo, c) };
  },
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
    const repo = getRepo(ctx);
    const c = getComment(repo, ctx);
    repo.comments.delete(c.id);
    const issue = repo.issues.get(c.issue_number);
    if (issue) issue.comments -= 1;
    return { status: 204 };
  },

  // milestones
  'GET /repos/{owner}/{repo}/milestones': (ctx) => {
    const repo = getRepo(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const list = [...repo.milestones.values()].filter((m) => state === 'all' || m.state === state);
    return pageReply(ctx, list, (m) => milestoneJson(ctx, repo, m));
  },
  'POST /repos/{owner}/{repo}/milestones': (ctx) => {
    const repo = getRepo(ctx);
    const title = String(ctx.body['title']);
    if ([...repo.milestones.values()].some((m) => m.title === title)) {
      throw validationFailed([{ resource: 'Milestone', code: 'already_exists', field: 'title' }]);
    }
    const now = ctx.now();
    const number = repo.milestones.size + 1;
    const m = {
      id: nextId(ctx.state),
      number,
      title,
      description: (ctx.body['description'] as string | undefined) ?? null,
      state: (ctx.body['state'] as 'open' | 'closed' | undefined) ?? 'open',
      due_on: (ctx.body['due_on'] as string | undefined) ?? null,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    repo.milestones.set(number, m);
    return { status: 201, body: milestoneJson(ctx, repo, m) };
  },
  'GET /repos/{owner}/{repo}/milestones/{milestone_number}': (ctx) => {
    const repo = getRepo(ctx);
    const m = repo.milestones.get(Number(ctx.params['milestone_number']));
    if (!m) throw notFound();
    return { status: 200, body: milestoneJson(ctx, repo, m) };
  },
  'PATCH /repos/{owner}/{repo}/milestones/{milestone_number}': (ctx) => {
    const repo = getRepo(ctx);
    const m = repo.milestones.get(Number(ctx.params['milestone_number']));
    if (!m) throw notFound();
    if (typeof ctx.body['title'] === 'string') m.title = ctx.body['title'];
    if ('description' in ctx.body)
      m.description = (ctx.body['description'] as string | null) ?? null;
    if ('due_on' in ctx.body) m.due_on = (ctx.body['due_on'] as string | null) ?? null;
    if (ctx.body['state'] === 'closed' && m.state === 'open') {
      m.state = 'closed';
      m.closed_at = ctx.now();
    } else if (ctx.body['state'] === 'open') {
      m.state = 'open';
      m.closed_at = null;
    }
    m.updated_at = ctx.now();
    return { status: 200, body: milestoneJson(ctx, repo, m) };
  },

  // pulls
  'GET /repos/{owner}/{repo}/pulls': (ctx) => {
    const repo = getRepo(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    const list = [...repo.issues.values()]
      .filter((i) => i.pull && (state === 'all' || i.state === state))
      .filter(
        (i) =>
          !head ||
          `${repo.owner}:${i.pull?.head.ref}`.toLowerCase() === head.toLowerCase() ||
          i.pull?.head.ref === head,
      )
      .filter((i) => !base || i.pull?.base.ref === base)
      .sort((a, b) => b.number - a.number);
    return pageReply(ctx, list, (i) => pullJson(ctx, repo, i));
  },
  'POST /repos/{owner}/{repo}/pulls': createPull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    if (!issue.pull) throw notFound();
    return { status: 200, body: pullJson(ctx, repo, issue) };
  },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (ctx) => {
    const repo = getRepo(ctx);
    const issue = getIssue(repo, ctx);
    if (!issue.pull) throw notFound();
    const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
    const sha = issue.pull.head.sha;
    return pageReply(ctx, issue.pull.files.slice(0, 3000), (f) => ({
      ...f,
      blob_url: `https://github.com/${repo.owner}/${repo.name}/blob/${sha}/${f.filename}`,
      raw_url: `https://github.com/${repo.owner}/${repo.name}/raw/${sha}/${f.filename}`,
      contents_url: `${api}/contents/${f.filename}?ref=${sha}`,
    }));
  },

  // checks and statuses
  'POST /repos/{owner}/{repo}/check-runs': createCheckRun,
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': (ctx) => {
    const repo = getRepo(ctx);
    const run = getCheckRun(repo, ctx);
    applyCheckRun(ctx, run);
    return { status: 200, body: checkRunJson(ctx, repo, run) };
  },
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': (ctx) => {
    const repo = getRepo(ctx);
    return { status: 200, body: checkRunJson(ctx, repo, getCheckRun(repo, ctx)) };
  },
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': (ctx) => {
    const repo = getRepo(ctx);
    const run = getCheckRun(repo, ctx);
    return pageReply(ctx, run.annotations, (a) => ({
      start_column: null,
      end_column: null,
      title: null,
      raw_details: null,
      ...a,
      blob_href: `https://github.com/${repo.owner}/${repo.name}/blob/${run.head_sha}/${a.path}`,
    }));
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': (ctx) => {
    const repo = getRepo(ctx);
    const sha = resolveCommitish(repo.git, ctx.params['ref'] ?? '') ?? ctx.params['ref'];
    const name = ctx.query.get('check_name');
    const runs = [...repo.checkRuns.values()].filter(
      (r) => r.head_sha === sha && (!name || r.name === name),
    );
    const { items, headers } = paginate(ctx, runs);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: items.map((r) => checkRunJson(ctx, repo, r)) },
      headers,
    };
  },
  'POST /repos/{owner}/{repo}/statuses/{sha}': (ctx) => {
    const repo = getRepo(ctx);
    const s = {
      id: nextId(ctx.state),
      sha: ctx.params['sha'] ?? '',
      state: ctx.body['state'] as 'error' | 'failure' | 'pending' | 'success',
      context: (ctx.body['context'] as string | undefined) ?? 'default',
      description: (ctx.body['description'] as string | null | undefined) ?? null,
      target_url: (ctx.body['target_url'] as string | null | undefined) ?? null,
      created_at: ctx.now(),
    };
    repo.statuses.push(s);
    return { status: 201, body: statusJson(ctx, repo, s) };
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/statuses': (ctx) => {
    const repo = getRepo(ctx);
    const sha = resolveCommitish(repo.git, ctx.params['ref'] ?? '') ?? ctx.params['ref'];
    return pageReply(ctx, repo.statuses.filter((s) => s.sha === sha).reverse(), (s) =>
      statusJson(ctx, repo, s),
    );
  },
  'GET /repos/{owner}/{repo}/commits/{ref}/status': (ctx) => {
    const repo = getRepo(ctx);
    const sha = resolveCommitish(repo.git, ctx.params['ref'] ?? '') ?? ctx.params['ref'] ?? '';
    const latest = new Map<string, (typeof repo.statuses)[number]>();
    for (const s of repo.statuses) if (s.sha === sha) latest.set(s.context, s);
    const list = [...latest.values()];
    const state = list.some((s) => s.state === 'error' || s.state === 'failure')
      ? 'failure'
      : list.length > 0 && list.every((s) => s.state === 'success')
        ? 'success'
        : 'pending';
    return {
      status: 200,
      body: {
        state,
        sha,
        total_count: list.length,
        statuses: list.map((s) => statusJson(ctx, repo, s)),
        repository: repoJson(ctx, repo),
      },
    };
  },

  // contents and git
  'GET /repos/{owner}/{repo}/contents/{path}': getContent,
  'PUT /repos/{owner}/{repo}/contents/{path}': putContent,
  'DELETE /repos/{owner}/{repo}/contents/{path}': deleteContent,
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': getTree,
  'POST /repos/{owner}/{repo}/git/trees': createTree,
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': getBlob,
  'POST /repos/{owner}/{repo}/git/blobs': (ctx) => {
    const repo = getRepo(ctx);
    const encoding = (ctx.body['encoding'] as string | undefined) ?? 'utf-8';
    const content = Buffer.from(
      String(ctx.body['content']),
      encoding === 'base64' ? 'base64' : 'utf8',
    );
    const sha = writeBlob(repo.git, content);
    return {
      status: 201,
      body: { sha, url: `${ctx.base}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` },
    };
  },
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (ctx) => {
    const repo = getRepo(ctx);
    return { status: 200, body: gitCommitJson(ctx, repo, ctx.params['commit_sha'] ?? '') };
  },
  'POST /repos/{owner}/{repo}/git/commits': (ctx) => {
    const repo = getRepo(ctx);
    const tree = String(ctx.body['tree']);
    if (!repo.git.trees.has(tree))
      throw validationFailed(
        [{ resource: 'Commit', field: 'tree', code: 'invalid' }],
        'Tree SHA does not exist',
      );
    const parents = (ctx.body['parents'] as string[] | undefined) ?? [];
    for (const p of parents) {
      if (!repo.git.commits.has(p))
        throw validationFailed(
          [{ resource: 'Commit', field: 'parents', code: 'invalid' }],
          'Parent SHA does not exist or is not a commit object',
        );
    }
    const author = (ctx.body['author'] as
      { name: string; email: string; date?: string } | undefined) ?? {
      name: ctx.state.actor,
      email: `${ctx.state.actor}@users.noreply.github.com`,
    };
    const sha = writeCommit(repo.git, {
      tree,
      parents,
      message: String(ctx.body['message']),
      author: { name: author.name, email: author.email, date: author.date ?? ctx.now() },
    });
    return { status: 201, body: gitCommitJson(ctx, repo, sha) };
  },
  'GET /repos/{owner}/{repo}/commits/{ref}': (ctx) => {
    const repo = getRepo(ctx);
    const sha = resolveCommitish(repo.git, ctx.params['ref'] ?? '');
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params['ref'] ?? ''}`);
    return { status: 200, body: commitJson(ctx, repo, sha) };
  },
  'GET /repos/{owner}/{repo}/compare/{basehead}': (ctx) => {
    const repo = getRepo(ctx);
    const [baseRef = '', headRef = ''] = (ctx.params['basehead'] ?? '').split('...');
    const baseSha = resolveCommitish(repo.git, baseRef);
    const headSha = resolveCommitish(repo.git, headRef);
    if (!baseSha || !headSha) throw notFound();
    const commits: string[] = [];
    const seen = new Set<string>();
    const stack = [headSha];
    while (stack.length > 0) {
      const sha = stack.pop() ?? '';
      if (sha === baseSha || seen.has(sha)) continue;
      seen.add(sha);
      commits.unshift(sha);
      stack.push(...(repo.git.commits.get(sha)?.parents ?? []));
    }
    const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
    const files = diffFiles(repo, baseSha, headSha).map((f) => ({
      ...f,
      blob_url: `https://github.com/${repo.owner}/${repo.name}/blob/${headSha}/${f.filename}`,
      raw_url: `https://github.com/${repo.owner}/${repo.name}/raw/${headSha}/${f.filename}`,
      contents_url: `${api}/contents/${f.filename}?ref=${headSha}`,
    }));
    const { items, headers } = paginate(ctx, commits, 250);
    return {
      status: 200,
      headers,
      body: {
        url: `${api}/compare/${ctx.params['basehead'] ?? ''}`,
        html_url: `https://github.com/${repo.owner}/${repo.name}/compare/${ctx.params['basehead'] ?? ''}`,
        base_commit: commitJson(ctx, repo, baseSha),
        merge_base_commit: commitJson(ctx, repo, baseSha),
        status: commits.length === 0 ? 'identical' : 'ahead',
        ahead_by: commits.length,
        behind_by: 0,
        total_commits: commits.length,
        commits: items.map((sha) => commitJson(ctx, repo, sha)),
        files,
      },
    };
  },
  'GET /repos/{owner}/{repo}/branches/{branch}': (ctx) => {
    const repo = getRepo(ctx);
    const sha = repo.git.refs.get(`refs/heads/${ctx.params['branch'] ?? ''}`);
    if (!sha) throw new HttpError(404, 'Branch not found');
    return {
      status: 200,
      body: { name: ctx.params['branch'], commit: commitJson(ctx, repo, sha), protected: false },
    };
  },
  'GET /repos/{owner}/{repo}/git/ref/{ref}': (ctx) => {
    const repo = getRepo(ctx);
    const ref = refParam(ctx);
    const sha = repo.git.refs.get(ref);
    if (!sha) throw notFound();
    return { status: 200, body: refJson(ctx, repo, ref, sha) };
  },
  'GET /repos/{owner}/{repo}/git/matching-refs/{ref}': (ctx) => {
    const repo = getRepo(ctx);
    const prefix = refParam(ctx);
    const list = [...repo.git.refs]
      .filter(([r]) => r.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return { status: 200, body: list.map(([r, sha]) => refJson(ctx, repo, r, sha)) };
  },
  'POST /repos/{owner}/{repo}/git/refs': (ctx) => {
    const repo = getRepo(ctx);
    const ref = String(ctx.body['ref']);
    const sha = String(ctx.body['sha']);
    if (!/^refs\/.+\/.+/.test(ref))
      throw validationFailed(
        [],
        "Reference name must start with 'refs/' and have at least two slashes.",
      );
    if (repo.git.refs.has(ref)) throw validationFailed([], 'Reference already exists');
    if (!repo.git.commits.has(sha)) throw validationFailed([], 'Object does not exist');
    repo.git.refs.set(ref, sha);
    return { status: 201, body: refJson(ctx, repo, ref, sha) };
  },
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': (ctx) => {
    const repo = getRepo(ctx);
    const ref = refParam(ctx);
    const current = repo.git.refs.get(ref);
    if (!current) throw validationFailed([], 'Reference does not exist');
    const sha = String(ctx.body['sha']);
    if (!repo.git.commits.has(sha)) throw validationFailed([], 'Object does not exist');
    if (ctx.body['force'] !== true) {
      // Fast-forward only: the new commit must descend from the current one.
      const seen = new Set<string>();
      const stack = [sha];
      let ok = false;
      while (stack.length > 0) {
        const s = stack.pop() ?? '';
        if (s === current) {
          ok = true;
          break;
        }
        if (seen.has(s)) continue;
        seen.add(s);
        stack.push(...(repo.git.commits.get(s)?.parents ?? []));
      }
      if (!ok) throw validationFailed([], 'Update is not a fast forward');
    }
    repo.git.refs.set(ref, sha);
    return { status: 200, body: refJson(ctx, repo, ref, sha) };
  },
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': (ctx) => {
    const repo = getRepo(ctx);
    const ref = refParam(ctx);
    if (!repo.git.refs.delete(ref)) throw validationFailed([], 'Reference does not exist');
    return { status: 204 };
  },

  // app and installations
  'GET /app': (ctx) => ({
    status: 200,
    body: {
      id: 1,
      slug: 'postmortem-tracker',
      name: 'postmortem-tracker',
      owner: userJson(ctx, ctx.state.actor),
      html_url: 'https://github.com/apps/postmortem-tracker',
      permissions: {},
      events: [],
    },
  }),
  'GET /app/installations': (ctx) =>
    pageReply(ctx, [...ctx.state.installations.keys()], (id) => installationJson(ctx, id)),
  'GET /app/installations/{installation_id}': (ctx) => ({
    status: 200,
    body: installationJson(ctx, Number(ctx.params['installation_id'])),
  }),
  'POST /app/installations/{installation_id}/access_tokens': (ctx) => {
    const id = Number(ctx.params['installation_id']);
    const inst = ctx.state.installations.get(id);
    if (!inst) throw notFound();
    const token = `ghs_standin_${id}_${nextId(ctx.state)}`;
    ctx.state.tokens.set(token, id);
    const expires = new Date(new Date(ctx.now()).getTime() + 3600_000).toISOString();
    return {
      status: 201,
      body: {
        token,
        expires_at: expires,
        permissions: inst.permissions,
        repository_selection: inst.repositorySelection,
      },
    };
  },
  'GET /installation/repositories': (ctx) => {
    const repos = installationRepos(ctx);
    const { items, headers } = paginate(ctx, repos);
    return {
      status: 200,
      body: {
        total_count: repos.length,
        repository_selection: 'selected',
        repositories: items.map((r) => repoJson(ctx, r)),
      },
      headers,
    };
  },
  'GET /repos/{owner}/{repo}/installation': (ctx) => {
    const repo = getRepo(ctx);
    if (repo.installationId === null) throw notFound();
    return { status: 200, body: installationJson(ctx, repo.installationId) };
  },
  'GET /orgs/{org}/installation': (ctx) => {
    const inst = [...ctx.state.installations.values()].find(
      (i) => i.account.toLowerCase() === (ctx.params['org'] ?? '').toLowerCase(),
    );
    if (!inst) throw notFound();
    return { status: 200, body: installationJson(ctx, inst.id) };
  },
  'GET /users/{username}/installation': (ctx) => {
    const inst = [...ctx.state.installations.values()].find(
      (i) => i.account.toLowerCase() === (ctx.params['username'] ?? '').toLowerCase(),
    );
    if (!inst) throw notFound();
    return { status: 200, body: installationJson(ctx, inst.id) };
  },
};

export { DOCS };
