import type { Config } from '../config/schema.js';
import type { IssuesPort } from '../github/port.js';
import { lintText } from '../lint/lint-text.js';
import { sortDiagnostics } from '../lint/sort-diagnostics.js';
import type { Diagnostic } from '../model/index.js';
import { checkOwnersAssignable } from './check-owners-assignable.js';

/** What the pull-request check found in a set of post-mortems. */
export interface PostmortemCheck {
  /** Lint findings and owner warnings, sorted by file and line. */
  diagnostics: Diagnostic[];
  /** Sentences for the summary: what the owner check skipped, and why. */
  notes: string[];
}

/**
 * Lints each post-mortem and, when `config.check.checkAssignees`, checks that its owners can be
 * assigned in `repo` (`owner/name`). The one check the Action and the app both report.
 */
export async function checkPostmortems(
  files: ReadonlyArray<{ path: string; text: string }>,
  config: Config,
  port: Pick<IssuesPort, 'canBeAssigned' | 'listAssignees'>,
  repo: string,
): Promise<PostmortemCheck> {
  const diagnostics: Diagnostic[] = [];
  const postmortems = files.map(({ path, text }) => {
    const result = lintText(text, path, config);
    diagnostics.push(...result.diagnostics);
    return result.postmortem;
  });
  const notes: string[] = [];
  if (config.check.checkAssignees) {
    const owners = await checkOwnersAssignable(postmortems, port, repo);
    diagnostics.push(...owners.diagnostics);
    notes.push(...owners.notes);
  }
  return { diagnostics: sortDiagnostics(diagnostics), notes };
}
