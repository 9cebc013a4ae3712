/**
 * GraphQL for the stand-in: documents are parsed and validated against @octokit/graphql-schema
 * (built once per process), then executed with resolvers over the same state as REST.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type {
  DiscussionCategoryState,
  DiscussionCommentState,
  DiscussionState,
  IssueState,
  RepoState,
  StandInState,
} from './stand-in-state.js';
import { findPackageFile } from './find-package-file.js';
import { ensureUser, findEntry, nextId, repoKey, resolveCommitish } from './stand-in-state.js';

type Json = Record<string, unknown>;

/** What resolvers get. */
export interface GraphqlContext {
  state: StandInState;
  now(): string;
  actor: string;
  base: string;
}

let schema: GraphQLSchema | null = null;
const documents = new Map<
  string,
  { document: DocumentNode } | { errors: readonly GraphQLError[] }
>();

/** The schema from @octokit/graphql-schema, built once per process. */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    const file = findPackageFile('@octokit/graphql-schema', 'schema.graphql');
    // The published SDL repeats a few field definitions; GitHub's own server accepts it.
    schema = buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
  }
  return schema;
}

function parseAndValidate(
  query: string,
): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const cached = documents.get(query);
  if (cached) return cached;
  let result: { document: DocumentNode } | { errors: readonly GraphQLError[] };
  githubSchema();
  try {
    const document = parse(query);
    const errors = validate(githubSchema(), document);
    result = errors.length > 0 ? { errors } : { document };
  } catch (error) {
    result = { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  if (documents.size > 500) documents.clear();
  documents.set(query, result);
  return result;
}

function pickOperation(document: DocumentNode, name: unknown): OperationDefinitionNode | null {
  const ops = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (typeof name === 'string') return ops.find((o) => o.name?.value === name) ?? null;
  return ops.length === 1 ? (ops[0] ?? null) : null;
}

/** Whether a GraphQL payload is a mutation, and its operation name (or first root field). */
export function isGraphqlWrite(payload: Json): { write: boolean; operation: string | null } {
  if (typeof payload['query'] !== 'string') return { write: false, operation: null };
  const parsed = parseAndValidate(payload['query']);
  if (!('document' in parsed)) return { write: false, operation: null };
  const op = pickOperation(parsed.document, payload['operationName']);
  if (!op) return { write: false, operation: null };
  const first = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const operation =
    op.name?.value ?? (first && first.kind === Kind.FIELD ? first.name.value : null);
  return { write: op.operation === 'mutation', operation };
}

/** An error shaped as GitHub shapes resolver errors (`type` beside `message`). */
class GitHubGraphqlError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function encodeCursor(i: number): string {
  return Buffer.from(`cursor:v2:${i}`).toString('base64');
}

function decodeCursor(cursor: unknown): number {
  if (typeof cursor !== 'string') return -1;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : -1;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function connection<T>(items: T[], args: PageArgs, name: string, toNode: (t: T) => unknown): Json {
  if (args.first == null && args.last == null) {
    throw new GitHubGraphqlError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const [key, value] of [
    ['first', args.first],
    ['last', args.last],
  ] as const) {
    if (value != null && (value < 0 || value > 100)) {
      throw new GitHubGraphqlError(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${key}\` limit of 100 records.`,
      );
    }
  }
  let start = 0;
  let end = items.length;
  if (args.after) start = decodeCursor(args.after) + 1;
  if (args.before) end = Math.min(end, decodeCursor(args.before));
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = items
    .slice(start, end)
    .map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    totalCount: items.length,
    nodes: slice.map((e) => e.node),
    edges: slice,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice[slice.length - 1]?.cursor ?? null,
    },
  };
}

