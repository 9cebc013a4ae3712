/** What hosts use of src/core/ports. */
export {
  type DiscussionCategory,
  type DiscussionCommentRecord,
  type DiscussionRecord,
  type DiscussionsPort,
  type RepositoryInfo,
} from './discussions-port.js';
export { type GitHubClient } from './github-client.js';
export { httpStatus } from './http-status.js';
export { isToolAuthor } from './is-tool-author.js';
export {
  type CommentRecord,
  type IssueCreate,
  type IssueFieldDefinition,
  type IssueFieldValue,
  type IssueFieldWrite,
  type IssuePatch,
  type IssueRecord,
  type IssuesPort,
  type LabelSpec,
  type ProjectField,
  type ProjectItem,
  type ProjectRef,
  type PullRequestFile,
  type PullRequestsPort,
  type RepoRef,
} from './port.js';
export {
  REPO_FILES_BATCH,
  type RepoFileBytes,
  type RepoFileEntry,
  type RepoFilesPort,
} from './repo-files.js';
