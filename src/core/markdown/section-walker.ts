import type { Heading, List, Paragraph, RootContent, Table } from 'mdast';
import type { ListEntry, Section } from '../model/index.js';
import { ActionItemReader } from './action-item-reader.js';
import {
  endsWithColon,
  headingDue,
  introducesActions,
  introducesAlternatives,
  isDoneHeading,
  isExcludedHeading,
  isLabelledActionBullet,
  isNoteLabel,
  isSectionName,
  leadInSaysDone,
  saysTaken,
} from './action-vocabulary.js';
import {
  oneLine,
  shortLabel,
  type DocumentContext,
  type MetaValue,
  type SectionContext,
} from './document-context.js';
import { metaField, type MetaField } from './metadata.js';
import { MetadataReader } from './metadata-reader.js';
import { classifySection, isSectionHeading, type SectionKey } from './section-key.js';
import { TimelineReader } from './timeline-reader.js';

interface StackEntry extends SectionContext {
  depth: number;
}

const NO_SECTION: SectionContext = { key: null, heading: null, done: false, dueRaw: null };

/**
 * Walks the top-level blocks once, in document order (ADR 0003), keeping the stack of headings a
 * block is under, and hands each block to the reader of its section: the timeline, the action
 * items or the metadata. Bold-only lines and bare section names act as headings; a lead-in
 * paragraph or bullet decides what the next list is.
 */
export class SectionWalker {
  readonly sections: Section[] = [];
  readonly contributing: ListEntry[] = [];
  readonly wentWell: ListEntry[] = [];
  readonly timeline: TimelineReader;
  readonly actions: ActionItemReader;
  readonly meta: MetadataReader;
  /** The document's title as its headings give it. */
  title: MetaValue | null = null;
  private firstHeadingSeen = false;
  private stack: StackEntry[] = [];
  /** The section a bold-only line or bare section name opened, until the next heading. */
  private pseudo: SectionContext | null = null;
  /** The section a lead-in (`In the future:`) gives the list or table right after it. */
  private leadIn: SectionContext | null = null;
  /** A metadata label (`## Authors`, `Severity:`) whose value is the next block. */
  private pendingMeta: { field: MetaField; line: number } | null = null;
  /** Set after a `# Title` heading: the next heading or paragraph is the title. */
  private pendingTitle = false;
  private lastBlock: RootContent | null = null;

  constructor(private readonly doc: DocumentContext) {
    this.timeline = new TimelineReader(doc);
    this.actions = new ActionItemReader(doc);
    this.meta = new MetadataReader(doc);
  }

  /** Reads a sequence of top-level blocks. */
  walk(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.block(node);
    this.timeline.flush();
  }

  private context(): SectionContext {
    return this.pseudo ?? this.stack[this.stack.length - 1] ?? NO_SECTION;
  }

