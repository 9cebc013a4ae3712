import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import {
  actionColumns,
  cellStatus,
  headingDue,
  isDoneHeading,
  isDoneNote,
  isLabelledAction,
  isNonItem,
  readsAsTask,
  startsWithActionVerb,
} from './action-vocabulary.js';
import {
  oneLine,
  shortLabel,
  type DocumentContext,
  type RawItem,
  type SectionContext,
} from './document-context.js';
import type { InlineText } from './inline-text.js';
import { pickTracker, readItemText } from './item-text.js';
import { stripTicketMarks } from './link-marks.js';
import { normaliseOwner } from './owners.js';
import { classifySection } from './section-key.js';

/** What an action table's other columns say about one row's item. */
type ItemCells = Partial<
  Record<'owner' | 'due' | 'status' | 'tracker' | 'priority' | 'type', string>
>;

/** Reads action items from lists, tables and labelled paragraphs (`Action point: …`). */
export class ActionItemReader {
  readonly items: RawItem[] = [];
  /** The last list read as items, so a bullet list right after `1. **Title**` items explains them. */
  private lastList: List | null = null;
  /** The item of the last `Action point: …` paragraph, whose status a note right below may settle. */
  private labelled: { item: RawItem; node: Paragraph } | null = null;

  constructor(private readonly doc: DocumentContext) {}

  /** `Action point: …` / `**Action item:** …` lead a one-paragraph item wherever they appear (true when read). */
  labelledParagraph(node: Paragraph, text: string, line: number, ctx: SectionContext): boolean {
    if (!isLabelledAction(text)) return false;
    const body = this.doc.text(node.children).text.replace(/^[^:]*:\s*/, '');
    const before = this.items.length;
    this.addItem(body, this.doc.text(node.children), line, null, {
      ...ctx,
      key: 'actionItems',
      done: false,
    });
    if (this.items.length > before) this.labelled = { item: this.items[before]!, node };
    return true;
  }

  /** Consecutive one-sentence lines with no list markers (`Recommendations:` written as plain lines). */
  plainLines(text: string, line: number, ctx: SectionContext): void {
    const lines = text.split('\n');
    if (lines.length >= 2 && lines.every(readsAsTask)) {
      lines.forEach((l, i) =>
        this.addItem(l, { text: l, links: [], html: [] }, line + i, null, ctx),
      );
    }
  }

  /** `Action point: do X.` followed by a note `- This has been done.`: the note settles its status. */
  noteAfterLabelled(list: List, previous: RootContent | null): void {
    if (this.labelled && this.labelled.node === previous) {
      const note = oneLine(this.doc.ownText(list.children[0]!).text);
      if (isDoneNote(note)) this.labelled.item.status = 'done';
      this.labelled = null;
    }
  }

  /** A list in an action section. */
  list(list: List, ctx: SectionContext, previous: RootContent | null): void {
    const prev = this.lastList;
    this.lastList = list;
    // `1. **Title**` items followed by an unindented bullet list: the bullets explain the numbered item.
    if (
      !list.ordered &&
      prev?.ordered &&
      previous === prev &&
      startsBold(prev.children[prev.children.length - 1])
    )
      return;
    this.listItems(list, ctx);
  }

  /** Each item of a list is an action item, except lead-ins that group the items nested under them. */
  listItems(list: List, ctx: SectionContext): void {
    for (const item of list.children) {
      const own = this.doc.ownText(item, true);
      const plain = stripTicketMarks(own.text).trim();
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const label = shortLabel(plain);
      // A lead-in (`In the future, when X:`) groups its children; `Do X. These should include:` is an item with notes.
      const groupHeader =
        nested.length > 0 &&
        item.checked == null &&
        (plain === '' ||
          (plain.endsWith(':') &&
            !/[.!?]\s/.test(plain) &&
            !startsWithActionVerb(plain) &&
            readItemText(plain, [], [], this.doc.aliases).owner === null) ||
          (classifySection(label) === 'actionItems' && label.split(/\s+/).length <= 4));
      if (groupHeader) {
        const sub: SectionContext = {
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
        this.doc.line(item),
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

  /** A table whose header names action columns; false when it is no action table here. */
  table(headers: readonly string[], rows: Table['children'], ctx: SectionContext): boolean {
    const cols = actionColumns(headers);
    if (!cols || !(ctx.key === 'actionItems' || cols.strong)) return false;
    for (const row of rows) {
      const cells = row.children.map((c) => this.doc.text(c.children));
      const itemCell = cells[cols.item];
      if (!itemCell) continue;
      const get = (i: number | undefined): string | undefined =>
        i === undefined ? undefined : stripTicketMarks(cells[i]?.text ?? '', ' ').trim();
      const trackerCell = cols.tracker !== undefined ? cells[cols.tracker] : undefined;
      const inline: InlineText = {
        text: itemCell.text,
        links: [...itemCell.links, ...(trackerCell?.links ?? [])],
        html: itemCell.html,
      };
      const trackerText = trackerCell
        ? (trackerCell.links.find((l) => l.url)?.url ?? get(cols.tracker))
        : undefined;
      const cellValues: ItemCells = {};
      const assign = (k: keyof ItemCells, v: string | undefined): void => {
        if (v !== undefined) cellValues[k] = v;
      };
      assign('owner', get(cols.owner));
      assign('due', get(cols.due));
      assign('status', get(cols.status));
      assign('tracker', trackerText ?? undefined);
      assign('priority', get(cols.priority));
      assign('type', get(cols.type));
      const actx = ctx.key === 'actionItems' ? ctx : { ...ctx, key: 'actionItems' as const };
      this.addItem(itemCell.text, inline, this.doc.line(row), null, actx, cellValues);
    }
    return true;
  }

  /** Reads one item's text (and its table cells) into an item; placeholders and empty text add nothing. */
  addItem(
    raw: string,
    inline: InlineText,
    line: number,
    checked: boolean | null,
    ctx: SectionContext,
    cells: ItemCells = {},
  ): void {
    const plain = stripTicketMarks(raw).trim();
    if (plain === '' && inline.links.length === 0) return;
    if (isNonItem(plain)) return;
    const aliases = this.doc.aliases;
    const read = readItemText(raw, inline.links, inline.html, aliases);
    if (read.title === '') return;
    let owner = read.owner;
    if (cells.owner !== undefined) owner = normaliseOwner(cells.owner, aliases) ?? owner;
    let dueRaw =
      cells.due !== undefined && cells.due.trim() !== '' && normaliseOwner(cells.due) !== null
        ? cells.due.trim()
        : read.dueRaw;
    let due: string | null = null;
    if (dueRaw) {
      const parsed = this.doc.date(dueRaw, line, 'Due date');
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
