import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type {
  ActionItem,
  Diagnostic,
  ListEntry,
  Postmortem,
  PostmortemField,
  Section,
  TimelineEntry,
} from '../model/index.js';
import { findDate, parseDate, parseDurationMinutes, toInstant, type DateParse } from './dates.js';
import { emptyPostmortem } from './empty-postmortem.js';
import {
  collectDefinitions,
  inlineText,
  type Definitions,
  type InlineText,
} from './inline-text.js';
import { assignItemIds } from './item-id.js';
import { pickTracker, readItemText } from './item-text.js';
import { metaField, metaList, metaString, readFrontMatter, type MetaField } from './metadata.js';
import { normaliseOwner } from './owners.js';
import type { ParseOptions } from './parse-options.js';
import { parseMarkdown } from './processor.js';
import { classifySection, isSectionHeading, type SectionKey } from './section-key.js';
import { classifyTimelineText, explicitTimelineKind } from './timeline-kind.js';
import { splitTimelineLead } from './timeline-lead.js';

interface Context {
  key: SectionKey | null;
  heading: string | null;
  /** Items here are done unless they say otherwise (`Actions taken`, `Immediate actions (completed)`). */
  done: boolean;
  /** Due phrase written on the heading (`Long-term`, `Q4 2025 - Q1 2026`). */
  dueRaw: string | null;
}

interface StackEntry extends Context {
  depth: number;
}

interface RawItem extends Omit<ActionItem, 'id'> {
  explicitId: string | null;
}

type MetaValue = { value: string; line: number; list?: string[] };

class Walker {
  readonly diagnostics: Diagnostic[] = [];
  readonly sections: Section[] = [];
  readonly items: RawItem[] = [];
  readonly timeline: TimelineEntry[] = [];
  readonly meta = new Map<MetaField, MetaValue>();
  readonly contributing: ListEntry[] = [];
  readonly wentWell: ListEntry[] = [];
  readonly sectionText = new Map<SectionKey, MetaValue>();
  frontmatter: Record<string, unknown> = {};
  fmLines: Record<string, number> = {};
  title: MetaValue | null = null;
  firstHeadingSeen = false;
  private stack: StackEntry[] = [];
  private pseudo: Context | null = null;
  private leadIn: Context | null = null;
  private pendingMeta: { field: MetaField; line: number } | null = null;
  private pendingTitle = false;
  private pendingEntry: TimelineEntry | null = null;
  private timelineDate: string | null = null;
  /** The first calendar day the timeline writes (a fallback for the incident date). */
  firstTimelineDay: { date: string; line: number } | null = null;
  /** A year-less day heading (`## May 12`) waiting for the incident date to supply its year. */
  private timelineDayRaw: string | null = null;
  /** Set under a day marker that cannot be read (`Day 2`, an ambiguous `12-05`): time-only entries get no day then. */
  private timelineDayUnknown = false;
  private timelineAmbiguityReported = false;
  /** Entries whose day needs the incident date, resolved once the whole document is read. */
  readonly deferred: Array<{
    entry: TimelineEntry;
    dayRaw: string | null;
    time: NonNullable<ReturnType<typeof splitTimelineLead>>['timeOfDay'];
    zone: string;
  }> = [];
  private timelineZone: string | null = null;
  private reportedDates = new Set<string>();
  private readonly aliases: Record<string, string>;
  private readonly order: 'auto' | 'DMY' | 'MDY';
  private readonly zone: string;

  constructor(
    readonly path: string,
    private readonly defs: Definitions,
    options: ParseOptions,
  ) {
    this.aliases = options.ownerAliases ?? {};
    this.order = options.dateOrder ?? 'auto';
    this.zone = options.timeZone ?? 'UTC';
  }

  /** The incident date known so far (front matter or metadata), used for year-less dates. */
  reference: string | undefined;

  private context(): Context {
    return (
      this.pseudo ??
      this.stack[this.stack.length - 1] ?? { key: null, heading: null, done: false, dueRaw: null }
    );
  }

  diag(
    line: number,
    rule: string,
    message: string,
    severity: 'error' | 'warning' = 'error',
    column = 1,
  ): void {
    this.diagnostics.push({ file: this.path, line, column, severity, rule, message });
  }

  /** Reads a date, reporting ambiguity once per phrase; returns the day or null. */
  date(raw: string, line: number, what: string): { parse: DateParse; date: string | null } {
    const parse = parseDate(raw, {
      order: this.order,
      ...(this.reference ? { reference: this.reference } : {}),
    });
    if (parse.kind === 'ambiguous' && !this.reportedDates.has(raw)) {
      this.reportedDates.add(raw);
      const [a, b] = parse.candidates;
      this.diag(
        line,
        'date-ambiguous',
        `${what} "${raw.trim()}" could be ${a} (day first) or ${b} (month first): write it as ISO YYYY-MM-DD, or set dates.order to DMY or MDY in the configuration.`,
      );
    }
    return { parse, date: parse.kind === 'date' ? parse.date : null };
  }

  setMeta(field: MetaField, value: string, line: number): void {
    const v = value.trim();
    if (v === '' || this.meta.has(field)) return;
    this.meta.set(field, { value: v.length > 2000 ? v.slice(0, 2000) : v, line });
    if ((field === 'incidentDate' || field === 'start') && !this.reference) {
      const found = findDate(v, { order: this.order });
      if (found?.parse.kind === 'date') this.reference = found.parse.date;
    }
  }

  walk(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.block(node);
    this.flushEntry();
  }

  private line(node: Nodes): number {
    return node.position?.start.line ?? 1;
  }

  private text(nodes: readonly Nodes[], skipRefs = true): InlineText {
    return inlineText(nodes, this.defs, { text: '', links: [], html: [] }, skipRefs);
  }

  private lastActionList: List | null = null;
  private labelledItem: { item: RawItem; node: Paragraph } | null = null;
  private lastBlock: RootContent | null = null;

  private block(node: RootContent): void {
    this.blockInner(node);
    this.lastBlock = node;
  }

