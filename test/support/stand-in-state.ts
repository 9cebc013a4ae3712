/**
 * The stand-in's state: plain, inspectable records that tests may read and seed directly.
 * Records keep GitHub's field names where GitHub has one, so response shaping stays thin.
 */
import { createHash } from 'node:crypto';

/** A user as the stand-in knows it. */
export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** An issue or, when `pull` is set, a pull request (they share numbering, as on GitHub). */
export interface IssueState {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  user: string;
  locked: boolean;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull: PullState | null;
}

/** Pull-request-only data. */
export interface PullState {
  head: { ref: string; sha: string; repoFullName: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  merged_at: string | null;
  files: PullFileState[];
}

/** One file of a pull request, as `pulls.listFiles` returns it. */
export interface PullFileState {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
  sha: string;
}

/** A label. */
export interface LabelState {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** An issue comment. */
export interface CommentState {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

/** A milestone. */
export interface MilestoneState {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  due_on: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** A check-run annotation. */
export interface AnnotationState {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

/** A check run with every annotation it received. */
export interface CheckRunState {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: AnnotationState[];
  /** Number of create/update requests that carried annotations, with their sizes. */
  annotationBatches: number[];
}

/** A commit status. */
export interface StatusState {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
}

/** A git tree entry. */
export interface TreeEntryState {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

/** A git commit. */
export interface CommitState {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

/** The git object store of a repository. */
export interface GitState {
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntryState[]>;
  commits: Map<string, CommitState>;
  /** Full ref name (`refs/heads/main`) → commit sha. */
  refs: Map<string, string>;
}

/** A discussion category. */
export interface DiscussionCategoryState {
  id: string;
  name: string;
  slug: string;
  emoji: string;
  description: string;
  isAnswerable: boolean;
}

/** A discussion comment. */
export interface DiscussionCommentState {
  id: string;
  databaseId: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  replyToId: string | null;
}

/** A discussion. */
export interface DiscussionState {
  id: string;
  number: number;
  title: string;
  body: string;
  categoryId: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  closed: boolean;
  comments: DiscussionCommentState[];
}

/** A repository and everything in it. */
export interface RepoState {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  hasIssues: boolean;
  hasDiscussionsEnabled: boolean;
  /** Logins that can be assigned issues (collaborators). Lower-cased. */
  collaborators: Set<string>;
  nextNumber: number;
  issues: Map<number, IssueState>;
  /** Keyed by lower-cased name. */
  labels: Map<string, LabelState>;
  milestones: Map<number, MilestoneState>;
  comments: Map<number, CommentState>;
  checkRuns: Map<number, CheckRunState>;
  statuses: StatusState[];
  git: GitState;
  discussionCategories: DiscussionCategoryState[];
  discussions: Map<number, DiscussionState>;
  installationId: number | null;
}

/** A GitHub App installation. */
export interface InstallationState {
  id: number;
  account: string;
  accountType: 'User' | 'Organization';
  /** `owner/repo` full names. */
  repositories: string[];
  repositorySelection: 'all' | 'selected';
  permissions: Record<string, string>;
  events: string[];
}

/** The whole stand-in state. */
export interface StandInState {
  repos: Map<string, RepoState>;
  users: Map<string, UserRecord>;
  installations: Map<number, InstallationState>;
  /** Installation access token → installation id. */
  tokens: Map<string, number>;
  /** The login that authenticated requests act as. */
  actor: string;
  nextId: number;
  rateLimit: { limit: number; used: number; graphqlUsed: number; resetAt: number };
}

/** Creates an empty state. */
export function createState(actor: string): StandInState {
  return {
    repos: new Map(),
    users: new Map(),
    installations: new Map(),
    tokens: new Map(),
    actor,
    nextId: 1000,
    rateLimit: { limit: 5000, used: 0, graphqlUsed: 0, resetAt: 0 },
  };
}

/** Returns the next database id. */
export function nextId(state: StandInState): number {
  state.nextId += 1;
  return state.nextId;
}

/** Key of a repository in `state.repos` (lower-cased `owner/name`). */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

/** Returns (creating on first sight) the user record for a login. */
export function ensureUser(
  state: StandInState,
  login: string,
  type: UserRecord['type'] = 'User',
): UserRecord {
  const key = login.toLowerCase();
  let user = state.users.get(key);
  if (!user) {
    user = { login, id: nextId(state), type: login.endsWith('[bot]') ? 'Bot' : type };
    state.users.set(key, user);
  }
  return user;
}

function gitHash(kind: string, content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${kind} ${content.length}\0`), content]))
    .digest('hex');
}

/** Stores a blob and returns its sha (git's own hash). */
export function writeBlob(git: GitState, content: Buffer): string {
  const sha = gitHash('blob', content);
  git.blobs.set(sha, content);
  return sha;
}

/** Stores a tree and returns its sha. */
export function writeTree(git: GitState, entries: TreeEntryState[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sha = gitHash('tree', Buffer.from(JSON.stringify(sorted)));
  git.trees.set(sha, sorted);
  return sha;
}

/** Stores a commit and returns its sha. */
export function writeCommit(git: GitState, commit: Omit<CommitState, 'sha'>): string {
  const sha = gitHash('commit', Buffer.from(JSON.stringify(commit)));
  git.commits.set(sha, { ...commit, sha });
  return sha;
}

/** Builds nested trees for a flat map of path → content and returns the root tree sha. */
export function writeFiles(git: GitState, files: Record<string, string | Buffer>): string {
  const blobs = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    const blob = writeBlob(
      git,
      typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    );
    blobs.set(path.replace(/^\/+/, ''), blob);
  }
  return writeNestedTree(git, blobs);
}

/** Builds nested trees for a flat map of path → blob sha and returns the root tree sha. */
export function writeNestedTree(git: GitState, blobs: ReadonlyMap<string, string>): string {
  interface Dir {
    files: Map<string, string>;
    dirs: Map<string, Dir>;
  }
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const [path, sha] of blobs) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) {
        next = { files: new Map(), dirs: new Map() };
        dir.dirs.set(part, next);
      }
      dir = next;
    }
    dir.files.set(parts[parts.length - 1] ?? '', sha);
  }
  const build = (dir: Dir): string => {
    const entries: TreeEntryState[] = [];
    for (const [name, sha] of dir.files)
      entries.push({ path: name, mode: '100644', type: 'blob', sha });
    for (const [name, sub] of dir.dirs)
      entries.push({ path: name, mode: '040000', type: 'tree', sha: build(sub) });
    return writeTree(git, entries);
  };
  return build(root);
}

/** Lists every file under a tree as path → blob sha. */
export function flattenTree(git: GitState, treeSha: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of git.trees.get(treeSha) ?? []) {
    const path = prefix ? `${prefix}/${entry.path}` : entry.path;
    if (entry.type === 'tree')
      for (const [p, s] of flattenTree(git, entry.sha, path)) out.set(p, s);
    else if (entry.type === 'blob') out.set(path, entry.sha);
  }
  return out;
}

/** Resolves a branch name, tag, full ref or commit sha to a commit sha. */
export function resolveCommitish(git: GitState, ref: string): string | null {
  if (git.commits.has(ref)) return ref;
  for (const candidate of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
    const sha = git.refs.get(candidate);
    if (sha) return sha;
  }
  if (/^[0-9a-f]{7,39}$/.test(ref)) {
    for (const sha of git.commits.keys()) if (sha.startsWith(ref)) return sha;
  }
  return null;
}

/** Finds the tree entry at `path` below a root tree ('' → the root itself, as a tree entry). */
export function findEntry(git: GitState, rootTree: string, path: string): TreeEntryState | null {
  const clean = path.replace(/^\/+|\/+$/g, '');
  if (clean === '') return { path: '', mode: '040000', type: 'tree', sha: rootTree };
  let tree = rootTree;
  const parts = clean.split('/');
  for (let i = 0; i < parts.length; i++) {
    const entry = (git.trees.get(tree) ?? []).find((e) => e.path === parts[i]);
    if (!entry) return null;
    if (i === parts.length - 1) return entry;
    if (entry.type !== 'tree') return null;
    tree = entry.sha;
  }
  return null;
}
