import type { Postmortem, PostmortemField } from '../model/index.js';
import { findDate, parseDate, parseDurationMinutes } from './dates.js';
import type { DocumentContext, MetaValue } from './document-context.js';
import { emptyPostmortem } from './empty-postmortem.js';
import { assignItemIds } from './item-id.js';
import { metaField, metaList, metaString, type MetaField } from './metadata.js';
import type { SectionWalker } from './section-walker.js';

/** The order of a post-mortem's field lines (`lines`), as the model lists its fields. */
const FIELD_ORDER: readonly PostmortemField[] = [
  'title',
  'incidentDate',
  'severity',
  'status',
  'duration',
  'impact',
  'services',
  'tags',
  'authors',
  'rootCause',
  'rootCauseCategory',
  'publishedDate',
];

/** Front matter as read: its values and the line of each key. */
export interface FrontMatterValues {
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
}

/**
 * Builds the post-mortem from what the walk read. Front matter wins over body metadata, body
 * metadata over section prose; the incident date falls back to the title, the timeline's first day,
 * the summary's first date and the file name, in that order.
 */
export function assemblePostmortem(
  doc: DocumentContext,
  frontMatter: FrontMatterValues,
  walker: SectionWalker,
): Postmortem {
  const pm = emptyPostmortem(doc.path);
  pm.frontmatter = frontMatter.data;
  const lines: Partial<Record<PostmortemField, number>> = {};
  const pick = (field: MetaField): MetaValue | null => {
    const fm = frontMatterValue(frontMatter, field);
    if (fm) {
      const value = metaString(fm.value);
      if (value !== null) return { value, line: fm.line, list: metaList(fm.value) };
    }
    return walker.meta.values.get(field) ?? null;
  };
  const set = (field: PostmortemField, line: number): void => {
    lines[field] = line;
  };

  const title = pick('title') ?? walker.title;
  if (title) {
    pm.title = title.value.replace(/\s+/g, ' ').trim();
    set('title', title.line);
  }
  const dateOf = (field: MetaField): { date: string; line: number } | null => {
    const v = pick(field);
    if (!v) return null;
    const found = findDate(v.value, { order: doc.order });
    if (!found) {
      const whole = doc.date(v.value, v.line, 'Date');
      return whole.date ? { date: whole.date, line: v.line } : null;
    }
    const parsed = doc.date(found.raw, v.line, 'Date');
    return parsed.date ? { date: parsed.date, line: v.line } : null;
  };
  const incident = dateOf('incidentDate') ?? dateOf('start');
  if (incident) {
    pm.incidentDate = incident.date;
    set('incidentDate', incident.line);
  } else {
    // Fallbacks, most explicit first: the title, the timeline's first day, the summary's first date, the file name.
    const summary = walker.meta.sectionText.get('summary');
    // An ambiguous title date (`Outage 06-11-2023`) is reported like an ambiguous metadata date, then skipped.
    const inTitle = pm.title ? findDate(pm.title, { order: doc.order }) : null;
    const titleDate = inTitle ? doc.date(inTitle.raw, lines.title ?? 1, 'Date').date : null;
    const firstDay = walker.timeline.firstDay;
    const candidates: Array<{ date: string | null; line: number }> = [
      { date: titleDate, line: lines.title ?? 1 },
      { date: firstDay?.date ?? null, line: firstDay?.line ?? 1 },
      { date: dateIn(summary?.value ?? null, doc.order), line: summary?.line ?? 1 },
      { date: dateInPath(doc.path), line: 1 },
    ];
    const found = candidates.find((c) => c.date !== null);
    if (found?.date) {
      pm.incidentDate = found.date;
      set('incidentDate', found.line);
    }
  }
  const published = dateOf('publishedDate');
  if (published) {
    pm.publishedDate = published.date;
    set('publishedDate', published.line);
  }
  const severity = pick('severity');
  if (severity) {
    pm.severity = severityAsWritten(severity.value);
    set('severity', severity.line);
  }
  const status = pick('status');
  if (status) {
    pm.status = status.value.replace(/[*_`]/g, '').replace(/\.$/, '').trim();
    set('status', status.line);
  }
  const duration = pick('duration');
  if (duration) {
    pm.duration = duration.value;
    pm.durationMinutes = parseDurationMinutes(duration.value);
    set('duration', duration.line);
  }
  const impact = pick('impact') ?? walker.meta.sectionText.get('impact') ?? null;
  if (impact) {
    pm.impact = impact.value;
    set('impact', impact.line);
  }
  const rootCause = pick('rootCause') ?? walker.meta.sectionText.get('rootCause') ?? null;
  if (rootCause) {
    pm.rootCause = rootCause.value;
    set('rootCause', rootCause.line);
  }
  const category = pick('rootCauseCategory');
  if (category) {
    pm.rootCauseCategory = category.value;
    set('rootCauseCategory', category.line);
  }
  for (const field of ['services', 'tags', 'authors'] as const) {
    const v = pick(field);
    if (v) {
      pm[field] = v.list ?? metaList(v.value);
      set(field, v.line);
    }
  }
  pm.lines = Object.fromEntries(
    FIELD_ORDER.filter((f) => lines[f] !== undefined).map((f) => [f, lines[f]]),
  );
  walker.timeline.resolveDeferred(pm.incidentDate);
  pm.timeline = walker.timeline.entries;
  pm.sections = walker.sections;
  pm.contributingFactors = walker.contributing;
  pm.whatWentWell = walker.wentWell;
  const items = walker.actions.items;
  const ids = assignItemIds(doc.path, items);
  pm.actionItems = items.map((raw, i) => {
    const { explicitId, ...item } = raw;
    void explicitId;
    return { id: ids[i]!, ...item };
  });
  pm.diagnostics = doc.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return pm;
}

/** The severity as the model keeps it: `SEV2`, `P1`, `S3` from `sev-2 (major)`, else the first word in capitals. */
function severityAsWritten(raw: string): string {
  const t = raw.trim().split(/[\s,;(]/)[0] ?? raw;
  const m =
    /^(sev|p|s)[\s_-]?(\d)$/i.exec(raw.trim().slice(0, 12)) ??
    /^(sev|p|s)[\s_-]?(\d)\b/i.exec(raw.trim());
  if (m) return `${m[1]!.toUpperCase()}${m[2]}`;
  return t.replace(/[*_`]/g, '').toUpperCase();
}

/** The front-matter value of a field under any of its key spellings, with its line. */
export function frontMatterValue(
  fm: FrontMatterValues,
  field: MetaField,
): { value: unknown; line: number } | null {
  for (const [key, value] of Object.entries(fm.data)) {
    if (metaField(key) === field && value !== null && value !== undefined && value !== '')
      return { value, line: fm.keyLines[key] ?? 1 };
  }
  return null;
}

function dateIn(text: string | null, order: 'auto' | 'DMY' | 'MDY'): string | null {
  if (!text) return null;
  const found = findDate(text, { order });
  return found?.parse.kind === 'date' ? found.parse.date : null;
}

/** `2021-07-12-ingress.md`, `20210416_qc.md`: a leading ISO or compact date in the file name. */
function dateInPath(path: string): string | null {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?!\d)/.exec(base);
  if (!m) return null;
  const parsed = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  return parsed.kind === 'date' ? parsed.date : null;
}
