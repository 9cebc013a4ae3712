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
  /** Login of whoever opened it (`name[bot]` for a bot, as REST spells it), or null (a deleted account). */
  author: string | null;
}

/** How {@link DiscussionsPort.findDiscussion} searches a category. */
export interface DiscussionSearch {
  /** Which end of the category to start from (by creation time). */
  from: 'oldest' | 'newest';
  /** Whether a Discussion is the one sought (marker and author checks belong to the caller). */
  accept: (discussion: DiscussionRecord) => boolean;
}

/** A Discussion comment or reply. */
export interface DiscussionCommentRecord {
  /** GraphQL node id. */
  id: string;
  url: string;
  body: string;
  createdAt: string;
  /** Login of the comment's author (`name[bot]` for a bot), or null (a deleted account). */
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
  /** The first Discussion of the category, from its oldest or newest end, that `search.accept` takes; null when none. */
  findDiscussion(categoryId: string, search: DiscussionSearch): Promise<DiscussionRecord | null>;
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
