import type { Config } from '../config/schema.js';
import type { IssueRecord } from '../ports/port.js';
import type { Postmortem } from '../model/index.js';
import { parseMarker } from '../sync/marker.js';
import { resolveDueDate } from '../sync/resolve-due-date.js';
import { isCalendarDate } from '../text/calendar-date.js';
import type { DigestItem, DueDisagreement, IncidentRef } from './digest-model.js';
import { severityKey } from '../text/severity-key.js';
import { localDate } from './zoned-time.js';

/** The incident reference of a post-mortem. */
export function incidentRef(pm: Postmortem): IncidentRef {
  return {
    path: pm.path,
    title: pm.title ?? (pm.path.split('/').at(-1) ?? pm.path).replace(/\.md$/i, ''),
    date: isCalendarDate(pm.incidentDate) ? pm.incidentDate : null,
    severity: severityKey(pm.severity),
    line: pm.lines.title ?? 1,
  };
}

function pickIssue(candidates: IssueRecord[]): IssueRecord {
  // Duplicates should not exist; if they do, an open one decides (the work is not done).
  const open = candidates.filter((i) => i.state === 'open');
  const pool = open.length > 0 ? open : candidates;
  return pool.reduce((a, b) => (b.number > a.number ? b : a));
}

/**
 * Joins the action items of the post-mortems with their tracked issues (matched by the marker's
 * id and path): a tracked issue decides status (closed = done), creation and closing dates and the
 * owner (first assignee); an untracked item keeps the markdown's status.
 */
export function resolveItems(
  postmortems: readonly Postmortem[],
  issues: readonly IssueRecord[],
  config: Config,
): DigestItem[] {
  const tz = config.digest.timeZone;
  const byKey = new Map<string, IssueRecord[]>();
  for (const issue of issues) {
    const marker = parseMarker(issue.body);
    if (!marker) continue;
    const key = `${marker.path}#${marker.id}`;
    const list = byKey.get(key);
    if (list) list.push(issue);
    else byKey.set(key, [issue]);
  }

  const items: DigestItem[] = [];
  for (const pm of postmortems) {
    const incident = incidentRef(pm);
    const pmCreated = isCalendarDate(pm.publishedDate) ? pm.publishedDate : incident.date;
    for (const item of pm.actionItems) {
      const key = `${pm.path}#${item.id}`;
      const tracked = byKey.get(key);
      const issue = tracked ? pickIssue(tracked) : null;
      const due = resolveDueDate(
        item,
        { incidentDate: incident.date, severity: incident.severity, publishedDate: pmCreated },
        config.defaultDueDays,
      );
      const written = isCalendarDate(due.date) ? due.date : null;
      const disagreement = dueOnGitHub(issue, written, config);
      const assignee = issue?.assignees[0];
      items.push({
        key,
        id: item.id,
        path: pm.path,
        line: item.line,
        title: item.title,
        owner: assignee ? `@${assignee}` : item.owner,
        due:
          disagreement !== null && config.planning.dueDateSource === 'github'
            ? disagreement.github
            : written,
        ...(disagreement !== null ? { dueDisagreement: disagreement } : {}),
        dueWritten: !due.defaulted && due.reading === null && isCalendarDate(due.date),
        dueVague: due.vague,
        status: issue ? (issue.state === 'closed' ? 'done' : 'open') : item.status,
        statusSource: issue ? 'issue' : 'markdown',
        createdOn: issue ? localDate(new Date(issue.createdAt), tz) : pmCreated,
        closedOn:
          issue?.state === 'closed' && issue.closedAt
            ? localDate(new Date(issue.closedAt), tz)
            : null,
        issue: issue ? { number: issue.number, url: issue.url } : null,
        tracker: item.tracker,
        incident,
        authors: pm.authors,
      });
    }
  }
  return items;
}

/**
 * The dates the issue's due-date field and its project item's due-date field hold when they are
 * another day than the post-mortem's (someone changed them on GitHub), else null.
 */
function dueOnGitHub(
  issue: IssueRecord | null,
  postmortem: string | null,
  config: Config,
): DueDisagreement | null {
  if (issue === null) return null;
  const sources: DueDisagreement['sources'] = [];
  if (config.planning.issueFields) {
    const name = config.planning.dueDateField.toLowerCase();
    const value = issue.fieldValues?.find((v) => v.name?.toLowerCase() === name)?.value;
    const date = typeof value === 'string' ? value.slice(0, 10) : null;
    if (isCalendarDate(date) && date !== postmortem) sources.push({ where: 'issue-field', date });
  }
  const project = config.planning.project === null ? null : (issue.projectDue ?? null);
  if (isCalendarDate(project) && project !== postmortem)
    sources.push({ where: 'project', date: project });
  const [first] = sources;
  return first === undefined ? null : { postmortem, github: first.date, sources };
}