  private blockInner(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        this.heading(node);
        break;
      case 'paragraph':
        this.paragraph(node);
        break;
      case 'list':
        this.list(node);
        break;
      case 'table':
        this.table(node);
        break;
      case 'blockquote':
        for (const child of node.children) this.block(child);
        break;
      default:
        // Front matter is read before the walk (see build); a second block is not front matter.
        break;
    }
  }

  private heading(node: Heading): void {
    this.flushEntry();
    const line = this.line(node);
    const text = this.text(node.children, false).text.replace(/\s+/g, ' ').trim();
    const current = this.context();
    // Date and time headings inside a timeline are entries or day markers, not new sections.
    if (current.key === 'timeline' && text !== '') {
      const lead = splitTimelineLead(text, {
        order: this.order,
        ...(this.reference ? { reference: this.reference } : {}),
      });
      if (lead && (lead.date || lead.timeOfDay || lead.vagueTime)) {
        this.timelineLead(lead, line, text);
        return;
      }
      if (this.numberedDay(text)) return;
    }
    this.pseudo = null;
    this.leadIn = null;
    this.pendingMeta = null;
    const kv = /^([^:]{1,40}):\s*(.+)$/.exec(text);
    const kvField = kv?.[1] ? metaField(kv[1]) : null;
    if (kv?.[2] && kvField) this.setMeta(kvField, kv[2], line);
    const field = kvField ? null : metaField(text.replace(/:$/, ''));
    if (field && field !== 'title' && field !== 'impact' && field !== 'rootCause')
      this.pendingMeta = { field, line };
    if (this.pendingTitle) {
      this.pendingTitle = false;
      this.title ??= { value: text, line };
    }
    if (node.depth === 1 && !this.title && !kvField) {
      if (/^title:?$/i.test(text)) this.pendingTitle = true;
      else if (text !== '' && !isSectionHeading(text)) this.title = { value: text, line };
    } else if (
      !this.firstHeadingSeen &&
      !this.title &&
      !kvField &&
      !field &&
      text !== '' &&
      classifySection(text) === null
    ) {
      this.title = { value: text, line };
    }
    this.firstHeadingSeen = true;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.depth >= node.depth)
      this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    let key = kvField ? null : classifySection(text);
    if (key === null && parent && !kvField && !field && !isExcludedHeading(text)) key = parent.key;
    const entry: StackEntry = {
      depth: node.depth,
      key,
      heading: text,
      done:
        key === 'actionItems' &&
        (isDoneHeading(text) || (parent?.key === 'actionItems' && parent.done)),
      dueRaw:
        key === 'actionItems'
          ? (headingDue(text) ?? (parent?.key === 'actionItems' ? parent.dueRaw : null))
          : null,
    };
    this.stack.push(entry);
    this.enterSection(key, text, node.depth, line);
  }

  private enterSection(key: SectionKey | null, heading: string, depth: number, line: number): void {
    this.sections.push({ key, heading, depth, line });
    if (key === 'timeline') {
      const d = findDate(heading, { order: this.order });
      if (d?.parse.kind === 'date') {
        this.timelineDate ??= d.parse.date;
        this.firstTimelineDay ??= { date: d.parse.date, line };
      }
      const z =
        /\b(?:all )?times?\s*(?:are\s+)?(?:in\s+)?\(?((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2})?|[A-Z]{2,4}T|IST|BST|CET|CEST|NZST)\b/i.exec(
          heading,
        );
      if (z?.[1]) this.timelineZone = z[1].replace(/\s/g, '').toUpperCase();
    }
  }

  /** Bold-only paragraphs (`**Actions planned:**`) and bare section-name lines (`Action Items`) act as headings. */
  private pseudoHeading(node: Paragraph, text: string): boolean {
    if (text.length > 200) return false;
    const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
    const emphasised =
      kids.length === 1 && (kids[0]!.type === 'strong' || kids[0]!.type === 'emphasis');
    const label = text.replace(/(?<![:\s])[:\s]+$/, '').trim();
    if (label === '' || label.length > 80 || label.includes('\n')) return false;
    const key = classifySection(label);
    const bareName =
      !emphasised &&
      key !== null &&
      label.split(/\s+/).length <= 5 &&
      (text.trim().endsWith(':') || isSectionName(label));
    if (!emphasised && !bareName) return false;
    if (
      emphasised &&
      key === null &&
      metaField(label) === null &&
      !isSectionHeading(label) &&
      !/[?:]$/.test(text.trim())
    )
      return false;
    const line = this.line(node);
    this.flushEntry();
    const parent = this.stack[this.stack.length - 1];
    // A bold label that ends in a colon inside an action section (`**In progress:**`) groups the
    // items below it, as a sub-heading would; other bold lines there end the action items.
    const grouping =
      key === null &&
      parent?.key === 'actionItems' &&
      emphasised &&
      /:$/.test(text.trim()) &&
      metaField(label) === null &&
      !isExcludedHeading(label) &&
      !/\b(?:notes?|comments?|context|background|references?|links?|questions?|see also)\b/i.test(
        label,
      );
    const effective = grouping
      ? 'actionItems'
      : (key ?? (parent?.key === 'actionItems' ? null : (parent?.key ?? null)));
    const inherited = grouping || (key === 'actionItems' && parent?.key === 'actionItems');
    this.pseudo = {
      key: effective,
      heading: label,
      done:
        effective === 'actionItems' &&
        (isDoneHeading(label) || /\btaken\b/i.test(label) || (inherited && parent?.done === true)),
      dueRaw:
        effective === 'actionItems'
          ? (headingDue(label) ?? (inherited ? (parent?.dueRaw ?? null) : null))
          : null,
    };
    this.leadIn = null;
    const field = metaField(label);
    if (field && field !== 'title') this.pendingMeta = { field, line };
    this.sections.push({ key: effective, heading: label, depth: 7, line });
    return true;
  }

  private paragraph(node: Paragraph): void {
    const line = this.line(node);
    const inline = this.text(node.children, false);
    const text = inline.text.trim();
    if (text === '') return;
    if (this.pendingTitle) {
      this.pendingTitle = false;
      this.title ??= { value: text.split('\n')[0]!, line };
    }
    if (this.pseudoHeading(node, text)) return;
    if (this.pendingMeta) {
      // Another `Key:` label is no value of the pending one.
      if (!/:$/.test(text.split('\n')[0]!))
        this.setMeta(this.pendingMeta.field, text.split('\n')[0]!, line);
      this.pendingMeta = null;
    }
    const ctx = this.context();
    if (this.pendingEntry && ctx.key === 'timeline') {
      const lead = splitTimelineLead(text.split('\n')[0]!, this.dateOpts());
      if (!lead || !(lead.timeOfDay || lead.date)) {
        this.pendingEntry.text =
          this.pendingEntry.text === '' ? oneLine(text) : this.pendingEntry.text;
        this.pendingEntry.kind ??= classifyTimelineText(this.pendingEntry.text);
        this.flushEntry();
        return;
      }
    }
    this.flushEntry();
    // `Action point: …` / `**Action item:** …` lead a one-paragraph item wherever they appear.
    const labelled =
      /^(?:action(?: point| item)?s?|follow[- ]?up|todo|to do)\s*:\s*(\S[\s\S]*)$/i.exec(text);
    if (labelled?.[1]) {
      const body = this.text(node.children).text.replace(/^[^:]*:\s*/, '');
      const before = this.items.length;
      this.addItem(body, this.text(node.children), line, null, {
        ...ctx,
        key: 'actionItems',
        done: false,
      });
      if (this.items.length > before) this.labelledItem = { item: this.items[before]!, node };
      return;
    }
    // `Authors:` alone on its line, its values in the list below.
    const bareKey = /^([^:\n]{1,40}):$/.exec(text);
    const bareField = bareKey?.[1] ? metaField(bareKey[1]) : null;
    if (
      bareField &&
      bareField !== 'title' &&
      bareField !== 'impact' &&
      bareField !== 'rootCause' &&
      ctx.key !== 'timeline' &&
      ctx.key !== 'actionItems'
    ) {
      this.pendingMeta = { field: bareField, line };
      return;
    }
    this.metaLines(text, line, ctx);
    this.zoneStatement(text);
    if (ctx.key === 'timeline') {
      this.timelineLines(text, line);
      return;
    }
    if (ctx.key === 'actionItems') {
      // "… by doing one of:" introduces alternatives, not separate items.
      if (/\b(?:one of|either|options?|alternatives?|choices?)\s*:\s*$/i.test(text.slice(-200))) {
        this.leadIn = { key: null, heading: ctx.heading, done: false, dueRaw: null };
        return;
      }
      if (/:\s*$/.test(text.slice(-200))) {
        this.leadIn = {
          ...ctx,
          done: /\b(?:already|were|have been|completed|done|taken)\b/i.test(text),
        };
        return;
      }
      const lines = text.split('\n');
      // Consecutive one-sentence lines with no list markers (`Recommendations:` written as plain lines).
      if (
        lines.length >= 2 &&
        lines.every(
          (l) =>
            /^[A-Z][^\n]{10,400}[.!?)]$/.test(l.trim()) &&
            (/\b(?:should|must|will|needs? to|recommend\w*)\b/i.test(l) || ACTION_VERB_RE.test(l)),
        )
      ) {
        lines.forEach((l, i) =>
          this.addItem(l, { text: l, links: [], html: [] }, line + i, null, ctx),
        );
      }
      return;
    }
    if (
      /:\s*$/.test(text.slice(-200)) &&
      !DETAIL_LEAD_RE.test(text.slice(-200)) &&
      /\b(?:going forward|we will|we'll|action items?|next steps|follow[- ]?ups?|to prevent|to avoid|in the future|improvements?|following actions|we plan|we are going to|todo)\b/i.test(
        text,
      )
    ) {
      this.leadIn = { key: 'actionItems', heading: ctx.heading, done: false, dueRaw: null };
      return;
    }
    this.sectionProse(ctx, text, line);
  }

  private sectionProse(ctx: Context, text: string, line: number): void {
    if (ctx.key === 'summary' || ctx.key === 'impact' || ctx.key === 'rootCause') {
      if (!this.sectionText.has(ctx.key))
        this.sectionText.set(ctx.key, { value: oneLine(text), line });
    }
  }

  private dateOpts(): { order: 'auto' | 'DMY' | 'MDY'; reference?: string } {
    return { order: this.order, ...(this.reference ? { reference: this.reference } : {}) };
  }

  /** `Key: value` lines (plain, bold or list) outside timelines and action sections. */
  private metaLines(text: string, line: number, ctx: Context): boolean {
    if (ctx.key === 'timeline' || ctx.key === 'actionItems') return false;
    let found = false;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && i < 40; i++) {
      const m = /^\s*([A-Za-zÀ-ÿ][\w À-ÿ/()-]{0,40}?)(?<! )\s*:\s*(\S.*)$/.exec(lines[i]!);
      if (!m?.[1] || !m[2]) continue;
      const field = metaField(m[1]);
      if (!field) continue;
      found = true;
      this.setMeta(field, m[2], line + i);
    }
    return found;
  }

  private list(node: List): void {
    this.flushEntry();
    // `Action point: do X.` followed by a note `- This has been done.`: the note settles its status.
    if (this.labelledItem && this.labelledItem.node === this.lastBlock) {
      const note = oneLine(this.ownText(node.children[0]!).text);
      if (DONE_NOTE_RE.test(note)) this.labelledItem.item.status = 'done';
      this.labelledItem = null;
    }
    // `## Authors` followed by a bullet list of names.
    if (this.pendingMeta) {
      const { field, line } = this.pendingMeta;
      this.pendingMeta = null;
      const values = node.children
        .map((item) => oneLine(this.ownText(item).text))
        .filter((v) => v !== '' && v.length <= 200);
      if (values.length > 0 && !this.meta.has(field)) {
        this.meta.set(field, { value: values.join(', '), line, list: values });
        return;
      }
    }
    const ctx = this.leadIn ?? this.context();
    this.leadIn = null;
    if (ctx.key === 'actionItems') {
      const prev = this.lastActionList;
      this.lastActionList = node;
      // `1. **Title**` items followed by an unindented bullet list: the bullets explain the numbered item.
      if (
        !node.ordered &&
        prev?.ordered &&
        this.lastBlock === prev &&
        startsBold(prev.children[prev.children.length - 1])
      )
        return;
      this.listItems(node, ctx);
      return;
    }
    if (ctx.key === 'timeline') {
      this.timelineList(node, null);
      return;
    }
    node.children.forEach((item, index) => {
      const own = this.ownText(item);
      const text = own.text.trim();
      const line = this.line(item);
      const label = shortLabel(text);
      const nested = item.children.filter((c): c is List => c.type === 'list');
      // `- **Review actions**:` whose children (or the list right after it) are the items.
      if (
        label !== '' &&
        label.length <= 80 &&
        !label.includes('\n') &&
        classifySection(label) === 'actionItems' &&
        (text.endsWith(':') || isBoldOnly(item))
      ) {
        const sub: Context = {
          key: 'actionItems',
          heading: label,
          done: isDoneHeading(label),
          dueRaw: headingDue(label),
        };
        this.sections.push({ key: 'actionItems', heading: label, depth: 7, line });
        if (nested.length > 0) for (const l of nested) this.listItems(l, sub);
        else if (index === node.children.length - 1) this.leadIn = sub;
        return;
      }
      if (ctx.key === 'contributingFactors' && text !== '')
        this.contributing.push({ text: oneLine(text), line });
      else if (ctx.key === 'whatWentWell' && text !== '')
        this.wentWell.push({ text: oneLine(text), line });
      else if (ctx.key !== 'lessonsLearned' && !this.metaLines(text, line, ctx))
        // Summary, impact and root cause are often written as bullets: the first one stands for the section.
        this.sectionProse(ctx, text, line);
      const labelled = /^action(?: point| item)?s?\s*:\s*(\S[\s\S]*)$/i.exec(text);
      if (labelled?.[1]) {
        const body = this.ownText(item, true);
        body.text = body.text.replace(/^[^:]*:\s*/, '');
        this.addItem(body.text, body, line, item.checked ?? null, { ...ctx, key: 'actionItems' });
      }
    });
  }

  /** The item's own text: its paragraphs before any nested list. */
  private ownText(item: ListItem, skipRefs = false): InlineText {
    const out: InlineText = { text: '', links: [], html: [] };
    for (const child of item.children) {
      if (child.type === 'list') break;
      if (child.type === 'paragraph' || child.type === 'heading') {
        if (out.text !== '') out.text += '\n';
        inlineText(child.children, this.defs, out, skipRefs);
      } else if (child.type === 'html') out.html.push(child.value);
    }
    return out;
  }

  private listItems(list: List, ctx: Context): void {
    for (const item of list.children) {
      const own = this.ownText(item, true);
      const plain = own.text.replace(/\uE000/g, '').trim();
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const label = shortLabel(plain);
      // A lead-in (`In the future, when X:`) groups its children; `Do X. These should include:` is an item with notes.
      const groupHeader =
        nested.length > 0 &&
        item.checked == null &&
        (plain === '' ||
          (plain.endsWith(':') &&
            !/[.!?]\s/.test(plain) &&
            !ACTION_VERB_RE.test(plain) &&
            readItemText(plain, [], [], this.aliases).owner === null) ||
          (classifySection(label) === 'actionItems' && label.split(/\s+/).length <= 4));
      if (groupHeader) {
        const sub: Context = {
          ...ctx,
          done: ctx.done || isDoneHeading(label),
          dueRaw: headingDue(label) ?? ctx.dueRaw,
        };
        for (const l of nested) this.listItems(l, sub);
        continue;
      }
      this.addItem(
        boldLeadTitle(item) ?? own.text,
        own,
        this.line(item),
        item.checked ?? null,
        ctx,
      );
      // Sub-tasks written as checkboxes under a checkbox are items; other children only explain their parent.
      if (item.checked != null) {
        for (const l of nested) {
          if (l.children.some((c) => c.checked != null))
            this.listItems({ ...l, children: l.children.filter((c) => c.checked != null) }, ctx);
        }
      }
    }
  }

  addItem(
    raw: string,
    inline: InlineText,
    line: number,
    checked: boolean | null,
    ctx: Context,
    cells: Partial<
      Record<'owner' | 'due' | 'status' | 'tracker' | 'priority' | 'type', string>
    > = {},
  ): void {
    const plain = raw.replace(/\uE000/g, '').trim();
    if (plain === '' && inline.links.length === 0) return;
    if (/^(?:n\/?a|none|tbd|tbc|-+|\.\.\.|…|todo|nope\.?|nothing(?: yet)?\.?)$/i.test(plain))
      return;
    if (/^(?:<[^>]{0,200}>|\{\{[^}]{0,200}\}\}|\[[^\]]{0,200}\])$/.test(plain)) return;
    const read = readItemText(raw, inline.links, inline.html, this.aliases);
    if (read.title === '') return;
    let owner = read.owner;
    if (cells.owner !== undefined) owner = normaliseOwner(cells.owner, this.aliases) ?? owner;
    let dueRaw =
      cells.due !== undefined && cells.due.trim() !== '' && normaliseOwner(cells.due) !== null
        ? cells.due.trim()
        : read.dueRaw;
    let due: string | null = null;
    if (dueRaw) {
      const parsed = this.date(dueRaw, line, 'Due date');
      due = parsed.date;
    } else if (ctx.dueRaw) dueRaw = ctx.dueRaw;
    let status: 'open' | 'done' =
      checked === true ? 'done' : checked === false ? 'open' : ctx.done ? 'done' : 'open';
    if (checked == null && read.status) status = read.status;
    if (cells.status !== undefined) {
      const s = readItemText(cells.status, [], [], {}).status ?? cellStatus(cells.status);
      if (s) status = s;
    }
    let tracker = read.tracker;
    if (cells.tracker !== undefined && cells.tracker.trim() !== '') {
      const t = cells.tracker.replace(/\*\*[^*]{0,20}\*\*/g, '').trim();
      const cellInline = { links: [] as InlineText['links'] };
      tracker =
        tracker ??
        (/^https?:\/\//.test(t)
          ? t.split(/\s/)[0]!
          : (pickTracker(cellInline.links, t) ??
            (normaliseOwner(t) !== null && /\d/.test(t) ? t : null)));
      const s = readItemText(cells.tracker, [], [], {}).status;
      if (s && cells.status === undefined && checked == null) status = s;
    }
    this.items.push({
      title: read.title,
      owner,
      due,
      dueRaw,
      status,
      line,
      tracker,
      priority: cells.priority?.trim() || read.priority,
      type: cells.type?.trim() || null,
      section: ctx.heading,
      explicitId: read.explicitId,
    });
  }

  private table(node: Table): void {
    this.flushEntry();
    const [head, ...rows] = node.children;
    if (!head) return;
    const headers = head.children.map((c) =>
      this.text(c.children, false).text.replace(/\s+/g, ' ').trim(),
    );
    const ctx = this.leadIn ?? this.context();
    this.leadIn = null;
    const cols = actionColumns(headers);
    if (cols && (ctx.key === 'actionItems' || cols.strong)) {
      for (const row of rows) {
        const cells = row.children.map((c) => this.text(c.children));
        const itemCell = cells[cols.item];
        if (!itemCell) continue;
        const get = (i: number | undefined): string | undefined =>
          i === undefined ? undefined : (cells[i]?.text.replace(/\uE000/g, ' ').trim() ?? '');
        const trackerCell = cols.tracker !== undefined ? cells[cols.tracker] : undefined;
        const inline: InlineText = {
          text: itemCell.text,
          links: [...itemCell.links, ...(trackerCell?.links ?? [])],
          html: itemCell.html,
        };
        const trackerText = trackerCell
          ? (trackerCell.links.find((l) => l.url)?.url ?? get(cols.tracker))
          : undefined;
        const cellValues: Partial<
          Record<'owner' | 'due' | 'status' | 'tracker' | 'priority' | 'type', string>
        > = {};
        const assign = (
          k: 'owner' | 'due' | 'status' | 'tracker' | 'priority' | 'type',
          v: string | undefined,
        ): void => {
          if (v !== undefined) cellValues[k] = v;
        };
        assign('owner', get(cols.owner));
        assign('due', get(cols.due));
        assign('status', get(cols.status));
        assign('tracker', trackerText ?? undefined);
        assign('priority', get(cols.priority));
        assign('type', get(cols.type));
        const actx = ctx.key === 'actionItems' ? ctx : { ...ctx, key: 'actionItems' as const };
        this.addItem(itemCell.text, inline, this.line(row), null, actx, cellValues);
      }
      return;
    }
    if (ctx.key === 'timeline') {
      this.timelineTable(headers, rows, node);
      return;
    }
    // Two-column key/value tables (and metadata rows with a bold key) carry metadata.
    if (ctx.key === 'actionItems') return;
    // An odd-width header (`Name | Role | In attendance`) names columns; it holds no key/value pairs.
    const all = head.children.length % 2 === 1 ? rows : [head, ...rows];
    for (const row of all) {
      const cells = row.children.map((c) => this.text(c.children, false).text.trim());
      if (cells.length < 2) continue;
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const field = metaField(cells[i]!.replace(/:$/, ''));
        if (field && cells[i + 1])
          this.setMeta(field, cells[i + 1]!.replace(/^`|`$/g, ''), this.line(row));
      }
    }
  }

  private timelineTable(headers: string[], rows: Table['children'], node: Table): void {
    const lower = headers.map((h) => h.toLowerCase());
    const timeCols = lower
      .map((h, i) => ({ h, i }))
      .filter(({ h }) => /\b(?:time|timestamp|when|datetime|date\s*\/\s*time|hora|utc)\b/.test(h));
    const timeCol = (timeCols.find(({ h }) => /utc/.test(h)) ?? timeCols[0])?.i;
    const dateCol = lower.findIndex((h) => /\b(?:date|day|data)\b/.test(h) && !/time/.test(h));
    const kindCol = lower.findIndex((h) => /^(?:kind|type|phase|event type)$/.test(h));
    const used = new Set(
      [timeCol, dateCol, kindCol].filter((i): i is number => i !== undefined && i >= 0),
    );
    const eventCol = lower.findIndex(
      (h, i) =>
        !used.has(i) &&
        /\b(?:event|description|what|action|note|happened|details|update|activity)\b/.test(h),
    );
    const textCol = eventCol >= 0 ? eventCol : lower.findIndex((_, i) => !used.has(i));
    const headerZone =
      timeCol !== undefined ? /\(([^)]{1,12})\)/.exec(headers[timeCol] ?? '')?.[1] : undefined;
    const headerYear = dateCol >= 0 ? /\b(\d{4})\b/.exec(headers[dateCol] ?? '')?.[1] : undefined;
    if (timeCol === undefined && dateCol < 0) return;
    for (const row of rows) {
      const cells = row.children.map((c) =>
        this.text(c.children, false).text.replace(/\s+/g, ' ').trim(),
      );
      const line = this.line(row);
      let timeText = timeCol !== undefined ? (cells[timeCol] ?? '') : '';
      const dateText = dateCol >= 0 ? (cells[dateCol] ?? '') : '';
      const text = textCol >= 0 ? (cells[textCol] ?? '') : '';
      if (timeText === '' && dateText === '' && text === '') continue;
      if (dateText !== '')
        timeText =
          `${dateText}${headerYear && !/\d{4}/.test(dateText) ? ` ${headerYear}` : ''} ${timeText}`.trim();
      const withZone =
        headerZone &&
        !/[A-Z]{2,}/.test(timeText.replace(/\b(?:AM|PM)\b/gi, '')) &&
        /\d:\d/.test(timeText)
          ? `${timeText} ${headerZone}`
          : timeText;
      const lead = splitTimelineLead(withZone, this.dateOpts());
      const explicit = kindCol >= 0 ? explicitTimelineKind(cells[kindCol] ?? '') : null;
      const entry = this.makeEntry(lead, line, timeText, text);
      entry.kind = explicit ?? entry.kind;
      this.timeline.push(entry);
    }
    void node;
  }

  private makeEntry(
    lead: ReturnType<typeof splitTimelineLead>,
    line: number,
    time: string,
    text: string,
  ): TimelineEntry {
    if (lead) {
      let day: string | null = null;
      let defer = false;
      let dayRaw: string | null = null;
      if (lead.date) {
        if (lead.date.kind === 'date') day = lead.date.date;
        else if (lead.date.kind === 'ambiguous') {
          this.timelineAmbiguous(lead.time.split(/[\sT]/)[0] ?? lead.time, line, lead.date);
          this.timelineDayUnknown = true;
        } else if (lead.date.kind === 'vague' && !this.reference) {
          defer = true;
          dayRaw = lead.time.replace(/(?<![\s,])[\s,]+\d{1,2}:\d{2}.*$/, '');
        }
      } else if (!this.timelineDayUnknown) {
        day = this.timelineDate ?? this.reference ?? null;
        if (!day) {
          defer = true;
          dayRaw = this.timelineDayRaw;
        }
      }
      if (lead.date?.kind === 'date') {
        this.timelineDate = lead.date.date;
        this.timelineDayRaw = null;
        this.timelineDayUnknown = false;
        this.firstTimelineDay ??= { date: lead.date.date, line };
      }
      const clean = oneLine(text);
      const entry: TimelineEntry = {
        line,
        time: (lead.time || time).replace(/(?:(?<!\s)\s+)?(?<!\([^)]*?)\([^)]*\)?\s*$/, '').trim(),
        at: null,
        text: clean,
        kind: classifyTimelineText(clean),
      };
      if (day && lead.timeOfDay)
        entry.at = toInstant(day, lead.timeOfDay, this.timelineZone ?? this.zone);
      else if (defer && lead.timeOfDay)
        this.deferred.push({
          entry,
          dayRaw,
          time: lead.timeOfDay,
          zone: this.timelineZone ?? this.zone,
        });
      return entry;
    }
    const clean = oneLine(text);
    return { line, time: time.trim(), at: null, text: clean, kind: classifyTimelineText(clean) };
  }

  private timelineLead(
    lead: NonNullable<ReturnType<typeof splitTimelineLead>>,
    line: number,
    text: string,
  ): void {
    if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '') {
      this.dayMarker(lead, line);
      return;
    }
    const entry = this.makeEntry(lead, line, text, lead.rest);
    if (lead.rest === '') this.pendingEntry = entry;
    else this.timeline.push(entry);
  }

  /** A line or heading that only gives the day of the entries below it. */
  private dayMarker(lead: NonNullable<ReturnType<typeof splitTimelineLead>>, line: number): void {
    if (lead.date?.kind === 'date') {
      this.timelineDate = lead.date.date;
      this.timelineDayRaw = null;
      this.timelineDayUnknown = false;
      this.firstTimelineDay ??= { date: lead.date.date, line };
    } else if (lead.date?.kind === 'ambiguous') {
      this.timelineAmbiguous(lead.time, line, lead.date);
      this.timelineDayUnknown = true;
    } else if (lead.date?.kind === 'vague') {
      this.timelineDate = null;
      this.timelineDayRaw = lead.time;
      this.timelineDayUnknown = false;
    }
  }

  /** `### Day 2` with no date: the entries below it are on a day the document does not give. */
  private numberedDay(text: string): boolean {
    const m = /^day\s?(\d{1,2})$/i.exec(text);
    if (!m) return false;
    if (Number(m[1]) > 1) {
      this.timelineDate = null;
      this.timelineDayRaw = null;
      this.timelineDayUnknown = true;
    }
    return true;
  }

  /**
   * An ambiguous timeline date leaves its entries without an instant; one warning per file says why,
   * rather than one per line of a timeline written that way.
   */
  timelineAmbiguous(raw: string, line: number, parse: { candidates: string[] }): void {
    if (this.timelineAmbiguityReported) return;
    this.timelineAmbiguityReported = true;
    const [a, b] = parse.candidates;
    this.diag(
      line,
      'date-ambiguous',
      `Timeline date "${raw.trim()}" could be ${a} (day first) or ${b} (month first), so its entries get no time: write dates as ISO YYYY-MM-DD, or set dates.order to DMY or MDY in the configuration.`,
      'warning',
    );
  }

  private flushEntry(): void {
    if (this.pendingEntry) {
      this.timeline.push(this.pendingEntry);
      this.pendingEntry = null;
    }
  }

  /** `All times in PDT`, wherever it is written before the timeline, sets the zone of its times. */
  private zoneStatement(text: string): void {
    const z =
      /\ball times (?:are |shown |listed )?(?:in )?\(?((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2})?|[A-Z]{2,4}T|IST|BST|CET|CEST|NZST|US\/Pacific|[A-Z][a-z]+\/[A-Z][A-Za-z_]+)\b/i.exec(
        text.length > 2000 ? text.slice(0, 2000) : text,
      );
    if (z?.[1]) this.timelineZone = /\//.test(z[1]) ? z[1] : z[1].replace(/\s/g, '').toUpperCase();
  }

  private timelineLines(text: string, line: number): void {
    const lines = text.split('\n');
    let last: TimelineEntry | null = null;
    lines.forEach((l, i) => {
      const lead = splitTimelineLead(l, this.dateOpts());
      if (lead && (lead.timeOfDay || lead.vagueTime || lead.date)) {
        if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '') {
          this.dayMarker(lead, line + i);
          last = null;
          return;
        }
        last = this.makeEntry(lead, line + i, l, lead.rest);
        this.timeline.push(last);
      } else if (last && l.trim() !== '') {
        // Hard-wrapped continuation of the previous entry.
        const prev: TimelineEntry = last;
        prev.text = oneLine(`${prev.text} ${l}`);
        prev.kind ??= classifyTimelineText(prev.text);
      }
    });
  }

  private timelineList(list: List, parentDay: string | null): void {
    for (const item of list.children) {
      const own = this.ownText(item);
      const text = own.text.trim();
      const line = this.line(item);
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const first = text.split('\n')[0] ?? '';
      const saved = this.timelineDate;
      if (parentDay) this.timelineDate = parentDay;
      const lead = splitTimelineLead(first, this.dateOpts());
      if (lead && (lead.timeOfDay || lead.vagueTime || lead.date)) {
        if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '' && nested.length > 0) {
          const day = lead.date?.kind === 'date' ? lead.date.date : null;
          for (const l of nested) this.timelineList(l, day);
          continue;
        }
        const rest = [lead.rest, ...text.split('\n').slice(1)].join(' ');
        this.timeline.push(this.makeEntry(lead, line, first, rest));
      } else if (text !== '') {
        const entry: TimelineEntry = {
          line,
          time: '',
          at: null,
          text: oneLine(text),
          kind: classifyTimelineText(text),
        };
        if (nested.length > 0 && /:$/.test(text)) {
          for (const l of nested) this.timelineList(l, this.timelineDate);
          continue;
        }
        this.timeline.push(entry);
      }
      if (parentDay) this.timelineDate = saved ?? parentDay;
      for (const l of nested) this.timelineList(l, this.timelineDate);
    }
  }
}

