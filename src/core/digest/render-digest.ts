import type {
  Digest,
  ItemRow,
  Rate,
  RecurrenceGroup,
  ResponseMetric,
  SeverityMetrics,
  WeekPoint,
} from './digest-model.js';
import { renderDigestMarker } from './digest-marker.js';
import { isGitHubHandle } from '../markdown/owners.js';
import { encodePath } from '../text/encode-path.js';
import { renderTracker } from './render-tracker.js';
import { escapeText, escapeUrl } from '../text/escape-markdown.js';
import { splitBody, type Block } from './split-body.js';
import { plural } from '../text/plural.js';
import { renderDueDisagreement } from './render-due-disagreement.js';

/** Where links point. */
export interface RenderOptions {
  /** `https://github.com/owner/repo`; null renders repository-relative links (offline CLI). */
  repoUrl: string | null;
  /** Branch post-mortem links point at (the default branch). */
  defaultBranch: string;
  /** Body limit per part (GitHub's 65,536 by default). */
  limit?: number;
}

/** Renders owners, @-mentioning each GitHub handle the first time only. */
export class Mentions {
  readonly #seen = new Set<string>();

  /** `@login` the first time, plain `login` afterwards; names that are not handles are escaped text. */
  render(owner: string | null): string {
    if (!owner) return '—';
    const trimmed = owner.trim();
    if (!isGitHubHandle(trimmed)) return escapeText(owner);
    const handle = trimmed.slice(1);
    const key = handle.toLowerCase();
    if (this.#seen.has(key)) return handle;
    this.#seen.add(key);
    return `@${handle}`;
  }
}

/** Link target of a line of a post-mortem on the default branch (or relative, offline). */
export function postmortemLink(path: string, line: number, options: RenderOptions): string {
  const target = options.repoUrl
    ? `${options.repoUrl}/blob/${encodeURIComponent(options.defaultBranch)}/${encodePath(path)}`
    : encodePath(path);
  return `${escapeUrl(target)}#L${line}`;
}

/** `▲ 8 pts` / `▼ 3 pts` / `± 0 pts`; empty when unknown. */
export function renderTrend(delta: number | null, unit: string): string {
  if (delta === null) return '';
  const rounded = Math.round(delta);
  if (rounded === 0) return `± 0 ${unit}`;
  return `${rounded > 0 ? '▲' : '▼'} ${Math.abs(rounded)} ${unit}`;
}

/** `64% (▲ 8 pts)`; `—` with the reason when nothing could be measured. */
function renderRate(rate: Rate): string {
  if (rate.value === null)
    return rate.unknown > 0 ? '— (closing dates unknown)' : '— (no items due)';
  const t = renderTrend(rate.trend, 'pts');
  return t ? `${rate.value}% (${t})` : `${rate.value}%`;
}

/** The one-line headline: "7 overdue, 3 due in the next 7 days, completion 64% (▲ 8 pts)", plus recurrences while items were open. */
export function renderHeadline(digest: Digest): string {
  const i = digest.items;
  const recurred = digest.recurrence.filter((g) => g.recurredWhileOpen.length > 0).length;
  return (
    `${i.overdue.length} overdue, ${i.dueSoon.length} due in the next ${plural(i.dueSoonDays, 'day')}, completion ${renderRate(i.completion)}` +
    (recurred > 0
      ? `, ${plural(recurred, 'incident class', 'incident classes')} recurred while action items were open`
      : '')
  );
}

/** Minutes as `4 min`, `1 h 25 min` or `2 d 3 h`. */
export function renderMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const h = Math.round(m / 60);
  return h % 24 === 0 ? `${h / 24} d` : `${Math.floor(h / 24)} d ${h % 24} h`;
}

function table(caption: string, columns: string[], rows: string[][]): Block {
  return {
    kind: 'table',
    caption,
    header: `| ${columns.join(' | ')} |\n|${columns.map(() => ' --- ').join('|')}|`,
    rows: rows.map((r) => `| ${r.join(' | ')} |`),
  };
}

function text(t: string): Block {
  return { kind: 'text', text: t };
}

/** Rows of the items-without-owner-or-due table; the rest are counted, not listed. */
const MAX_INCOMPLETE_ROWS = 25;

interface Ctx {
  options: RenderOptions;
  mentions: Mentions;
}

function itemCell(row: ItemRow, ctx: Ctx): string {
  return `[${escapeText(row.title, 120)}](${postmortemLink(row.path, row.line, ctx.options)})`;
}

