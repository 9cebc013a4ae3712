import type { Config } from '../config/schema.js';
import { isToolAuthor } from '../ports/is-tool-author.js';
import type { IssuesPort } from '../ports/port.js';
import type { ItemRow } from './digest-model.js';
import { parseReminderMarker, renderReminderMarker } from './digest-marker.js';
import { isGitHubHandle } from '../markdown/owners.js';
import { escapeText } from '../text/escape-markdown.js';
import { postmortemLink, type RenderOptions } from './render-digest.js';

/** `@handle` for a GitHub handle written with or without its `@`; anything else as escaped text. */
function mention(who: string): string {
  const handle = `@${who.trim().replace(/^@/, '')}`;
  return isGitHubHandle(handle) ? handle : escapeText(who, 80);
}

/** One reminder to post on an overdue item's issue. */
export interface PlannedReminder {
  issueNumber: number;
  body: string;
  escalated: boolean;
}

/** Options of {@link planReminders}. */
export interface ReminderPlanOptions {
  week: string;
  reminders: Config['digest']['reminders'];
  /** Post-mortem authors by path, the escalation contact when none is configured. */
  authorsByPath: ReadonlyMap<string, readonly string[]>;
  links: RenderOptions;
}

/** The reminder comment of one overdue item: its owner mentioned, and past `escalateAfterDays` the escalation contact too. */
export function renderReminder(
  row: ItemRow,
  options: ReminderPlanOptions,
): { body: string; escalated: boolean } {
  const { escalateAfterDays, escalateTo } = options.reminders;
  const owner = row.owner ? mention(row.owner) : 'No owner is set';
  const lines = [
    `${owner}${row.owner ? ',' : ':'} this action item is **${row.days} day${row.days === 1 ? '' : 's'} overdue** (due ${row.due}). ` +
      `Close this issue when it is done, or change the due date in [the post-mortem](${postmortemLink(row.path, row.line, options.links)}).`,
  ];
  let escalated = false;
  if (row.days >= escalateAfterDays) {
    const contacts = escalateTo ? [escalateTo] : [...(options.authorsByPath.get(row.path) ?? [])];
    if (contacts.length > 0) {
      escalated = true;
      lines.push(
        '',
        `Escalating to ${contacts.map(mention).join(', ')}: overdue for ${escalateAfterDays} days or more.`,
      );
    }
  }
  lines.push('', renderReminderMarker(options.week));
  return { body: lines.join('\n'), escalated };
}

/** Reminders for the overdue items that have a tracked issue; pure. */
export function planReminders(
  overdue: readonly ItemRow[],
  options: ReminderPlanOptions,
): PlannedReminder[] {
  const seen = new Set<number>();
  const out: PlannedReminder[] = [];
  for (const row of overdue) {
    if (!row.issue || seen.has(row.issue.number)) continue;
    seen.add(row.issue.number);
    out.push({ issueNumber: row.issue.number, ...renderReminder(row, options) });
  }
  return out;
}

/** What the reminder step did. */
export interface ReminderResult {
  posted: number[];
  /** Issues already reminded within the last 7 days (or this ISO week). */
  skipped: number[];
  /** Issues not reminded because the write budget ran out. */
  deferred: number[];
}

/**
 * Posts each planned reminder unless the issue already has one of ours from this ISO week or the
 * last 7 days (found by the hidden marker and its date, in comments `toolLogin` wrote: anyone can
 * type the marker); sequential, within `maxWrites`.
 */
export async function sendReminders(
  planned: readonly PlannedReminder[],
  deps: { issues: IssuesPort; now: Date; week: string; maxWrites: number; toolLogin: string },
): Promise<ReminderResult> {
  const result: ReminderResult = { posted: [], skipped: [], deferred: [] };
  const weekAgo = deps.now.getTime() - 7 * 86_400_000;
  for (const reminder of planned) {
    const comments = await deps.issues.listComments(reminder.issueNumber);
    const recent = comments.some((c) => {
      if (!isToolAuthor(c.author, deps.toolLogin)) return false;
      const week = parseReminderMarker(c.body);
      return week !== null && (week === deps.week || Date.parse(c.createdAt) > weekAgo);
    });
    if (recent) {
      result.skipped.push(reminder.issueNumber);
      continue;
    }
    if (result.posted.length >= deps.maxWrites) {
      result.deferred.push(reminder.issueNumber);
      continue;
    }
    await deps.issues.createComment(reminder.issueNumber, reminder.body);
    result.posted.push(reminder.issueNumber);
  }
  return result;
}
