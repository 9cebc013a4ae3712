import type { OwnerKind } from '../markdown/owners.js';
import type { ResolvedDue } from './resolve-due-date.js';
import { escapeMarkdown } from '../text/escape-markdown.js';
import { quoteMentions } from '../text/quote-mentions.js';
import { renderMarker, type ItemMarker } from './marker.js';

/** Everything an action item's issue body shows. */
export interface IssueBodyFields {
  itemText: string;
  /** Owner as written (`@alice`, `@org/team`, `Alice`), or null. */
  owner: string | null;
  /** `team` and `name` owners cannot be assigned; the body says so. */
  ownerKind: OwnerKind;
  due: ResolvedDue;
  severity: string | null;
  incidentTitle: string | null;
  incidentDate: string | null;
  path: string;
  line: number;
  /** `https://github.com/{o}/{r}/blob/{sha}/{path}#L{line}` */
  permalink: string;
  status: 'open' | 'done';
  marker: ItemMarker;
}

/** User text of the body: escaped, and no mention in it pings anyone (only the Owner row may). */
function text(value: string): string {
  return quoteMentions(escapeMarkdown(value));
}

/**
 * Renders the body of an action item's issue; user text is escaped, the owner is its one live
 * mention (every other `@handle` or `@org/team` is quoted), the hidden marker comes last.
 */
export function renderIssueBody(fields: IssueBodyFields): string {
  const rows: Array<[string, string]> = [
    ['Owner', renderOwner(fields.owner, fields.ownerKind)],
    ['Due', renderDue(fields.due, fields.severity)],
    ['Severity', fields.severity === null ? '_not stated_' : text(fields.severity)],
    ['Incident', renderIncident(fields.incidentTitle, fields.incidentDate)],
    ['Source', `[${text(fields.path)} line ${fields.line}](${fields.permalink})`],
    ['Status', fields.status === 'done' ? 'done' : 'open'],
  ];
  return [
    `> ${text(fields.itemText)}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([key, value]) => `| ${key} | ${value} |`),
    '',
    '<sub>Tracked by postmortem-tracker from the post-mortem above: edit the item there, not this issue.</sub>',
    '',
    renderMarker(fields.marker),
  ].join('\n');
}

/** Renders the comment left on an issue whose action item was removed from its post-mortem. */
export function renderRemovalComment(path: string, id: string): string {
  return [
    `This action item is no longer in \`${path.replace(/`/g, "'")}\`, so the issue is closed as not planned.`,
    '',
    renderRemovalCommentMarker(id),
  ].join('\n');
}

/** Renders the comment left on a tool issue whose item now links another issue. */
export function renderLinkedComment(path: string, id: string, number: number): string {
  return [
    `The action item in \`${path.replace(/`/g, "'")}\` now links #${number}, so this issue is closed as a duplicate of it.`,
    '',
    renderRemovalCommentMarker(id),
  ].join('\n');
}

/** The hidden marker of a closing comment, used to avoid posting it twice after an interrupted run. */
export function renderRemovalCommentMarker(id: string): string {
  return `<!-- postmortem-tracker:closing ${JSON.stringify(id).replace(/--/g, '\\u002d\\u002d').replace(/>/g, '\\u003e')} -->`;
}

function renderOwner(owner: string | null, kind: OwnerKind): string {
  if (owner === null || kind === 'none')
    return '_none: add an owner to the item in the post-mortem_';
  if (kind === 'team') return `${owner} (a team: mentioned, not assigned)`;
  if (kind === 'name') return `${text(owner)} (not a GitHub login: not assigned)`;
  return owner;
}

function renderDue(due: ResolvedDue, severity: string | null): string {
  if (due.date !== null && due.defaulted) {
    const written =
      due.vague !== null ? `“${text(due.vague)}” names no day` : 'no due date was written';
    return `${due.date} (defaulted: ${due.defaultDays ?? '?'} days after the incident for ${text(severity ?? 'this severity')}; ${written})`;
  }
  if (due.date !== null && due.vague !== null && due.reading !== null)
    return `${due.date} (“${text(due.vague)}” read as ${text(due.reading)}; write YYYY-MM-DD in the post-mortem to change it)`;
  if (due.date !== null) return due.date;
  if (due.vague !== null) return `${text(due.vague)} (as written; not a single day)`;
  return '_none_';
}

function renderIncident(title: string | null, date: string | null): string {
  const name = title === null ? '_untitled post-mortem_' : text(title);
  return date === null ? name : `${name} (${date})`;
}