/** The tracked issue; else the tracker the post-mortem names; else `—`. */
function issueCell(row: Pick<ItemRow, 'issue' | 'tracker'>, ctx: Ctx): string {
  if (row.issue) return `[#${row.issue.number}](${escapeUrl(row.issue.url)})`;
  return row.tracker ? renderTracker(row.tracker, ctx.options.repoUrl) : '—';
}

function incidentCell(row: { incident: ItemRow['incident'] }, ctx: Ctx): string {
  const inc = row.incident;
  const label = `${inc.date ?? 'undated'}${inc.severity ? ` ${escapeText(inc.severity, 20)}` : ''} · ${escapeText(inc.title, 80)}`;
  return `[${label}](${postmortemLink(inc.path, inc.line, ctx.options)})`;
}

function itemSection(
  heading: string,
  rows: ItemRow[],
  daysColumn: string | null,
  ctx: Ctx,
  empty: string,
): Block[] {
  const title = `### ${heading} (${rows.length})`;
  if (rows.length === 0) return [text(`${title}\n\n_${empty}_`)];
  const columns = [
    'Item',
    'Owner',
    'Due',
    ...(daysColumn ? [daysColumn] : []),
    'Issue',
    'Post-mortem',
  ];
  return [
    table(
      title,
      columns,
      rows.map((r) => [
        itemCell(r, ctx),
        ctx.mentions.render(r.owner),
        r.dueDisagreement
          ? `${r.due ?? '—'} (${renderDueDisagreement(r.dueDisagreement)})`
          : (r.due ?? '—'),
        ...(daysColumn ? [String(r.days)] : []),
        issueCell(r, ctx),
        incidentCell(r, ctx),
      ]),
    ),
  ];
}

/** Mermaid bar + line chart of open vs overdue items over the last weeks. */
export function renderOpenOverdueChart(points: readonly WeekPoint[]): string {
  const max = Math.max(1, ...points.map((p) => p.open));
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Open (bars) vs overdue (line) action items"',
    `    x-axis [${points.map((p) => `"${p.week.slice(5)}"`).join(', ')}]`,
    `    y-axis "Items" 0 --> ${max}`,
    `    bar [${points.map((p) => p.open).join(', ')}]`,
    `    line [${points.map((p) => p.overdue).join(', ')}]`,
    '```',
  ].join('\n');
}

/** Mermaid pie of incidents per severity. */
export function renderSeverityPie(
  counts: readonly { severity: string; count: number }[],
  windowDays: number,
): string {
  return [
    '```mermaid',
    `pie showData title Incidents per severity (last ${windowDays} days)`,
    ...counts.map((c) => `    "${c.severity.replace(/[^A-Za-z0-9 _-]/g, '')}" : ${c.count}`),
    '```',
  ].join('\n');
}

function metricCell(m: ResponseMetric): string {
  const parts: string[] = [];
  if (m.median === null) parts.push('—');
  else {
    const status = m.met === null ? '' : m.met ? ' ✅' : ' ❌';
    const t = m.trend === null ? '' : renderTrend(m.trend, 'min');
    parts.push(`${renderMinutes(m.median)}${status}${t ? ` (${t})` : ''}`);
  }
  parts.push(m.target !== null ? `target ${renderMinutes(m.target)}` : 'no target');
  if (m.unmeasured > 0) parts.push(`${m.unmeasured} unmeasured`);
  return parts.join(' · ');
}

function responseSection(digest: Digest): Block[] {
  const title = `### Response metrics (medians, last ${digest.windowDays} days vs the ${digest.windowDays} before)`;
  const blocks: Block[] = [];
  if (digest.response.length === 0)
    blocks.push(text(`${title}\n\n_No dated incidents in the window._`));
  else
    blocks.push(
      table(
        title,
        [
          'Severity',
          'Incidents',
          'MTTD (start → detection)',
          'MTTA (detection → ack)',
          'MTTR (start → resolution)',
        ],
        digest.response.map((s: SeverityMetrics) => [
          escapeText(s.severity, 20),
          String(s.incidents),
          metricCell(s.mttd),
          metricCell(s.mtta),
          metricCell(s.mttr),
        ]),
      ),
    );
  if (digest.response.length > 0)
    blocks.push(
      text(
        '_Unmeasured: the timeline lacks a timed start, detection, acknowledgement or resolution entry; such incidents are not guessed._',
      ),
    );
  if (digest.incidentsBySeverity.length > 0)
    blocks.push(text(renderSeverityPie(digest.incidentsBySeverity, digest.windowDays)));
  return blocks;
}

