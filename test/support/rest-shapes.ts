/**
 * Shapes state records into GitHub's REST response bodies (the documented fields Octokit and the
 * project read). `base` is the API origin the request came in on, so API urls point back at us.
 */
import type {
  CheckRunState,
  CommentState,
  IssueState,
  LabelState,
  MilestoneState,
  RepoState,
  StandInState,
  StatusState,
} from './stand-in-state.js';
import { issueFieldValuesJson, planningState, subIssueJson } from './planning-state.js';
import { ensureUser } from './stand-in-state.js';

type Json = Record<string, unknown>;

/** Everything a shaper needs to know about the request. */
export interface ShapeContext {
  state: StandInState;
  base: string;
}

function nodeId(kind: string, id: number | string): string {
  return `${kind}_${Buffer.from(`${kind}:${id}`).toString('base64url')}`;
}

/** A simple user object. */
export function userJson(ctx: ShapeContext, login: string): Json {
  const user = ensureUser(ctx.state, login);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: `${ctx.base}/users/${user.login}`,
    html_url: `https://github.com/${user.login}`,
    type: user.type,
    site_admin: false,
  };
}

/** A repository (minimal-repository plus the fields of full-repository that matter). */
export function repoJson(ctx: ShapeContext, repo: RepoState): Json {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: full,
    owner: userJson(ctx, repo.owner),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: `https://github.com/${full}`,
    url: `${ctx.base}/repos/${full}`,
    default_branch: repo.defaultBranch,
    has_issues: repo.hasIssues,
    has_discussions: repo.hasDiscussionsEnabled,
    archived: false,
    disabled: false,
    fork: false,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
  };
}

/** A label. */
export function labelJson(ctx: ShapeContext, repo: RepoState, label: LabelState): Json {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${ctx.base}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    description: label.description,
    default: label.default,
  };
}

/** A milestone. */
export function milestoneJson(ctx: ShapeContext, repo: RepoState, m: MilestoneState): Json {
  const issues = [...repo.issues.values()].filter((i) => i.milestone === m.number);
  return {
    url: `${ctx.base}/repos/${repo.owner}/${repo.name}/milestones/${m.number}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/milestone/${m.number}`,
    id: m.id,
    node_id: nodeId('MI', m.id),
    number: m.number,
    title: m.title,
    description: m.description,
    state: m.state,
    open_issues: issues.filter((i) => i.state === 'open').length,
    closed_issues: issues.filter((i) => i.state === 'closed').length,
    creator: userJson(ctx, repo.owner),
    created_at: m.created_at,
    updated_at: m.updated_at,
    closed_at: m.closed_at,
    due_on: m.due_on,
  };
}

/** An issue; pull requests carry the `pull_request` key as in GitHub's issue list. */
export function issueJson(ctx: ShapeContext, repo: RepoState, issue: IssueState): Json {
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  const html = `https://github.com/${repo.owner}/${repo.name}`;
  const labels = issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((l): l is LabelState => l !== undefined)
    .map((l) => labelJson(ctx, repo, l));
  const assignees = issue.assignees.map((a) => userJson(ctx, a));
  const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
  const out: Json = {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${issue.number}/labels{/name}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    events_url: `${api}/issues/${issue.number}/events`,
    html_url: `${html}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.user),
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? milestoneJson(ctx, repo, milestone) : null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: issue.comments,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: issue.state === 'closed' ? userJson(ctx, ctx.state.actor) : null,
    author_association: 'OWNER',
  };
  // Issues of an organisation with issue fields carry their values, as GitHub's listing does.
  if (!issue.pull && planningState(ctx.state).issueFields.has(repo.owner.toLowerCase()))
    out['issue_field_values'] = issueFieldValuesJson(ctx, repo.owner, issue);
  if (!issue.pull) Object.assign(out, subIssueJson(ctx, issue));
  if (issue.pull) {
    out['pull_request'] = {
      url: `${api}/pulls/${issue.number}`,
      html_url: `${html}/pull/${issue.number}`,
      diff_url: `${html}/pull/${issue.number}.diff`,
      patch_url: `${html}/pull/${issue.number}.patch`,
      merged_at: issue.pull.merged_at,
    };
  }
  return out;
}

/** A pull request. */
export function pullJson(ctx: ShapeContext, repo: RepoState, issue: IssueState): Json {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  const full = repoJson(ctx, repo);
  const shaped = issueJson(ctx, repo, issue);
  return {
    ...shaped,
    url: `${api}/pulls/${issue.number}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${issue.number}`,
    issue_url: `${api}/issues/${issue.number}`,
    pull_request: undefined,
    head: {
      label: `${repo.owner}:${pull.head.ref}`,
      ref: pull.head.ref,
      sha: pull.head.sha,
      user: full['owner'],
      repo: full,
    },
    base: {
      label: `${repo.owner}:${pull.base.ref}`,
      ref: pull.base.ref,
      sha: pull.base.sha,
      user: full['owner'],
      repo: full,
    },
    draft: pull.draft,
    merged: pull.merged,
    merged_at: pull.merged_at,
    mergeable: true,
    changed_files: pull.files.length,
    additions: pull.files.reduce((n, f) => n + f.additions, 0),
    deletions: pull.files.reduce((n, f) => n + f.deletions, 0),
    requested_reviewers: [],
    requested_teams: [],
  };
}

/** An issue comment. */
export function commentJson(ctx: ShapeContext, repo: RepoState, c: CommentState): Json {
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issue_number}`,
    body: c.body,
    user: userJson(ctx, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'OWNER',
  };
}

/** A check run. */
export function checkRunJson(ctx: ShapeContext, repo: RepoState, run: CheckRunState): Json {
  const api = `${ctx.base}/repos/${repo.owner}/${repo.name}`;
  return {
    id: run.id,
    node_id: nodeId('CR', run.id),
    head_sha: run.head_sha,
    external_id: run.external_id,
    url: `${api}/check-runs/${run.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${run.id}`,
    details_url: run.details_url,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    name: run.name,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    check_suite: { id: run.id },
    app: null,
    pull_requests: [],
  };
}

/** A commit status. */
export function statusJson(ctx: ShapeContext, repo: RepoState, s: StatusState): Json {
  return {
    id: s.id,
    node_id: nodeId('SC', s.id),
    url: `${ctx.base}/repos/${repo.owner}/${repo.name}/statuses/${s.sha}`,
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    avatar_url: null,
    created_at: s.created_at,
    updated_at: s.created_at,
    creator: userJson(ctx, ctx.state.actor),
  };
}
