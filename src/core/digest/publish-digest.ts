import type { Config } from '../config/schema.js';
import type { DiscussionCommentRecord, DiscussionsPort } from '../ports/discussions-port.js';
import { isToolAuthor } from '../ports/is-tool-author.js';
import type { CommentRecord, IssuesPort } from '../ports/port.js';
import { DIGEST_HOME_MARKER, parseDigestMarker, renderDigestMarker } from './digest-marker.js';
import { errorMessage } from '../text/error-message.js';

/** Where a digest ended up. */
export type DigestTarget = Config['digest']['target'];

/** The outcome of publishing one week's digest. */
export interface PublishResult {
  target: DigestTarget;
  /** URL of the main body (comment, Discussion or issue comment). */
  url: string;
  /** URLs of every part, main body first. */
  partUrls: string[];
  /** `created` on the first run of the week, `updated` or `unchanged` on later runs. */
  outcome: 'created' | 'updated' | 'unchanged';
  /** Why the configured target was not used, and other warnings. */
  messages: string[];
}

/** Raised when the configured Discussion target is unavailable and the issue fallback is off. */
export class DigestTargetError extends Error {
  override name = 'DigestTargetError';
}

/** What publishing needs: the week's bodies (main first), the ports, and the login the tool writes as. */
export interface PublishInput {
  week: string;
  bodies: readonly string[];
  config: Config;
  issues: IssuesPort;
  discussions: DiscussionsPort;
  /** Markers count only in bodies this login wrote: anyone can type a marker into a comment. */
  toolLogin: string;
}

interface Authored {
  body: string;
  author?: string | null | undefined;
}

