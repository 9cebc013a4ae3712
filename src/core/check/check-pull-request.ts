import type { Config } from '../config/schema.js';
import type { IssueRecord, IssuesPort } from '../ports/port.js';
import { lintText, type LintResult } from '../lint/lint-text.js';
import { sortDiagnostics } from '../lint/sort-diagnostics.js';
import type { Diagnostic, Postmortem } from '../model/index.js';
import { capDiagnostics, MAX_ANNOTATIONS_PER_FILE } from '../guard/index.js';
import { checkConclusion, type CheckConclusion } from './check-conclusion.js';
import { checkOwnersAssignable } from './check-owners-assignable.js';
import {
  compareWithEarlier,
  resemblanceMessage,
  type Resemblance,
} from './compare-with-earlier.js';
import { pathProblem, showPath } from '../guard/index.js';

/**
 * What a host could read of one file: its text, or a sentence naming the file and why it could
 * not be read, with the rule to report it under (default `file-unreadable`; the shared reader
 * also says `file-too-large` or `file-too-complex`).
 */
export type FileContent = { text: string } | { unreadable: string; rule?: string };

/** Everything the pull-request check needs, read or injected by the host. */
export interface PullRequestCheckInput {
  /** Post-mortems the pull request adds or changes (repository-relative, already filtered by `paths`). */
  paths: readonly string[];
  /** Reads the files the check accepts; a path missing from the answer could not be read. */
  read: (paths: readonly string[]) => Promise<ReadonlyMap<string, FileContent>>;
  config: Config;
  /** Problems of the configuration in effect (or proposed by the pull request), reported with the rest. */
  configDiagnostics?: readonly Diagnostic[];
  port: Pick<IssuesPort, 'canBeAssigned' | 'listAssignees'>;
  /** `owner/name`, for messages. */
  repo: string;
  /** Lowest severity that fails the check (the config's `check.failOn`, or `never`). */
  failOn: Config['check']['failOn'];
  /** Diagnostics reported per file; the rest are counted (default 50, as GitHub shows). */
  maxPerFile?: number;
  /** Parses and lints one file (default {@link lintText}; the app passes its bounded worker pool). */
  lint?: (text: string, path: string, config: Config) => LintResult | Promise<LintResult>;
  /**
   * Review-time recurrence: the post-mortems already in the repository and the tracked issues
   * (null when the token cannot read them), with the check's local date; omitted, nothing is compared.
   */
  recurrence?: {
    earlier: () => Promise<{
      postmortems: readonly Postmortem[];
      issues: readonly IssueRecord[] | null;
    }>;
    today: string;
  };
}

/** What the pull-request check found, ready for any host to render. */
export interface PullRequestCheckReport {
  /** Post-mortem paths checked, sorted (unreadable ones included: they carry a `file-unreadable`). */
  files: string[];
  /** Every finding, sorted by file and line. */
  diagnostics: Diagnostic[];
  /** The findings to report: the first `maxPerFile` of each file. */
  shown: Diagnostic[];
  /** Files whose findings were cut, with how many were left out. */
  omitted: Array<{ file: string; count: number }>;
  /** What was not checked, and why (team owners, a token that may not read assignees). */
  notes: string[];
  errors: number;
  warnings: number;
  conclusion: CheckConclusion;
  failOn: Config['check']['failOn'];
  /** New post-mortems that resemble earlier ones (notices; warnings and errors are also in `diagnostics`); absent when not compared. */
  resemblances?: Resemblance[];
}

/**
 * The one pull-request check every host runs: refuses unusable paths, reads the rest through the
 * host, reports every file it could not read as `file-unreadable`, lints each post-mortem, checks
 * that owners can be assigned (when `config.check.checkAssignees`), and concludes against `failOn`.
 */
export async function checkPullRequest(
  input: PullRequestCheckInput,
): Promise<PullRequestCheckReport> {
  const files = [...new Set(input.paths)].sort();
  const diagnostics: Diagnostic[] = [...(input.configDiagnostics ?? [])];
  const accepted: string[] = [];
  for (const path of files) {
    const problem = pathProblem(path);
    if (problem === null) accepted.push(path);
    else
      diagnostics.push(
        unreadable(path, `${showPath(path)} ${problem}; it was not read.`, 'file-name-invalid'),
      );
  }
  const contents =
    accepted.length > 0 ? await input.read(accepted) : new Map<string, FileContent>();
  const lint = input.lint ?? lintText;
  const postmortems: Postmortem[] = [];
  for (const path of accepted) {
    const content = contents.get(path);
    if (content === undefined || 'unreadable' in content) {
      diagnostics.push(
        unreadable(
          path,
          content?.unreadable ?? `${path} could not be read at the pull request's head.`,
          content?.rule,
        ),
      );
      continue;
    }
    const result = await lint(content.text, path, input.config);
    diagnostics.push(...result.diagnostics);
    postmortems.push(result.postmortem);
  }
  const notes: string[] = [];
  if (input.config.check.checkAssignees) {
    const owners = await checkOwnersAssignable(postmortems, input.port, input.repo);
    diagnostics.push(...owners.diagnostics);
    notes.push(...owners.notes);
  }
  const resemblances =
    input.recurrence && postmortems.length > 0 && input.config.check.recurrence !== 'off'
      ? compareWithEarlier({
          added: postmortems,
          ...(await input.recurrence.earlier().then((e) => ({
            earlier: e.postmortems,
            issues: e.issues,
          }))),
          config: input.config,
          today: input.recurrence.today,
        })
      : [];
  for (const r of resemblances)
    if (r.level !== 'notice')
      diagnostics.push({
        file: r.file,
        line: r.line,
        column: 1,
        severity: r.level,
        rule: 'recurrence',
        message: resemblanceMessage(r),
      });
  sortDiagnostics(diagnostics);
  const { shown, omitted } = capDiagnostics(
    diagnostics,
    input.maxPerFile ?? MAX_ANNOTATIONS_PER_FILE,
  );
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    files,
    diagnostics,
    shown,
    omitted,
    notes,
    errors,
    warnings: diagnostics.length - errors,
    conclusion: checkConclusion(diagnostics, input.failOn),
    failOn: input.failOn,
    resemblances,
  };
}

function unreadable(file: string, message: string, rule = 'file-unreadable'): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}
