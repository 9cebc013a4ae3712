import { escapeMarkdown } from '../text/escape-markdown.js';
import { quoteMentions } from '../text/quote-mentions.js';
import { renderParentMarker, type ParentStatus } from './parent-marker.js';

/** What a post-mortem's parent issue shows. */
export interface ParentFields {
  path: string;
  incidentTitle: string | null;
  incidentDate: string | null;
  severity: string | null;
  impact: string | null;
  /** Link to the post-mortem file at the synced commit. */
  fileUrl: string;
  status: ParentStatus;
}

const MAX_TITLE = 256;

function text(value: string): string {
  return quoteMentions(escapeMarkdown(value));
}

/** The parent issue's title: the incident's title and date (the file's path when it has no title). */
export function renderParentTitle(fields: ParentFields): string {
  const name = fields.incidentTitle ?? fields.path;
  const title = fields.incidentDate === null ? name : `${name} (${fields.incidentDate})`;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

/**
 * Renders a parent issue's body: the incident, its severity and impact, a link to the file; the
 * action items are its sub-issues, which GitHub lists with their progress. User text is escaped.
 */
export function renderParentBody(fields: ParentFields): string {
  const lines = [
    `**Incident:** ${text(fields.incidentTitle ?? fields.path)}${fields.incidentDate === null ? '' : ` (${text(fields.incidentDate)})`}`,
    `**Severity:** ${fields.severity === null ? 'not given' : text(fields.severity)}`,
  ];
  if (fields.impact !== null) lines.push(`**Impact:** ${text(fields.impact)}`);
  lines.push(
    '',
    `Post-mortem: [${text(fields.path)}](${fields.fileUrl})`,
    '',
    'Its action items are the sub-issues of this issue: GitHub lists them below with the progress. Edit the post-mortem, not this issue; the next sync brings it in step.',
    '',
    renderParentMarker({ path: fields.path, status: fields.status }),
  );
  return lines.join('\n');
}