/** An imperative opening ("Hire a …", "Add a …"): a plain line that reads as a task. */
const ACTION_VERB_RE =
  /^(?:add|create|implement|develop|hire|build|write|document|set up|setup|improve|review|update|investigate|ensure|establish|introduce|enable|disable|remove|automate|monitor|migrate|test|train|define|audit|rotate|upgrade|fix|deploy|configure|schedule|track|publish|consider|evaluate|increase|reduce|move|switch|replace|run|make sure|require|restrict|limit|alert|backfill|refactor|rewrite|pin|verify|validate|check)\b/i;

/** A list item's text without its trailing colon, for label matching; empty when too long to be a label. */
function shortLabel(text: string): string {
  return text.length > 200 ? '' : text.replace(/(?<![:\s])[:\s]+$/, '');
}

function oneLine(text: string): string {
  return text
    .replace(/\uE000/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 5000);
}

/**
 * `**Raise the limit**⏎Applied to all nodes.`: a bold lead followed by more text on the next line is the
 * title; the rest explains it. Status and tracker words after it still count (they are read from the links).
 */
function boldLeadTitle(item: ListItem): string | null {
  const p = item.children[0];
  if (p?.type !== 'paragraph') return null;
  const [first, next] = p.children;
  if (first?.type !== 'strong' || !next) return null;
  if (!(next.type === 'break' || (next.type === 'text' && /^\s*\n/.test(next.value)))) return null;
  const title = first.children
    .map((c) => ('value' in c ? c.value : ''))
    .join('')
    .trim();
  return title.split(/\s+/).length >= 2 ? title : null;
}

