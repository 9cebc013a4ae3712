import type { Config } from '../config/schema.js';
import type { Postmortem } from '../model/index.js';
import { classifyOwner } from '../markdown/owners.js';
import { truncate } from '../text/truncate.js';
import { uniqueCaseInsensitive } from '../text/unique-case-insensitive.js';
import type { DesiredIssue } from './desired-issue.js';
import { severityLabel } from './label-specs.js';
import { permalink } from './permalink.js';
import { renderIssueBody } from './render-issue-body.js';
import { resolveDueDate } from './resolve-due-date.js';
import type { RepoRef } from '../ports/port.js';
import { parseTrackerReference } from './tracker-reference.js';

/** Where and when the wanted state is computed. */
export interface DesiredIssuesContext {
  repo: RepoRef;
  /** Commit the post-mortems were read at (for permalinks). */
  sha: string;
  /** `https://github.com` or the GHES URL. */
  serverUrl: string;
  /** The current instant; items due before its UTC day are overdue. */
  now: Date;
}

const MAX_TITLE = 256;

/** Builds the issue every action item of the given post-mortems should have. */
export function desiredIssues(
  postmortems: readonly Postmortem[],
  config: Config,
  ctx: DesiredIssuesContext,
): DesiredIssue[] {
  const today = ctx.now.toISOString().slice(0, 10);
  const result: DesiredIssue[] = [];
  for (const pm of postmortems) {
    const sevLabel = severityLabel(config, pm.severity);
    for (const item of pm.actionItems) {
      const due = resolveDueDate(item, pm, config.defaultDueDays);
      const overdue = item.status === 'open' && due.date !== null && due.date < today;
      const ownerKind = classifyOwner(item.owner);
      const labels = [config.labels.tool];
      if (sevLabel !== null) labels.push(sevLabel);
      if (overdue && config.labels.overdue !== '') labels.push(config.labels.overdue);
      labels.push(...config.labels.extra);
      const status = item.status === 'done' ? 'done' : 'open';
      result.push({
        id: item.id,
        path: pm.path,
        line: item.line,
        title: issueTitle(item.title),
        body: renderIssueBody({
          itemText: item.title,
          owner: item.owner,
          ownerKind,
          due,
          severity: pm.severity,
          incidentTitle: pm.title,
          incidentDate: pm.incidentDate,
          path: pm.path,
          line: item.line,
          permalink: permalink(ctx.serverUrl, ctx.repo, ctx.sha, pm.path, item.line),
          status,
          marker: { id: item.id, path: pm.path, status, owner: item.owner },
        }),
        status,
        labels: uniqueCaseInsensitive(labels),
        owner: item.owner,
        ownerKind,
        assignee: ownerKind === 'user' && item.owner !== null ? item.owner.replace(/^@/, '') : null,
        tracker: parseTrackerReference(item.tracker, ctx.repo, ctx.serverUrl),
        due: due.date,
        dueDefaulted: due.defaulted,
        overdue,
      });
    }
  }
  return result;
}

function issueTitle(text: string): string {
  const title = text.replace(/\s+/g, ' ').trim() || 'Post-mortem action item';
  return truncate(title, MAX_TITLE);
}