function actorNode(ctx: GraphqlContext, login: string): Json {
  const user = ensureUser(ctx.state, login);
  const isBot = user.type === 'Bot';
  return {
    __typename: isBot ? 'Bot' : 'User',
    login: isBot ? login.replace(/\[bot\]$/, '') : login,
    id: `U_${Buffer.from(`user:${user.id}`).toString('base64url')}`,
    databaseId: user.id,
    url: `https://github.com/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

function categoryNode(repo: RepoState, c: DiscussionCategoryState): Json {
  return {
    __typename: 'DiscussionCategory',
    id: c.id,
    name: c.name,
    slug: c.slug,
    emoji: c.emoji,
    emojiHTML: `<div>${c.emoji}</div>`,
    description: c.description,
    isAnswerable: c.isAnswerable,
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
    repository: () => repoNode(repo),
  };
}

let currentCtx: GraphqlContext | null = null;
function ctxNow(): GraphqlContext {
  if (!currentCtx) throw new Error('stand-in: GraphQL context missing');
  return currentCtx;
}

function discussionUrl(repo: RepoState, d: DiscussionState): string {
  return `https://github.com/${repo.owner}/${repo.name}/discussions/${d.number}`;
}

function commentNode(repo: RepoState, d: DiscussionState, c: DiscussionCommentState): Json {
  const ctx = ctxNow();
  return {
    __typename: 'DiscussionComment',
    id: c.id,
    databaseId: c.databaseId,
    body: c.body,
    bodyText: c.body,
    bodyHTML: c.body,
    url: `${discussionUrl(repo, d)}#discussioncomment-${c.databaseId}`,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastEditedAt: c.updatedAt === c.createdAt ? null : c.updatedAt,
    isMinimized: false,
    viewerDidAuthor: c.author === ctx.actor,
    author: () => actorNode(ctx, c.author),
    discussion: () => discussionNode(repo, d),
    replyTo: () => {
      const parent = d.comments.find((x) => x.id === c.replyToId);
      return parent ? commentNode(repo, d, parent) : null;
    },
    replies: (args: PageArgs) =>
      connection(
        d.comments.filter((x) => x.replyToId === c.id),
        args,
        'replies',
        (x) => commentNode(repo, d, x),
      ),
  };
}

function discussionNode(repo: RepoState, d: DiscussionState): Json {
  const ctx = ctxNow();
  const category = repo.discussionCategories.find((c) => c.id === d.categoryId);
  return {
    __typename: 'Discussion',
    id: d.id,
    number: d.number,
    title: d.title,
    body: d.body,
    bodyText: d.body,
    bodyHTML: d.body,
    url: discussionUrl(repo, d),
    resourcePath: `/${repo.owner}/${repo.name}/discussions/${d.number}`,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    lastEditedAt: d.updatedAt === d.createdAt ? null : d.updatedAt,
    closed: d.closed,
    locked: false,
    viewerDidAuthor: d.author === ctx.actor,
    author: () => actorNode(ctx, d.author),
    category: () => (category ? categoryNode(repo, category) : null),
    repository: () => repoNode(repo),
    comments: (args: PageArgs) =>
      connection(
        d.comments.filter((c) => c.replyToId === null),
        args,
        'comments',
        (c) => commentNode(repo, d, c),
      ),
  };
}

function issueNode(repo: RepoState, issue: IssueState): Json {
  const ctx = ctxNow();
  return {
    __typename: issue.pull ? 'PullRequest' : 'Issue',
    id: `${issue.pull ? 'PR' : 'I'}_${Buffer.from(`${issue.pull ? 'PR' : 'I'}:${issue.id}`).toString('base64url')}`,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    url: `https://github.com/${repo.owner}/${repo.name}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    state: issue.state.toUpperCase(),
    stateReason: issue.state_reason ? issue.state_reason.toUpperCase() : null,
    closed: issue.state === 'closed',
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at,
    author: () => actorNode(ctx, issue.user),
    repository: () => repoNode(repo),
    labels: (args: PageArgs) =>
      connection(issue.labels, args, 'labels', (name) => {
        const label = repo.labels.get(name.toLowerCase());
        return {
          __typename: 'Label',
          id: `LA_${label?.id ?? name}`,
          name: label?.name ?? name,
          color: label?.color ?? 'ededed',
          description: label?.description ?? null,
        };
      }),
    assignees: (args: PageArgs) =>
      connection(issue.assignees, args, 'assignees', (login) => ({
        ...actorNode(ctx, login),
        __typename: 'User',
      })),
  };
}

function gitObjectNode(
  repo: RepoState,
  sha: string,
  type: 'blob' | 'tree' | 'commit',
): Json | null {
  const url = `https://github.com/${repo.owner}/${repo.name}`;
  if (type === 'blob') {
    const content = repo.git.blobs.get(sha);
    if (!content) return null;
    const isBinary = content.includes(0);
    return {
      __typename: 'Blob',
      id: `B_${sha}`,
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      byteSize: content.length,
      isBinary,
      isTruncated: false,
      text: isBinary ? null : content.toString('utf8'),
      commitUrl: url,
      repository: () => repoNode(repo),
    };
  }
  if (type === 'tree') {
    const entries = repo.git.trees.get(sha);
    if (!entries) return null;
    return {
      __typename: 'Tree',
      id: `T_${sha}`,
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      commitUrl: url,
      repository: () => repoNode(repo),
      entries: () =>
        entries.map((e) => ({
          name: e.path,
          path: e.path,
          type: e.type,
          mode: parseInt(e.mode, 8),
          oid: e.sha,
          extension: e.path.includes('.') ? `.${e.path.split('.').pop() ?? ''}` : null,
          isGenerated: false,
          size: e.type === 'blob' ? (repo.git.blobs.get(e.sha)?.length ?? 0) : 0,
          object: () => gitObjectNode(repo, e.sha, e.type),
          repository: () => repoNode(repo),
        })),
    };
  }
  const commit = repo.git.commits.get(sha);
  if (!commit) return null;
  return {
    __typename: 'Commit',
    id: `C_${sha}`,
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message: commit.message,
    messageHeadline: commit.message.split('\n')[0] ?? '',
    committedDate: commit.author.date,
    authoredDate: commit.author.date,
    commitUrl: `${url}/commit/${sha}`,
    url: `${url}/commit/${sha}`,
    tree: () => gitObjectNode(repo, commit.tree, 'tree'),
    repository: () => repoNode(repo),
  };
}

function resolveExpression(repo: RepoState, expression: string): Json | null {
  const colon = expression.indexOf(':');
  const rev = colon === -1 ? expression : expression.slice(0, colon);
  const path = colon === -1 ? null : expression.slice(colon + 1);
  const commitSha = resolveCommitish(
    repo.git,
    rev === 'HEAD' || rev === '' ? repo.defaultBranch : rev,
  );
  if (!commitSha) return null;
  if (path === null) return gitObjectNode(repo, commitSha, 'commit');
  const commit = repo.git.commits.get(commitSha);
  if (!commit) return null;
  const entry = findEntry(repo.git, commit.tree, path);
  if (!entry) return null;
  return gitObjectNode(repo, entry.sha, entry.type);
}

function repoNode(repo: RepoState): Json {
  const ctx = ctxNow();
  const enabled = (): boolean => repo.hasDiscussionsEnabled;
  return {
    __typename: 'Repository',
    id: repo.node_id,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    url: `https://github.com/${repo.owner}/${repo.name}`,
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    hasIssuesEnabled: repo.hasIssues,
    hasDiscussionsEnabled: enabled(),
    owner: () => ({ ...actorNode(ctx, repo.owner), __typename: 'Organization' }),
    defaultBranchRef: () => {
      const sha = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
      return sha
        ? {
            __typename: 'Ref',
            id: `REF_${repo.id}`,
            name: repo.defaultBranch,
            prefix: 'refs/heads/',
            target: () => gitObjectNode(repo, sha, 'commit'),
          }
        : null;
    },
    object: (args: { expression?: string | null; oid?: string | null }) => {
      if (args.oid) {
        if (repo.git.blobs.has(args.oid)) return gitObjectNode(repo, args.oid, 'blob');
        if (repo.git.trees.has(args.oid)) return gitObjectNode(repo, args.oid, 'tree');
        return gitObjectNode(repo, args.oid, 'commit');
      }
      return args.expression ? resolveExpression(repo, args.expression) : null;
    },
    discussionCategories: (args: PageArgs) =>
      connection(enabled() ? repo.discussionCategories : [], args, 'discussionCategories', (c) =>
        categoryNode(repo, c),
      ),
    discussionCategory: (args: { slug: string }) => {
      const c = enabled() ? repo.discussionCategories.find((x) => x.slug === args.slug) : undefined;
      return c ? categoryNode(repo, c) : null;
    },
    discussions: (
      args: PageArgs & {
        categoryId?: string | null;
        orderBy?: { field: string; direction: string } | null;
        states?: string[] | null;
      },
    ) => {
      const field = args.orderBy?.field ?? 'UPDATED_AT';
      const direction = args.orderBy?.direction ?? 'DESC';
      let list = enabled() ? [...repo.discussions.values()] : [];
      if (args.categoryId) list = list.filter((d) => d.categoryId === args.categoryId);
      if (args.states && args.states.length > 0)
        list = list.filter((d) => args.states?.includes(d.closed ? 'CLOSED' : 'OPEN'));
      list.sort((a, b) => {
        const ka = field === 'CREATED_AT' ? a.createdAt : a.updatedAt;
        const kb = field === 'CREATED_AT' ? b.createdAt : b.updatedAt;
        const c = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
        return direction === 'ASC' ? c : -c;
      });
      return connection(list, args, 'discussions', (d) => discussionNode(repo, d));
    },
    discussion: (args: { number: number }) => {
      const d = enabled() ? repo.discussions.get(args.number) : undefined;
      if (!d)
        throw new GitHubGraphqlError(
          'NOT_FOUND',
          `Could not resolve to a Discussion with the number of ${args.number}.`,
        );
      return discussionNode(repo, d);
    },
    issue: (args: { number: number }) => {
      const i = repo.issues.get(args.number);
      if (!i || i.pull)
        throw new GitHubGraphqlError(
          'NOT_FOUND',
          `Could not resolve to an Issue with the number of ${args.number}.`,
        );
      return issueNode(repo, i);
    },
    issues: (
      args: PageArgs & {
        labels?: string[] | null;
        states?: string[] | null;
        orderBy?: { field: string; direction: string } | null;
      },
    ) => {
      const field = args.orderBy?.field ?? 'CREATED_AT';
      const direction = args.orderBy?.direction ?? 'ASC';
      const labels = (args.labels ?? []).map((l) => l.toLowerCase());
      const list = [...repo.issues.values()]
        .filter((i) => !i.pull)
        .filter((i) => !args.states || args.states.includes(i.state.toUpperCase()))
        // GitHub's GraphQL `labels` filter matches issues carrying ANY of the labels.
        .filter(
          (i) => labels.length === 0 || i.labels.some((l) => labels.includes(l.toLowerCase())),
        )
        .sort((a, b) => {
          const ka =
            field === 'UPDATED_AT'
              ? a.updated_at
              : field === 'COMMENTS'
                ? a.comments
                : a.created_at;
          const kb =
            field === 'UPDATED_AT'
              ? b.updated_at
              : field === 'COMMENTS'
                ? b.comments
                : b.created_at;
          const c = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
          return direction === 'DESC' ? -c : c;
        });
      return connection(list, args, 'issues', (i) => issueNode(repo, i));
    },
    pinnedIssues: (args: PageArgs) =>
      connection(
        [...repo.issues.values()].filter((i) => pinned(repo).has(i.number)),
        args,
        'pinnedIssues',
        (i) => ({
          __typename: 'PinnedIssue',
          id: `PIN_${i.id}`,
          issue: () => issueNode(repo, i),
          repository: () => repoNode(repo),
        }),
      ),
  };
}

const pinnedByRepo = new WeakMap<RepoState, Set<number>>();
/** Issue numbers pinned in a repository (pinIssue / unpinIssue mutations). */
export function pinned(repo: RepoState): Set<number> {
  let set = pinnedByRepo.get(repo);
  if (!set) {
    set = new Set();
    pinnedByRepo.set(repo, set);
  }
  return set;
}

function findRepoById(state: StandInState, id: string): RepoState | null {
  for (const r of state.repos.values()) if (r.node_id === id) return r;
  return null;
}

function findDiscussion(
  state: StandInState,
  id: string,
): { repo: RepoState; d: DiscussionState } | null {
  for (const repo of state.repos.values())
    for (const d of repo.discussions.values()) if (d.id === id) return { repo, d };
  return null;
}

function findComment(
  state: StandInState,
  id: string,
): { repo: RepoState; d: DiscussionState; c: DiscussionCommentState } | null {
  for (const repo of state.repos.values())
    for (const d of repo.discussions.values())
      for (const c of d.comments) if (c.id === id) return { repo, d, c };
  return null;
}

function findIssueById(
  state: StandInState,
  id: string,
): { repo: RepoState; issue: IssueState } | null {
  for (const repo of state.repos.values())
    for (const issue of repo.issues.values()) {
      const node = `${issue.pull ? 'PR' : 'I'}_${Buffer.from(`${issue.pull ? 'PR' : 'I'}:${issue.id}`).toString('base64url')}`;
      if (node === id) return { repo, issue };
    }
  return null;
}

function notFound(id: string): GitHubGraphqlError {
  return new GitHubGraphqlError(
    'NOT_FOUND',
    `Could not resolve to a node with the global id of '${id}'.`,
  );
}

function assertBodyLength(body: unknown): void {
  if (typeof body === 'string' && body.length > 65536) {
    throw new GitHubGraphqlError('UNPROCESSABLE', 'Body is too long (maximum is 65536 characters)');
  }
}

function rootValue(ctx: GraphqlContext): Json {
  const { state } = ctx;
  return {
    repository: (args: { owner: string; name: string }) => {
      const repo = state.repos.get(repoKey(args.owner, args.name));
      if (!repo)
        throw new GitHubGraphqlError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
        );
      return repoNode(repo);
    },
    viewer: () => actorNode(ctx, ctx.actor),
    rateLimit: () => {
      const rl = state.rateLimit;
      return {
        cost: 1,
        limit: rl.limit,
        nodeCount: 1,
        remaining: rl.limit - rl.graphqlUsed,
        used: rl.graphqlUsed,
        resetAt: new Date(rl.resetAt * 1000).toISOString(),
      };
    },
    node: (args: { id: string }) => {
      for (const r of state.repos.values()) if (r.node_id === args.id) return repoNode(r);
      const d = findDiscussion(state, args.id);
      if (d) return discussionNode(d.repo, d.d);
      const c = findComment(state, args.id);
      if (c) return commentNode(c.repo, c.d, c.c);
      const i = findIssueById(state, args.id);
      if (i) return issueNode(i.repo, i.issue);
      return null;
    },
    createDiscussion: (args: {
      input: {
        repositoryId: string;
        categoryId: string;
        title: string;
        body: string;
        clientMutationId?: string;
      };
    }) => {
      const { input } = args;
      const repo = findRepoById(state, input.repositoryId);
      if (!repo) throw notFound(input.repositoryId);
      if (!repo.hasDiscussionsEnabled) {
        throw new GitHubGraphqlError(
          'UNPROCESSABLE',
          'Repository does not have discussions enabled.',
        );
      }
      const category = repo.discussionCategories.find((c) => c.id === input.categoryId);
      if (!category) throw notFound(input.categoryId);
      assertBodyLength(input.body);
      const t = ctx.now();
      const id = nextId(state);
      const d: DiscussionState = {
        id: `D_${Buffer.from(`discussion:${id}`).toString('base64url')}`,
        number: repo.nextNumber++,
        title: input.title,
        body: input.body,
        categoryId: category.id,
        author: ctx.actor,
        createdAt: t,
        updatedAt: t,
        closed: false,
        comments: [],
      };
      repo.discussions.set(d.number, d);
      return {
        clientMutationId: input.clientMutationId ?? null,
        discussion: discussionNode(repo, d),
      };
    },
    updateDiscussion: (args: {
      input: {
        discussionId: string;
        title?: string | null;
        body?: string | null;
        categoryId?: string | null;
        clientMutationId?: string;
      };
    }) => {
      const { input } = args;
      const found = findDiscussion(state, input.discussionId);
      if (!found) throw notFound(input.discussionId);
      const { repo, d } = found;
      assertBodyLength(input.body);
      if (input.categoryId) {
        if (!repo.discussionCategories.some((c) => c.id === input.categoryId))
          throw notFound(input.categoryId);
        d.categoryId = input.categoryId;
      }
      if (typeof input.title === 'string') d.title = input.title;
      if (typeof input.body === 'string') d.body = input.body;
      d.updatedAt = ctx.now();
      return {
        clientMutationId: input.clientMutationId ?? null,
        discussion: discussionNode(repo, d),
      };
    },
    addDiscussionComment: (args: {
      input: {
        discussionId: string;
        body: string;
        replyToId?: string | null;
        clientMutationId?: string;
      };
    }) => {
      const { input } = args;
      const found = findDiscussion(state, input.discussionId);
      if (!found) throw notFound(input.discussionId);
      const { repo, d } = found;
      if (!repo.hasDiscussionsEnabled)
        throw new GitHubGraphqlError(
          'UNPROCESSABLE',
          'Repository does not have discussions enabled.',
        );
      assertBodyLength(input.body);
      if (input.replyToId && !d.comments.some((c) => c.id === input.replyToId))
        throw notFound(input.replyToId);
      const t = ctx.now();
      const databaseId = nextId(state);
      const c: DiscussionCommentState = {
        id: `DC_${Buffer.from(`comment:${databaseId}`).toString('base64url')}`,
        databaseId,
        body: input.body,
        author: ctx.actor,
        createdAt: t,
        updatedAt: t,
        replyToId: input.replyToId ?? null,
      };
      d.comments.push(c);
      d.updatedAt = t;
      return { clientMutationId: input.clientMutationId ?? null, comment: commentNode(repo, d, c) };
    },
    updateDiscussionComment: (args: {
      input: { commentId: string; body: string; clientMutationId?: string };
    }) => {
      const { input } = args;
      const found = findComment(state, input.commentId);
      if (!found) throw notFound(input.commentId);
      assertBodyLength(input.body);
      found.c.body = input.body;
      found.c.updatedAt = ctx.now();
      return {
        clientMutationId: input.clientMutationId ?? null,
        comment: commentNode(found.repo, found.d, found.c),
      };
    },
    deleteDiscussionComment: (args: { input: { id: string; clientMutationId?: string } }) => {
      const found = findComment(state, args.input.id);
      if (!found) throw notFound(args.input.id);
      found.d.comments = found.d.comments.filter((c) => c.id !== found.c.id);
      return {
        clientMutationId: args.input.clientMutationId ?? null,
        comment: commentNode(found.repo, found.d, found.c),
      };
    },
    pinIssue: (args: { input: { issueId: string; clientMutationId?: string } }) => {
      const found = findIssueById(state, args.input.issueId);
      if (!found) throw notFound(args.input.issueId);
      if (pinned(found.repo).size >= 3 && !pinned(found.repo).has(found.issue.number)) {
        throw new GitHubGraphqlError('UNPROCESSABLE', 'You can only pin 3 issues per repository.');
      }
      pinned(found.repo).add(found.issue.number);
      return {
        clientMutationId: args.input.clientMutationId ?? null,
        issue: issueNode(found.repo, found.issue),
      };
    },
    unpinIssue: (args: { input: { issueId: string; clientMutationId?: string } }) => {
      const found = findIssueById(state, args.input.issueId);
      if (!found) throw notFound(args.input.issueId);
      pinned(found.repo).delete(found.issue.number);
      return {
        clientMutationId: args.input.clientMutationId ?? null,
        issue: issueNode(found.repo, found.issue),
      };
    },
  };
}

/** Result of one GraphQL request: the response body, and the validation errors if the document was invalid. */
export interface GraphqlOutcome {
  response: Json;
  invalid: unknown[] | null;
}

/** Validates and executes one GraphQL request against the state. */
export function handleGraphql(payload: Json, ctx: GraphqlContext): GraphqlOutcome {
  const query = payload['query'];
  if (typeof query !== 'string') {
    const errors = [{ message: 'A query attribute must be specified and must be a string.' }];
    return { response: { errors }, invalid: errors };
  }
  const parsed = parseAndValidate(query);
  if (!('document' in parsed)) {
    const errors = parsed.errors.map((e) => ({
      message: e.message,
      locations: e.locations ?? [],
      extensions: { code: 'graphqlValidation' },
    }));
    return { response: { errors }, invalid: errors };
  }
  if (!pickOperation(parsed.document, payload['operationName'])) {
    const errors = [
      { message: 'An operation name is required when the document has several operations.' },
    ];
    return { response: { errors }, invalid: errors };
  }
  currentCtx = ctx;
  try {
    const result = execute({
      schema: githubSchema(),
      document: parsed.document,
      rootValue: rootValue(ctx),
      contextValue: ctx,
      variableValues: (payload['variables'] as Json | undefined) ?? {},
      operationName:
        typeof payload['operationName'] === 'string' ? payload['operationName'] : undefined,
    });
    if ('then' in result) throw new Error('stand-in: resolvers must be synchronous');
    const response: Json = { data: result.data ?? null };
    if (result.errors && result.errors.length > 0) {
      response['errors'] = result.errors.map((e) => {
        const original = e.originalError;
        const out: Json = { message: e.message, locations: e.locations ?? [], path: e.path ?? [] };
        if (original instanceof GitHubGraphqlError) out['type'] = original.type;
        return out;
      });
      // Variable coercion errors mean an invalid request, not a resolver failure.
      if (!result.data) return { response, invalid: response['errors'] as unknown[] };
    }
    return { response, invalid: null };
  } finally {
    currentCtx = null;
  }
}
