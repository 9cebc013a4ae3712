import type {
  DiscussionCategory,
  DiscussionCommentRecord,
  DiscussionRecord,
  DiscussionsPort,
  RepositoryInfo,
} from '../core/ports/index.js';
import type { GitHubClient } from '../core/ports/index.js';
import type { CommentRecord, RepoRef } from '../core/ports/index.js';

/** The members of an Octokit instance the Discussions port uses. */
export type DiscussionsOctokit = Pick<GitHubClient, 'request' | 'graphql'>;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface GqlActor {
  __typename: string;
  login: string;
}

interface GqlComment {
  id: string;
  url: string;
  body: string;
  createdAt: string;
  author: GqlActor | null;
  replyTo?: { id: string } | null;
}

type GqlDiscussion = Omit<DiscussionRecord, 'author'> & { author: GqlActor | null };

const AUTHOR = 'author { __typename login }';
const DISCUSSION_FIELDS = `id number url title body createdAt ${AUTHOR}`;
const COMMENT_FIELDS = `id url body createdAt ${AUTHOR} replyTo { id }`;

/**
 * GraphQL names a bot `name` where REST names it `name[bot]`; a user may own the login `name`
 * too, so the type tells them apart and the bot gets its REST login back.
 */
function authorLogin(actor: GqlActor | null): string | null {
  if (!actor) return null;
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]')
    ? `${actor.login}[bot]`
    : actor.login;
}

function toDiscussion(d: GqlDiscussion): DiscussionRecord {
  return { ...d, author: authorLogin(d.author) };
}

function toComment(c: GqlComment): DiscussionCommentRecord {
  return {
    id: c.id,
    url: c.url,
    body: c.body,
    createdAt: c.createdAt,
    author: authorLogin(c.author),
    replyToId: c.replyTo?.id ?? null,
  };
}