  private block(node: RootContent): void {
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
        // Front matter is read before the walk; a second block is not front matter.
        break;
    }
    this.lastBlock = node;
  }

  private heading(node: Heading): void {
    this.timeline.flush();
    const line = this.doc.line(node);
    const text = this.doc.text(node.children, false).text.replace(/\s+/g, ' ').trim();
    // Date and time headings inside a timeline are entries or day markers, not new sections.
    if (this.context().key === 'timeline' && text !== '' && this.timeline.heading(text, line))
      return;
    this.pseudo = null;
    this.leadIn = null;
    this.pendingMeta = null;
    const kv = /^([^:]{1,40}):\s*(.+)$/.exec(text);
    const kvField = kv?.[1] ? metaField(kv[1]) : null;
    if (kv?.[2] && kvField) this.meta.set(kvField, kv[2], line);
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
    let key: SectionKey | null = kvField ? null : classifySection(text);
    if (key === null && parent && !kvField && !field && !isExcludedHeading(text)) key = parent.key;
    this.stack.push({
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
    });
    this.sections.push({ key, heading: text, depth: node.depth, line });
    if (key === 'timeline') this.timeline.enterSection(text, line);
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
    const line = this.doc.line(node);
    this.timeline.flush();
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
      !isNoteLabel(label);
    const effective = grouping
      ? 'actionItems'
      : (key ?? (parent?.key === 'actionItems' ? null : (parent?.key ?? null)));
    const inherited = grouping || (key === 'actionItems' && parent?.key === 'actionItems');
    this.pseudo = {
      key: effective,
      heading: label,
      done:
        effective === 'actionItems' &&
        (isDoneHeading(label) || saysTaken(label) || (inherited && parent?.done === true)),
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
    const line = this.doc.line(node);
    const text = this.doc.text(node.children, false).text.trim();
    if (text === '') return;
    if (this.pendingTitle) {
      this.pendingTitle = false;
      this.title ??= { value: text.split('\n')[0]!, line };
    }
    if (this.pseudoHeading(node, text)) return;
    if (this.pendingMeta) {
      // Another `Key:` label is no value of the pending one.
      if (!/:$/.test(text.split('\n')[0]!))
        this.meta.set(this.pendingMeta.field, text.split('\n')[0]!, line);
      this.pendingMeta = null;
    }
    const ctx = this.context();
    if (ctx.key === 'timeline' && this.timeline.continueEntry(text)) return;
    this.timeline.flush();
    if (this.actions.labelledParagraph(node, text, line, ctx)) return;
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
    this.meta.lines(text, line, ctx);
    this.timeline.zoneStatement(text);
    if (ctx.key === 'timeline') {
      this.timeline.lines(text, line);
      return;
    }
    if (ctx.key === 'actionItems') {
      // "… by doing one of:" introduces alternatives, not separate items.
      if (introducesAlternatives(text)) {
        this.leadIn = { key: null, heading: ctx.heading, done: false, dueRaw: null };
        return;
      }
      if (endsWithColon(text)) {
        this.leadIn = { ...ctx, done: leadInSaysDone(text) };
        return;
      }
      this.actions.plainLines(text, line, ctx);
      return;
    }
    if (introducesActions(text)) {
      this.leadIn = { key: 'actionItems', heading: ctx.heading, done: false, dueRaw: null };
      return;
    }
    this.meta.sectionProse(ctx, text, line);
  }

  private list(node: List): void {
    this.timeline.flush();
    this.actions.noteAfterLabelled(node, this.lastBlock);
    // `## Authors` followed by a bullet list of names.
    if (this.pendingMeta) {
      const { field, line } = this.pendingMeta;
      this.pendingMeta = null;
      const values = node.children
        .map((item) => oneLine(this.doc.ownText(item).text))
        .filter((v) => v !== '' && v.length <= 200);
      if (this.meta.setList(field, values, line)) return;
    }
    const ctx = this.leadIn ?? this.context();
    this.leadIn = null;
    if (ctx.key === 'actionItems') {
      this.actions.list(node, ctx, this.lastBlock);
      return;
    }
    if (ctx.key === 'timeline') {
      this.timeline.list(node, null);
      return;
    }
    node.children.forEach((item, index) => {
      const text = this.doc.ownText(item).text.trim();
      const line = this.doc.line(item);
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
        const sub: SectionContext = {
          key: 'actionItems',
          heading: label,
          done: isDoneHeading(label),
          dueRaw: headingDue(label),
        };
        this.sections.push({ key: 'actionItems', heading: label, depth: 7, line });
        if (nested.length > 0) for (const l of nested) this.actions.listItems(l, sub);
        else if (index === node.children.length - 1) this.leadIn = sub;
        return;
      }
      if (ctx.key === 'contributingFactors' && text !== '')
        this.contributing.push({ text: oneLine(text), line });
      else if (ctx.key === 'whatWentWell' && text !== '')
        this.wentWell.push({ text: oneLine(text), line });
      else if (ctx.key !== 'lessonsLearned' && !this.meta.lines(text, line, ctx))
        // Summary, impact and root cause are often written as bullets: the first one stands for the section.
        this.meta.sectionProse(ctx, text, line);
      if (isLabelledActionBullet(text)) {
        const body = this.doc.ownText(item, true);
        body.text = body.text.replace(/^[^:]*:\s*/, '');
        this.actions.addItem(body.text, body, line, item.checked ?? null, {
          ...ctx,
          key: 'actionItems',
        });
      }
    });
  }

  private table(node: Table): void {
    this.timeline.flush();
    const [head, ...rows] = node.children;
    if (!head) return;
    const headers = head.children.map((c) =>
      this.doc.text(c.children, false).text.replace(/\s+/g, ' ').trim(),
    );
    const ctx = this.leadIn ?? this.context();
    this.leadIn = null;
    if (this.actions.table(headers, rows, ctx)) return;
    if (ctx.key === 'timeline') {
      this.timeline.table(headers, rows);
      return;
    }
    if (ctx.key === 'actionItems') return;
    this.meta.table(head, rows);
  }
}

function isBoldOnly(item: List['children'][number]): boolean {
  const p = item.children[0];
  if (!p || p.type !== 'paragraph') return false;
  const kids = p.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return kids.length === 1 && kids[0]!.type === 'strong';
}