function basisLabel(basis: RecurrenceGroup['basis'], joined: readonly string[]): string {
  // A service or tag signal carries every shared name in one key ("a, b"): one code span each.
  const keys =
    basis === 'service' || basis === 'tag' ? joined.flatMap((k) => k.split(', ')) : joined;
  const codes = keys.map((k) => `\`${escapeText(k, 60).replace(/`/g, '')}\``).join(', ');
  switch (basis) {
    case 'service':
      return `${keys.length === 1 ? 'service' : 'services'} ${codes}`;
    case 'tag':
      return `${keys.length === 1 ? 'tag' : 'tags'} ${codes}`;
    case 'rootCauseCategory':
      return `root cause ${codes}`;
    case 'similarity':
      return `similar wording (${keys.map((k) => escapeText(k, 80)).join('; ')})`;
  }
}

/** The grounds a group was formed on, one phrase per basis: "Root cause `x` · tags `a`, `b`". */
function groupLabel(group: RecurrenceGroup): string {
  const keys = new Map<RecurrenceGroup['basis'], string[]>();
  for (const { basis, key } of [{ basis: group.basis, key: group.key }, ...group.also]) {
    const list = keys.get(basis);
    if (list) list.push(key);
    else keys.set(basis, [key]);
  }
  const labels = [...keys].map(([basis, k]) => basisLabel(basis, k));
  const first = labels[0]!;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...labels.slice(1)].join(' · ');
}