interface Written {
  url: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

function homeBody(config: Config, where: string): string {
  return [
    `This ${where} collects the weekly post-mortem digest: overdue action items, recurring incidents and response metrics.`,
    `A new comment is added each week (${config.digest.day}s, ${config.digest.timeZone}); a run later in the same week updates that week's comment.`,
    '',
    DIGEST_HOME_MARKER,
  ].join('\n');
}

/** Note left in a follow-up part that an earlier run of the week needed but this one does not. */
export function renderRetiredPart(week: string, part: number, total: number): string {
  return `${renderDigestMarker(week, part)}\n\n_This part is no longer needed: the ${week} digest now fits in ${total} part${total === 1 ? '' : 's'}._`;
}

/** Upserts parts 1..n and retires surplus parts, given the existing records of this week keyed by part. */
async function upsertParts<T extends { body: string; url: string }>(
  week: string,
  bodies: readonly string[],
  existing: Map<number, T>,
  create: (part: number, body: string, main: T | null) => Promise<T>,
  update: (record: T, body: string) => Promise<T>,
): Promise<{ records: T[]; outcome: Written['outcome'] }> {
  const records: T[] = [];
  let outcome: Written['outcome'] = existing.has(1) ? 'unchanged' : 'created';
  for (let i = 0; i < bodies.length; i++) {
    const part = i + 1;
    const body = bodies[i]!;
    const old = existing.get(part);
    if (!old) records.push(await create(part, body, records[0] ?? null));
    else if (old.body.trim() === body.trim()) records.push(old);
    else {
      records.push(await update(old, body));
      if (outcome === 'unchanged') outcome = 'updated';
    }
  }
  if (
    outcome === 'unchanged' &&
    bodies.length > 0 &&
    [...existing.keys()].some((p) => p > bodies.length)
  )
    outcome = 'updated';
  for (const [part, old] of [...existing].sort((a, b) => a[0] - b[0])) {
    if (part <= bodies.length) continue;
    const retired = renderRetiredPart(week, part, bodies.length);
    if (old.body.trim() !== retired.trim()) await update(old, retired);
  }
  return { records, outcome };
}

/** This week's parts among `records`, keyed by part: only records the tool's login wrote count. */
function byPart<T extends Authored>(
  records: readonly T[],
  week: string,
  toolLogin: string,
  filter: (r: T) => boolean = () => true,
): Map<number, T> {
  const out = new Map<number, T>();
  for (const r of records) {
    if (!isToolAuthor(r.author, toolLogin)) continue;
    const m = parseDigestMarker(r.body);
    if (m?.week === week && filter(r) && !out.has(m.part)) out.set(m.part, r);
  }
  return out;
}

/** Whether `record` is the tool's own and its body carries `marker`. */
function ownWith(record: Authored, marker: string, toolLogin: string): boolean {
  return isToolAuthor(record.author, toolLogin) && record.body.includes(marker);
}

async function publishToDiscussionComment(
  input: PublishInput,
  categoryId: string,
): Promise<PublishResult> {
  const { discussions, config, week, bodies, toolLogin } = input;
  // The oldest home wins: a newer Discussion carrying the marker is at best a duplicate.
  const home =
    (await discussions.findDiscussion(categoryId, {
      from: 'oldest',
      accept: (d) => ownWith(d, DIGEST_HOME_MARKER, toolLogin),
    })) ??
    (await discussions.createDiscussion({
      categoryId,
      title: config.digest.title,
      body: homeBody(config, 'Discussion'),
    }));
  const comments = await discussions.listDiscussionComments(home.id);
  const main = byPart(comments, week, toolLogin, (c) => c.replyToId === null).get(1) ?? null;
  // Follow-up parts are replies to this week's main comment.
  const existing = main
    ? byPart(comments, week, toolLogin, (c) => c.replyToId === main.id)
    : new Map<number, DiscussionCommentRecord>();
  if (main) existing.set(1, main);
  const { records, outcome } = await upsertParts(
    week,
    bodies,
    existing,
    (part, body, first) =>
      discussions.addDiscussionComment(home.id, body, part === 1 ? undefined : first!.id),
    (record, body) => discussions.updateDiscussionComment(record.id, body),
  );
  return {
    target: 'discussion-comment',
    url: records[0]!.url,
    partUrls: records.map((r) => r.url),
    outcome,
    messages: [],
  };
}

async function publishToWeeklyDiscussion(
  input: PublishInput,
  categoryId: string,
): Promise<PublishResult> {
  const { discussions, config, week, bodies, toolLogin } = input;
  const marker = renderDigestMarker(week);
  const found = await discussions.findDiscussion(categoryId, {
    from: 'newest',
    accept: (d) => ownWith(d, marker, toolLogin),
  });
  const comments = found ? await discussions.listDiscussionComments(found.id) : [];
  let discussionId = found?.id ?? null;
  const existing = new Map<number, { id: string; body: string; url: string }>(
    byPart(comments, week, toolLogin, (c) => c.replyToId === null),
  );
  if (found) existing.set(1, found);
  const { records, outcome } = await upsertParts(
    week,
    bodies,
    existing,
    async (part, body) => {
      if (part === 1) {
        const d = await discussions.createDiscussion({
          categoryId,
          title: `${config.digest.title} ${week}`,
          body,
        });
        discussionId = d.id;
        return d;
      }
      return discussions.addDiscussionComment(discussionId!, body);
    },
    (record, body) =>
      record.id === found?.id
        ? discussions.updateDiscussion(record.id, { body })
        : discussions.updateDiscussionComment(record.id, body),
  );
  return {
    target: 'discussion',
    url: records[0]!.url,
    partUrls: records.map((r) => r.url),
    outcome,
    messages: [],
  };
}

async function publishToIssue(input: PublishInput, messages: string[]): Promise<PublishResult> {
  const { issues, discussions, config, week, bodies, toolLogin } = input;
  const label = config.digest.issueLabel;
  const candidates = (await issues.listIssuesByLabel(label)).filter(
    (i) => i.state === 'open' && ownWith(i, DIGEST_HOME_MARKER, toolLogin),
  );
  let home = candidates.sort((a, b) => a.number - b.number)[0] ?? null;
  if (!home) {
    const labels = await issues.listLabels();
    if (!labels.some((l) => l.toLowerCase() === label.toLowerCase())) {
      await issues.createLabel({
        name: label,
        color: '0e8a16',
        description: 'The weekly post-mortem digest',
      });
    }
    home = await issues.createIssue({
      title: config.digest.title,
      body: homeBody(config, 'issue'),
      labels: [label],
      assignees: [],
    });
    try {
      await discussions.pinIssue(home.number);
    } catch (error) {
      messages.push(`Could not pin digest issue #${home.number}: ${errorMessage(error)}`);
    }
  }
  const number = home.number;
  const comments = await issues.listComments(number);
  const { records, outcome } = await upsertParts<CommentRecord>(
    week,
    bodies,
    byPart(comments, week, toolLogin),
    (_part, body) => issues.createComment(number, body),
    (record, body) => discussions.updateIssueComment(record.id, body),
  );
  return {
    target: 'issue',
    url: records[0]!.url,
    partUrls: records.map((r) => r.url),
    outcome,
    messages,
  };
}

/**
 * Posts (or, later in the same ISO week, updates) the digest at the configured target, found by the
 * hidden week marker in a body the tool's own login wrote (the oldest home wins); falls back to a pinned issue when Discussions or the category are unavailable.
 */
export async function publishDigest(input: PublishInput): Promise<PublishResult> {
  const { config, discussions } = input;
  if (input.bodies.length === 0) throw new Error('publishDigest needs at least one body');
  const target = config.digest.target;
  if (target === 'issue') return publishToIssue(input, []);

  let problem: string | null = null;
  let categoryId: string | null = null;
  const category = config.digest.category;
  if (!(await discussions.hasDiscussionsEnabled())) {
    problem = `Discussions are disabled in this repository, so the digest cannot go to category "${category}": enable Discussions in Settings → General → Features and create category "${category}" in Settings → Discussions, or set digest.target: issue.`;
  } else {
    const categories = await discussions.listCategories();
    const wanted = category.trim().toLowerCase();
    const found = categories.find(
      (c) => c.name.trim().toLowerCase() === wanted || c.slug.toLowerCase() === wanted,
    );
    if (found) categoryId = found.id;
    else {
      const known = categories.map((c) => `"${c.name}"`).join(', ') || 'none';
      problem = `Discussion category "${category}" does not exist (categories: ${known}): create category "${category}" in Settings → Discussions, or set digest.category to an existing one.`;
    }
  }
  if (categoryId !== null) {
    return target === 'discussion'
      ? publishToWeeklyDiscussion(input, categoryId)
      : publishToDiscussionComment(input, categoryId);
  }
  if (!config.digest.fallbackToIssue)
    throw new DigestTargetError(
      `${problem} (digest.fallbackToIssue is off, so nothing was posted.)`,
    );
  return publishToIssue(input, [
    `${problem} Posted to the pinned issue labelled "${config.digest.issueLabel}" instead.`,
  ]);
}