/** A {@link DiscussionsPort} over GitHub's GraphQL API (`octokit.graphql`); issue comment edits use REST. */
export function createOctokitDiscussions(
  octokit: DiscussionsOctokit,
  repository: RepoRef,
): DiscussionsPort {
  const { owner, repo } = repository;
  let info: RepositoryInfo | null = null;

  async function getRepository(): Promise<RepositoryInfo> {
    if (info) return info;
    const data = await octokit.graphql<{
      repository: {
        id: string;
        url: string;
        hasDiscussionsEnabled: boolean;
        defaultBranchRef: { name: string } | null;
      };
    }>(
      `query($owner: String!, $repo: String!) {
        repository(owner: $owner, name: $repo) { id url hasDiscussionsEnabled defaultBranchRef { name } }
      }`,
      { owner, repo },
    );
    const r = data.repository;
    info = {
      id: r.id,
      url: r.url,
      hasDiscussionsEnabled: r.hasDiscussionsEnabled,
      defaultBranch: r.defaultBranchRef?.name ?? 'main',
    };
    return info;
  }

  return {
    getRepository,

    async hasDiscussionsEnabled() {
      return (await getRepository()).hasDiscussionsEnabled;
    },

    async listCategories() {
      const out: DiscussionCategory[] = [];
      let after: string | null = null;
      do {
        const data: {
          repository: { discussionCategories: { nodes: DiscussionCategory[]; pageInfo: PageInfo } };
        } = await octokit.graphql(
          `query($owner: String!, $repo: String!, $after: String) {
            repository(owner: $owner, name: $repo) {
              discussionCategories(first: 100, after: $after) { nodes { id name slug } pageInfo { hasNextPage endCursor } }
            }
          }`,
          { owner, repo, after },
        );
        const page = data.repository.discussionCategories;
        out.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return out;
    },

    async findDiscussion(categoryId, { from, accept }) {
      const direction = from === 'oldest' ? 'ASC' : 'DESC';
      let after: string | null = null;
      do {
        const data: {
          repository: { discussions: { nodes: GqlDiscussion[]; pageInfo: PageInfo } };
        } = await octokit.graphql(
          `query($owner: String!, $repo: String!, $categoryId: ID!, $after: String, $direction: OrderDirection!) {
            repository(owner: $owner, name: $repo) {
              discussions(first: 50, after: $after, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: $direction }) {
                nodes { ${DISCUSSION_FIELDS} }
                pageInfo { hasNextPage endCursor }
              }
            }
          }`,
          { owner, repo, categoryId, after, direction },
        );
        const page = data.repository.discussions;
        const hit = page.nodes.map(toDiscussion).find(accept);
        if (hit) return hit;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return null;
    },

    async createDiscussion({ categoryId, title, body }) {
      const repositoryId = (await getRepository()).id;
      const data = await octokit.graphql<{ createDiscussion: { discussion: GqlDiscussion } }>(
        `mutation($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
          createDiscussion(input: { repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body }) {
            discussion { ${DISCUSSION_FIELDS} }
          }
        }`,
        { repositoryId, categoryId, title, body },
      );
      return toDiscussion(data.createDiscussion.discussion);
    },

    async updateDiscussion(id, patch) {
      const data = await octokit.graphql<{ updateDiscussion: { discussion: GqlDiscussion } }>(
        `mutation($id: ID!, $title: String, $body: String) {
          updateDiscussion(input: { discussionId: $id, title: $title, body: $body }) { discussion { ${DISCUSSION_FIELDS} } }
        }`,
        {
          id,
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.body !== undefined ? { body: patch.body } : {}),
        },
      );
      return toDiscussion(data.updateDiscussion.discussion);
    },

    async listDiscussionComments(discussionId) {
      const out: DiscussionCommentRecord[] = [];
      let after: string | null = null;
      do {
        const data: {
          node: {
            comments: {
              nodes: (GqlComment & { replies: { nodes: GqlComment[]; pageInfo: PageInfo } })[];
              pageInfo: PageInfo;
            };
          } | null;
        } = await octokit.graphql(
          `query($id: ID!, $after: String) {
            node(id: $id) {
              ... on Discussion {
                comments(first: 50, after: $after) {
                  nodes { ${COMMENT_FIELDS} replies(first: 50) { nodes { ${COMMENT_FIELDS} } pageInfo { hasNextPage endCursor } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
          }`,
          { id: discussionId, after },
        );
        const page = data.node?.comments;
        if (!page) break;
        for (const c of page.nodes) {
          out.push(toComment({ ...c, replyTo: null }));
          for (const r of c.replies.nodes) out.push(toComment({ ...r, replyTo: { id: c.id } }));
        }
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return out;
    },

    async addDiscussionComment(discussionId, body, replyToId) {
      const data = await octokit.graphql<{ addDiscussionComment: { comment: GqlComment } }>(
        `mutation($discussionId: ID!, $body: String!, $replyToId: ID) {
          addDiscussionComment(input: { discussionId: $discussionId, body: $body, replyToId: $replyToId }) { comment { ${COMMENT_FIELDS} } }
        }`,
        { discussionId, body, ...(replyToId ? { replyToId } : {}) },
      );
      return toComment(data.addDiscussionComment.comment);
    },

    async updateDiscussionComment(commentId, body) {
      const data = await octokit.graphql<{ updateDiscussionComment: { comment: GqlComment } }>(
        `mutation($commentId: ID!, $body: String!) {
          updateDiscussionComment(input: { commentId: $commentId, body: $body }) { comment { ${COMMENT_FIELDS} } }
        }`,
        { commentId, body },
      );
      return toComment(data.updateDiscussionComment.comment);
    },

    async pinIssue(issueNumber) {
      const data = await octokit.graphql<{
        repository: { issue: { id: string; isPinned: boolean | null } | null };
      }>(
        `query($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { issue(number: $number) { id isPinned } } }`,
        { owner, repo, number: issueNumber },
      );
      const issue = data.repository.issue;
      if (!issue || issue.isPinned) return;
      await octokit.graphql(
        `mutation($issueId: ID!) { pinIssue(input: { issueId: $issueId }) { issue { id } } }`,
        { issueId: issue.id },
      );
    },

    async updateIssueComment(commentId, body): Promise<CommentRecord> {
      const { data } = await octokit.request(
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        { owner, repo, comment_id: commentId, body },
      );
      const c = data as {
        id: number;
        html_url: string;
        body?: string | null;
        created_at: string;
        user: { login: string } | null;
      };
      return {
        id: c.id,
        url: c.html_url,
        body: c.body ?? '',
        createdAt: c.created_at,
        author: c.user?.login ?? null,
      };
    },
  };
}
