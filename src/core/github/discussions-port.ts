/**
 * The narrow interface the digest needs for GitHub Discussions (GraphQL-only on GitHub), plus the two
 * issue calls its pinned-issue fallback needs beyond {@link IssuesPort}: pinning and editing a comment.
 */
import type { CommentRecord } from './port.js';

/** A Discussion category of the repository. */
export interface DiscussionCategory {
  /** GraphQL node id. */
  id: string;
  name: string;
  slug: string;
}

/** A Discussion as the core sees it. */
export interface DiscussionRecord {
  /** GraphQL node id. */
  id: string;
  number: number;
  url: string;
  title: string;
  body: string;
  createdAt: string;
}

/** A Discussion comment or reply. */
export interface DiscussionCommentRecord {
  /** GraphQL node id. */
  id: string;
  url: string;
  body: string;
  createdAt: string;
  author: string | null;
  /** Node id of the top-level comment this replies to, or null for a top-level comment. */
  replyToId: string | null;
}

/** Repository facts the digest links and targets need. */
export interface RepositoryInfo {
  /** GraphQL node id. */
  id: string;
  /** `https://github.com/owner/repo` */
  url: string;
  defaultBranch: string;
  hasDiscussionsEnabled: boolean;
}

/** Discussion operations, scoped to one repository. */
export interface DiscussionsPort {
  getRepository(): Promise<RepositoryInfo>;
  hasDiscussionsEnabled(): Promise<boolean>;
  /** Every Discussion category of the repository. */
  listCategories(): Promise<DiscussionCategory[]>;
  /** The newest Discussion in the category whose body contains `marker`, or null. */
  findDiscussion(categoryId: string, marker: string): Promise<DiscussionRecord | null>;
  createDiscussion(input: {
    categoryId: string;
    title: string;
    body: string;
  }): Promise<DiscussionRecord>;
  updateDiscussion(id: string, patch: { title?: string; body?: string }): Promise<DiscussionRecord>;
  /** Every comment of the Discussion, oldest first, each followed by its replies. */
  listDiscussionComments(discussionId: string): Promise<DiscussionCommentRecord[]>;
  /** Adds a comment, or a reply when `replyToId` names a top-level comment. */
  addDiscussionComment(
    discussionId: string,
    body: string,
    replyToId?: string,
  ): Promise<DiscussionCommentRecord>;
  updateDiscussionComment(commentId: string, body: string): Promise<DiscussionCommentRecord>;
  /** Pins an issue to the repository's issue list (best effort: at most three pins). */
  pinIssue(issueNumber: number): Promise<void>;
  /** Edits an issue comment's body. */
  updateIssueComment(commentId: number, body: string): Promise<CommentRecord>;
}