function recurrenceSection(digest: Digest, ctx: Ctx): Block[] {
  const groups = digest.recurrence;
  const flagged = groups.filter((g) => g.recurredWhileOpen.length > 0).length;
  const title =
    `### Recurring incidents: ${plural(groups.length, 'group')}` +
    (groups.length > 0 ? `, ${flagged} recurred while action items were open` : '');
  const scope = `_Incidents of the same class at most ${digest.recurrenceWindowDays} days apart; groups with an incident in the last ${digest.recurrenceLookbackDays} days._`;
  if (groups.length === 0) return [text(`${title}\n\n${scope}\n\n_No incident class recurred._`)];
  const blocks: Block[] = [text(`${title}\n\n${scope}`)];
  for (const group of groups) {
    const warn = group.recurredWhileOpen.length > 0 ? '⚠️ ' : '';
    const flags = group.recurredWhileOpen.map((r) => {
      const shown = r.openItems.slice(0, 3);
      const more = r.openItems.length - shown.length;
      const open =
        shown
          .map((o) => {
            const notes = [
              ...(o.issue || o.tracker ? [issueCell(o, ctx)] : []),
              ...(o.due ? [`due ${o.due}`] : []),
            ];
            return `[${escapeText(o.title, 100)}](${postmortemLink(r.earlier.path, o.line, ctx.options)})${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
          })
          .join('; ') + (more > 0 ? `; and ${more} more` : '');
      return (
        `- **Recurred while action items of an earlier incident were still open:** ` +
        `the ${r.incident.date} incident happened while ${plural(r.openItems.length, 'item')} of the ${r.earlier.date} incident ${r.openItems.length === 1 ? 'was' : 'were'} open: ${open}`
      );
    });
    blocks.push(
      table(
        `#### ${warn}${groupLabel(group)}: ${group.incidents.length} incidents${flags.length > 0 ? `\n\n${flags.join('\n')}` : ''}`,
        ['Date', 'Severity', 'Incident'],
        group.incidents.map((inc) => [
          inc.date ?? '—',
          escapeText(inc.severity ?? '—', 20),
          `[${escapeText(inc.title, 120)}](${postmortemLink(inc.path, inc.line, ctx.options)})`,
        ]),
      ),
    );
  }
  return blocks;
}

function hygieneSection(digest: Digest, ctx: Ctx): Block[] {
  const h = digest.hygiene;
  const blocks: Block[] = [text('### Post-mortem hygiene')];
  if (h.latePostmortems.length === 0)
    blocks.push(
      text(
        `_Every SEV1/SEV2 post-mortem with a known date landed within ${h.maxBusinessDays} business days._`,
      ),
    );
  else
    blocks.push(
      table(
        `**Landed more than ${h.maxBusinessDays} business days after the incident (${h.latePostmortems.length})**`,
        ['Incident', 'Landed', 'Business days'],
        h.latePostmortems.map((l) => [incidentCell(l, ctx), l.landed, String(l.businessDays)]),
      ),
    );
  if (h.landingUnknown.length > 0)
    blocks.push(
      text(
        `_${h.landingUnknown.length} SEV1/SEV2 post-mortem${h.landingUnknown.length === 1 ? ' has' : 's have'} no published date; landing time unmeasured._`,
      ),
    );
  if (h.incompleteItems.length === 0)
    blocks.push(text('_Every open item has an owner and a due date._'));
  else {
    const shown = h.incompleteItems.slice(0, MAX_INCOMPLETE_ROWS);
    blocks.push(
      table(
        `**Open items without an owner or due date (${h.incompleteItems.length})**`,
        ['Item', 'Missing', 'Post-mortem'],
        shown.map((i) => [itemCell(i.row, ctx), i.missing.join(', '), incidentCell(i.row, ctx)]),
      ),
    );
    const more = h.incompleteItems.length - shown.length;
    if (more > 0)
      blocks.push(
        text(
          `_${plural(more, 'more item')} of older incidents not listed; \`postmortem-tracker lint\` reports each (rules \`action-item-owner\`, \`action-item-due\`)._`,
        ),
      );
  }
  return blocks;
}

/** The digest as ordered blocks of markdown, ready for {@link splitBody}. */
export function renderDigestBlocks(digest: Digest, options: RenderOptions): Block[] {
  const ctx: Ctx = { options, mentions: new Mentions() };
  const i = digest.items;
  const source =
    digest.statusSource === 'issues'
      ? `Status from ${digest.trackedIssues} tracked issue${digest.trackedIssues === 1 ? '' : 's'} (closed = done), else from the markdown.`
      : 'Status from the post-mortems’ markdown.';
  const blocks: Block[] = [
    text(
      `## Post-mortem digest ${digest.week}\n\n**${renderHeadline(digest)}**\n\n` +
        `${i.open} open of ${plural(i.total, 'action item')} in ${plural(digest.postmortems, 'post-mortem')}. ` +
        (i.completion.of === 0
          ? `No items fell due in the last ${i.rateWindowDays} days. `
          : `Of the ${plural(i.completion.of, 'item')} due in the last ${i.rateWindowDays} days: completion ${renderRate(i.completion)}, on time ${renderRate(i.onTime)}; trends against the ${i.rateWindowDays} days before. `) +
        `${source} As of ${digest.today} (${escapeText(digest.timeZone, 40)}).`,
    ),
  ];
  blocks.push(...itemSection('Overdue', i.overdue, 'Days overdue', ctx, 'Nothing overdue.'));
  if (i.overdueByOwner.length > 0)
    blocks.push(
      table(
        '**Overdue per owner**',
        ['Owner', 'Overdue'],
        i.overdueByOwner.map((o) => [
          o.owner ? ctx.mentions.render(o.owner) : '_no owner_',
          String(o.count),
        ]),
      ),
    );
  blocks.push(
    ...itemSection(
      `Due in the next ${plural(i.dueSoonDays, 'day')}`,
      i.dueSoon,
      'Days left',
      ctx,
      'Nothing due soon.',
    ),
  );
  blocks.push(
    ...itemSection('Closed in the last 7 days', i.closedThisWeek, null, ctx, 'Nothing closed.'),
  );
  blocks.push(
    text(
      `Closed late in the last ${i.rateWindowDays} days: ${i.closedLate.length}${i.closedLate.length > 0 ? ` (up to ${i.closedLate[0]!.days} days late)` : ''}.`,
    ),
  );
  blocks.push(
    text(
      `### Open vs overdue, last ${i.weekly.length} weeks\n\n${renderOpenOverdueChart(i.weekly)}`,
    ),
  );
  blocks.push(
    ...itemSection('Oldest open items', i.oldestOpen, 'Age (days)', ctx, 'No open items.'),
  );
  blocks.push(...recurrenceSection(digest, ctx));
  blocks.push(...responseSection(digest));
  blocks.push(...hygieneSection(digest, ctx));
  return blocks;
}

/** The digest as one or more bodies (main body first, then follow-ups), each under the body limit and carrying the week marker. */
export function renderDigest(digest: Digest, options: RenderOptions): string[] {
  return splitBody(renderDigestBlocks(digest, options), {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    marker: (part) => renderDigestMarker(digest.week, part),
    label: `${digest.week} digest`,
  });
}