function startsBold(item: ListItem | undefined): boolean {
  const p = item?.children[0];
  return p?.type === 'paragraph' && p.children[0]?.type === 'strong';
}

function isBoldOnly(item: ListItem): boolean {
  const p = item.children[0];
  if (!p || p.type !== 'paragraph') return false;
  const kids = p.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return kids.length === 1 && kids[0]!.type === 'strong';
}

function isDoneHeading(text: string): boolean {
  return (
    /\((?:completed?|done|finished)\)|\b(?:taken|already|implemented|completed)\b/i.test(text) &&
    !/\b(?:could|should|would|to be)\b/i.test(text)
  );
}

/** A note saying the item above it is finished (`This has been done.`, `Done in v1.2`). */
const DONE_NOTE_RE =
  /^(?:(?:this|it|that)\s+(?:has|had|was|is)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:done|completed|implemented|fixed|shipped|resolved)|(?:done|completed|implemented|fixed)\b)/i;

/** A closing `Specifically:` / `For example:` sentence introduces details of what was said, not items. */
const DETAIL_LEAD_RE =
  /(?:^|[.!?]\s+)(?:specifically|in particular|for example|for instance|e\.g\.|namely|such as)\s*:\s*$/i;

function isExcludedHeading(text: string): boolean {
  return /\b(?:checklist|implemented|alternatives?|appendi\w*)\b/i.test(text);
}

