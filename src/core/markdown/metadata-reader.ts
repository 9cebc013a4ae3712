import type { Table } from 'mdast';
import { findDate } from './dates.js';
import type { DocumentContext, MetaValue, SectionContext } from './document-context.js';
import { oneLine } from './document-context.js';
import { metaField, type MetaField } from './metadata.js';
import type { SectionKey } from './section-key.js';

/**
 * Collects the metadata written in the body (`**Severity:** SEV2` lines, key/value tables, lists
 * under an `Authors:` label) and the first prose of the summary, impact and root-cause sections.
 * The first value of a field wins.
 */
export class MetadataReader {
  readonly values = new Map<MetaField, MetaValue>();
  /** The first paragraph (or bullet) of the summary, impact and root-cause sections. */
  readonly sectionText = new Map<SectionKey, MetaValue>();

  constructor(private readonly doc: DocumentContext) {}

  /** Sets a field once; an incident or start date also anchors the year of year-less dates. */
  set(field: MetaField, value: string, line: number): void {
    const v = value.trim();
    if (v === '' || this.values.has(field)) return;
    this.values.set(field, { value: v.length > 2000 ? v.slice(0, 2000) : v, line });
    if ((field === 'incidentDate' || field === 'start') && !this.doc.reference) {
      const found = findDate(v, { order: this.doc.order });
      if (found?.parse.kind === 'date') this.doc.reference = found.parse.date;
    }
  }

  /** Sets a field from the entries of a list (`## Authors` then bullets); false when nothing was set. */
  setList(field: MetaField, values: readonly string[], line: number): boolean {
    if (values.length === 0 || this.values.has(field)) return false;
    this.values.set(field, { value: values.join(', '), line, list: [...values] });
    return true;
  }

  /** `Key: value` lines (plain, bold or list) outside timelines and action sections; true when one was read. */
  lines(text: string, line: number, ctx: SectionContext): boolean {
    if (ctx.key === 'timeline' || ctx.key === 'actionItems') return false;
    let found = false;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && i < 40; i++) {
      const m = /^\s*([A-Za-zÀ-ÿ][\w À-ÿ/()-]{0,40}?)(?<! )\s*:\s*(\S.*)$/.exec(lines[i]!);
      if (!m?.[1] || !m[2]) continue;
      const field = metaField(m[1]);
      if (!field) continue;
      found = true;
      this.set(field, m[2], line + i);
    }
    return found;
  }

  /** Two-column key/value tables (and metadata rows with a bold key). */
  table(head: Table['children'][number], rows: Table['children']): void {
    // An odd-width header (`Name | Role | In attendance`) names columns; it holds no key/value pairs.
    const all = head.children.length % 2 === 1 ? rows : [head, ...rows];
    for (const row of all) {
      const cells = row.children.map((c) => this.doc.text(c.children, false).text.trim());
      if (cells.length < 2) continue;
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const field = metaField(cells[i]!.replace(/:$/, ''));
        if (field && cells[i + 1])
          this.set(field, cells[i + 1]!.replace(/^`|`$/g, ''), this.doc.line(row));
      }
    }
  }

  /** The first prose of the summary, impact and root-cause sections stands for the section. */
  sectionProse(ctx: SectionContext, text: string, line: number): void {
    if (ctx.key === 'summary' || ctx.key === 'impact' || ctx.key === 'rootCause') {
      if (!this.sectionText.has(ctx.key))
        this.sectionText.set(ctx.key, { value: oneLine(text), line });
    }
  }
}
