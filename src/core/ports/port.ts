/**
 * The narrow interface the core needs from GitHub. The Octokit implementation lives beside it;
 * tests run it against the stand-in in test/support/. Extend by adding methods, not by leaking
 * Octokit types into the core.
 */

/** A repository on a GitHub server. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** An issue as the core sees it. */
export interface IssueRecord {
  number: number;
  /** html_url */
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labels: string[];
  assignees: string[];
  createdAt: string;
  closedAt: string | null;
  updatedAt: string;
  /** Number of comments, when the listing reports it. */
  comments?: number;
  /** Login of whoever opened the issue (`github-actions[bot]`), when the listing reports it. */
  author?: string | null;
  /** Values of the organisation's issue fields on the issue, when the listing reports them. */
  fieldValues?: IssueFieldValue[];
  /**
   * The date in the `planning.project` project's due-date field for the issue's item (null: the
   * item has none), when the digest read the project back; absent when it was not read.
   */
  projectDue?: string | null;
  /** The issue's database id (what sub-issue links take), when reported. */
  id?: number;
  /** The issue's parent issue (null: none), when the listing reports it. */
  parent?: { owner: string; repo: string; number: number } | null;
  /** How many sub-issues the issue has, when the listing reports it. */
  subIssues?: number;
}

/** An organisation issue field (`GET /orgs/{org}/issue-fields`). */
export interface IssueFieldDefinition {
  id: number;
  name: string;
  dataType: 'text' | 'date' | 'single_select' | 'multi_select' | 'number';
  /** Option names of a single or multi select, in GitHub's order. */
  options: string[];
}

/** The value one issue field holds on an issue: the option name for a single select, `YYYY-MM-DD` for a date. */
export interface IssueFieldValue {
  fieldId: number;
  /** The field's name, when the listing reports it. */
  name?: string;
  value: string | number | null;
}

/** A value to write to an issue field: an option name for a single select, `YYYY-MM-DD` for a date. */
export interface IssueFieldWrite {
  fieldId: number;
  value: string | number;
}

/** Fields of an issue to create. */
export interface IssueCreate {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

/** Fields of an issue to change; absent means unchanged. */
export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | 'duplicate';
}

/** A label with its colour (6 hex digits, no #). */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** An issue comment. */
export interface CommentRecord {
  id: number;
  url: string;
  body: string;
  createdAt: string;
  author: string | null;
}

/** A project (Projects v2), by its owner's login and number. */
export interface ProjectRef {
  owner: string;
  number: number;
  /** A user's project (`/users/{username}/projectsV2/…`); absent: an organisation's. */
  ownerType?: 'organization' | 'user';
}

/** A field of a project: options by id and name for a single select. */
export interface ProjectField {
  id: number;
  name: string;
  dataType: string;
  options: Array<{ id: string; name: string }>;
}

/** A project item that is an issue, with the values of the fields asked for (option id for a single select, `YYYY-MM-DD` for a date). */
export interface ProjectItem {
  id: number;
  /** Database id of the issue. */
  issueId: number;
  values: Record<number, string | null>;
}

/** Issue operations, scoped to one repository. */
export interface IssuesPort {
  /** Every issue (open and closed, not pull requests) carrying `label`, all pages. */
  listIssuesByLabel(label: string): Promise<IssueRecord[]>;
  /** Every issue (open and closed, not pull requests) opened by `login`, all pages. */
  listIssuesByCreator(login: string): Promise<IssueRecord[]>;
  getIssue(number: number): Promise<IssueRecord | null>;
  createIssue(input: IssueCreate): Promise<IssueRecord>;
  updateIssue(number: number, patch: IssuePatch): Promise<IssueRecord>;
  listComments(number: number): Promise<CommentRecord[]>;
  createComment(number: number, body: string): Promise<CommentRecord>;
  /** Names of all labels of the repository. */
  listLabels(): Promise<string[]>;
  createLabel(label: LabelSpec): Promise<void>;
  /**
   * Whether `login` can be assigned issues in the repository (false for unknown users).
   * Rejects with an error carrying the HTTP `status` when the token may not ask (403).
   */
  canBeAssigned(login: string): Promise<boolean>;
  /** Logins of everyone assignable in the repository, all pages; optional (cheaper than many canBeAssigned). */
  listAssignees?(): Promise<string[]>;
  /**
   * The issue fields the repository owner's organisation defines. Rejects with an error carrying
   * the HTTP `status` when the owner is no organisation (404) or the token may not read them (403).
   */
  listIssueFields?(): Promise<IssueFieldDefinition[]>;
  /** Sets these issue field values on the issue, leaving its other fields as they are. */
  setIssueFieldValues?(number: number, values: readonly IssueFieldWrite[]): Promise<void>;
  /** Removes the issue field's value from the issue. */
  clearIssueFieldValue?(number: number, fieldId: number): Promise<void>;
  /** Makes the issue with database id `subIssueId` a sub-issue of issue `parent`. */
  addSubIssue?(parent: number, subIssueId: number): Promise<void>;
  /** The project's fields, all pages. Rejects with the HTTP `status` when it cannot be read (404, 403). */
  listProjectFields?(project: ProjectRef): Promise<ProjectField[]>;
  /** The project's issue items with the values of `fieldIds`, all pages. */
  listProjectItems?(project: ProjectRef, fieldIds: readonly number[]): Promise<ProjectItem[]>;
  /** Adds an issue of this repository to the project (GitHub answers the item when it is there already); resolves to the item id. */
  addProjectItem?(project: ProjectRef, issueNumber: number): Promise<number>;
  /** Sets field values of a project item (null clears). */
  updateProjectItem?(
    project: ProjectRef,
    itemId: number,
    values: ReadonlyArray<{ fieldId: number; value: string | number | null }>,
  ): Promise<void>;
}

/** A file changed by a pull request. */
export interface PullRequestFile {
  filename: string;
  /** `added`, `modified`, `removed`, `renamed`, `copied`, `changed`, `unchanged`. */
  status: string;
}

/** Pull-request reads, scoped to one repository. */
export interface PullRequestsPort {
  /** Every file the pull request changes, all pages. */
  listPullRequestFiles(pullNumber: number): Promise<PullRequestFile[]>;
}