/** Section names that may stand alone on a plain line. */
function isSectionName(label: string): boolean {
  return /^(?:action items?|follow[- ]?ups?|next steps|corrective actions?|timeline|root causes?|impact|summary|lessons learn[te]d|what went well|contributing factors|remediation|recommendations)$/i.test(
    label.trim(),
  );
}

/** A due phrase written on an action heading: a horizon (`Long-term`) or a period (`Q4 2025 - Q1 2026`). */
function headingDue(text: string): string | null {
  const q = /\b(q[1-4](?:\s*\d{4})?(?:\s*[-–]\s*q[1-4](?:\s*\d{4})?)?|h[12]\s*\d{4})\b/i.exec(text);
  if (q?.[1]) return q[1];
  const tier =
    /\b(immediate(?:ly)?|short[- ]term|medium[- ]term|mid[- ]term|long(?:er)?[- ]term)\b/i.exec(
      text,
    );
  return tier?.[1] ?? null;
}

function cellStatus(text: string): 'open' | 'done' | null {
  const t = text.trim().toLowerCase();
  if (/^(?:done|closed|complete|completed|fixed|resolved|merged|shipped|yes|✅)\b/.test(t))
    return 'done';
  if (/^(?:open|todo|to do|in progress|wip|planned|pending|not started|deferred|no)\b/.test(t))
    return 'open';
  return null;
}

interface ActionColumns {
  item: number;
  owner?: number;
  due?: number;
  status?: number;
  tracker?: number;
  priority?: number;
  type?: number;
  /** True when the header alone says "action items", wherever the table is. */
  strong: boolean;
}

/** Maps an action table's header cells (any order, any case) to roles; null when it is no action table. */
function actionColumns(headers: string[]): ActionColumns | null {
  const norm = headers.map((h) =>
    h
      .toLowerCase()
      .replace(/(?<!\([^)]*?)\([^)]*\)/g, ' ')
      .replace(/[^a-z0-9#áéíóúãõç ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const find = (re: RegExp): number | undefined => {
    const i = norm.findIndex((h) => re.test(h));
    return i >= 0 ? i : undefined;
  };
  const strongItem = find(
    /^(?:action items?|actions?|follow[- ]?ups?|corrective actions?|remediation|ação|acao|acoes|ações)$/,
  );
  let item =
    strongItem ?? find(/^(?:description|descrição|descricao|item|task|tasks|what|todo|to do)$/);
  const owner = find(
    /^(?:owners?|who|assignee|assigned to|responsible|responsável|responsavel|dri)$/,
  );
  const due = find(/^(?:due|due date|deadline|target|target date|prazo|eta|when|by when)$/);
  const status = find(/^(?:status|state|outcome|done)$/);
  const tracker = find(
    /^(?:bug|bug #|bugs|issue #|issue|issues|ticket|tickets|related issue|link|tracking|pr|jira)$/,
  );
  const priority = find(/^(?:priority|prio|prioridade)$/);
  const type = find(/^(?:type|kind|tipo|category|type action|type acton)$/) ?? find(/^type\b/);
  if (
    item === undefined &&
    tracker !== undefined &&
    norm[tracker] === 'issue' &&
    (status !== undefined || find(/^triggered by$/) !== undefined)
  ) {
    // `Issue | Triggered by | Outcome`: the issue cell holds `#41 — text`.
    item = tracker;
  }
  if (item === undefined) return null;
  const others = [owner, due, status, tracker, priority, type].filter(
    (i) => i !== undefined && i !== item,
  ).length;
  if (strongItem === undefined && others === 0) return null;
  const cols: ActionColumns = { item, strong: strongItem !== undefined && others > 0 };
  if (owner !== undefined) cols.owner = owner;
  if (due !== undefined) cols.due = due;
  if (status !== undefined) cols.status = status;
  if (tracker !== undefined && tracker !== item) cols.tracker = tracker;
  if (priority !== undefined) cols.priority = priority;
  if (type !== undefined && type !== item) cols.type = type;
  return cols;
}

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

function normaliseSeverity(raw: string): string {
  const t = raw.trim().split(/[\s,;(]/)[0] ?? raw;
  const m =
    /^(sev|p|s)[\s_-]?(\d)$/i.exec(raw.trim().slice(0, 12)) ??
    /^(sev|p|s)[\s_-]?(\d)\b/i.exec(raw.trim());
  if (m) return `${m[1]!.toUpperCase()}${m[2]}`;
  return t.replace(/[*_`]/g, '').toUpperCase();
}

function fmValue(
  data: Record<string, unknown>,
  lines: Record<string, number>,
  field: MetaField,
): { value: unknown; line: number } | null {
  for (const [key, value] of Object.entries(data)) {
    if (metaField(key) === field && value !== null && value !== undefined && value !== '')
      return { value, line: lines[key] ?? 1 };
  }
  return null;
}

/** The front-matter node (remark-frontmatter's `yaml` or `toml`) when the document starts with one. */
function frontMatterNode(
  node: RootContent | undefined,
): { type: 'yaml' | 'toml'; value: string; position?: RootContent['position'] } | null {
  const n = node as
    { type: string; value?: unknown; position?: RootContent['position'] } | undefined;
  if (!n || (n.type !== 'yaml' && n.type !== 'toml') || typeof n.value !== 'string') return null;
  return n as { type: 'yaml' | 'toml'; value: string; position?: RootContent['position'] };
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

function build(text: string, path: string, options: ParseOptions): Postmortem {
  const tree: Root = parseMarkdown(text);
  const walker = new Walker(path, collectDefinitions(tree.children), options);
  // Front matter is read first so its date can anchor year-less dates in the body.
  const first = frontMatterNode(tree.children[0]);
  if (first) {
    const fm = readFrontMatter(first.type, first.value, (first.position?.start.line ?? 1) + 1);
    walker.frontmatter = fm.data;
    walker.fmLines = fm.keyLines;
    if (fm.error)
      walker.diag(
        first.position?.start.line ?? 1,
        'parse-frontmatter',
        `Front matter could not be read (${fm.error}): fix the ${first.type.toUpperCase()} between the --- lines.`,
      );
    const d = fmValue(fm.data, fm.keyLines, 'incidentDate');
    const s = d ? metaString(d.value) : null;
    const found = s ? findDate(s, { order: options.dateOrder ?? 'auto' }) : null;
    if (found?.parse.kind === 'date') walker.reference = found.parse.date;
  }
  walker.walk(first ? tree.children.slice(1) : tree.children);

  const pm = emptyPostmortem(path);
  pm.frontmatter = walker.frontmatter;
  const lines: Partial<Record<PostmortemField, number>> = {};
  const pick = (field: MetaField): MetaValue | null => {
    const fm = fmValue(walker.frontmatter, walker.fmLines, field);
    if (fm) {
      const value = metaString(fm.value);
      if (value !== null) return { value, line: fm.line, list: metaList(fm.value) };
    }
    return walker.meta.get(field) ?? null;
  };
  const set = <K extends PostmortemField>(field: K, line: number): void => {
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
    const found = findDate(v.value, { order: options.dateOrder ?? 'auto' });
    if (!found) {
      const whole = walker.date(v.value, v.line, 'Date');
      return whole.date ? { date: whole.date, line: v.line } : null;
    }
    const parsed = walker.date(found.raw, v.line, 'Date');
    return parsed.date ? { date: parsed.date, line: v.line } : null;
  };
  const incident = dateOf('incidentDate') ?? dateOf('start');
  if (incident) {
    pm.incidentDate = incident.date;
    set('incidentDate', incident.line);
  } else {
    // Fallbacks, most explicit first: the title, the timeline's first day, the summary's first date, the file name.
    const order = options.dateOrder ?? 'auto';
    const summary = walker.sectionText.get('summary');
    // An ambiguous title date (`Outage 06-11-2023`) is reported like an ambiguous metadata date, then skipped.
    const inTitle = pm.title ? findDate(pm.title, { order }) : null;
    const titleDate = inTitle ? walker.date(inTitle.raw, lines.title ?? 1, 'Date').date : null;
    const candidates: Array<{ date: string | null; line: number }> = [
      { date: titleDate, line: lines.title ?? 1 },
      { date: walker.firstTimelineDay?.date ?? null, line: walker.firstTimelineDay?.line ?? 1 },
      { date: dateIn(summary?.value ?? null, order), line: summary?.line ?? 1 },
      { date: dateInPath(path), line: 1 },
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
    pm.severity = normaliseSeverity(severity.value);
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
  const impact = pick('impact') ?? walker.sectionText.get('impact') ?? null;
  if (impact) {
    pm.impact = impact.value;
    set('impact', impact.line);
  }
  const rootCause = pick('rootCause') ?? walker.sectionText.get('rootCause') ?? null;
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
  // Year-less days (`## May 12`, `Sun 21:33` under no date) take their year from the incident date.
  for (const { entry, dayRaw, time, zone } of walker.deferred) {
    if (!pm.incidentDate || !time) continue;
    const day = dayRaw
      ? parseDate(dayRaw, { order: options.dateOrder ?? 'auto', reference: pm.incidentDate })
      : { kind: 'date' as const, date: pm.incidentDate };
    if (day.kind === 'date') entry.at = toInstant(day.date, time, zone);
    else if (day.kind === 'ambiguous' && dayRaw) walker.timelineAmbiguous(dayRaw, entry.line, day);
  }
  pm.timeline = walker.timeline;
  pm.sections = walker.sections;
  pm.contributingFactors = walker.contributing;
  pm.whatWentWell = walker.wentWell;
  const ids = assignItemIds(path, walker.items);
  pm.actionItems = walker.items.map((raw, i) => {
    const { explicitId, ...item } = raw;
    void explicitId;
    return { id: ids[i]!, ...item };
  });
  pm.diagnostics = walker.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return pm;
}

/** Parses one post-mortem; never throws (failures become a `parse-error` diagnostic). */
export function parsePostmortem(
  text: string,
  path: string,
  options: ParseOptions = {},
): Postmortem {
  try {
    return build(typeof text === 'string' ? text : String(text), path, options);
  } catch (error) {
    const pm = emptyPostmortem(path);
    const reason = error instanceof Error ? error.message : String(error);
    pm.diagnostics.push({
      file: path,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'parse-error',
      message: `${path}:1: the file could not be parsed (${reason.slice(0, 200)}); check it is UTF-8 markdown.`,
    });
    return pm;
  }
}
