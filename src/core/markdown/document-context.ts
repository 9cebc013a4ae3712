import type { ListItem, Nodes } from 'mdast';
import type { ActionItem, Diagnostic } from '../model/index.js';
import { parseDate, type DateParse, type DateParseOptions } from './dates.js';
import { inlineText, type Definitions, type InlineText } from './inline-text.js';
import { stripTicketMarks } from './link-marks.js';
import type { ParseOptions } from './parse-options.js';
import type { SectionKey } from './section-key.js';

/** Where a block sits: its section, and what an action heading above it says about its items. */
export interface SectionContext {
  key: SectionKey | null;
  heading: string | null;
  /** Items here are done unless they say otherwise (`Actions taken`, `Immediate actions (completed)`). */
  done: boolean;
  /** Due phrase written on the heading (`Long-term`, `Q4 2025 - Q1 2026`). */
  dueRaw: string | null;
}

/** An action item before ids are assigned. */
export interface RawItem extends Omit<ActionItem, 'id'> {
  explicitId: string | null;
}

/** A metadata value as written, with its line (and its entries when written as a list). */
export type MetaValue = { value: string; line: number; list?: string[] };

/**
 * What every reader of one document shares: the file, the options, the link definitions, the
 * incident date known so far (year-less dates take its year), and the diagnostics.
 */
export class DocumentContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly aliases: Record<string, string>;
  readonly order: 'auto' | 'DMY' | 'MDY';
  readonly zone: string;
  /** The incident date known so far (front matter or metadata), used for year-less dates. */
  reference: string | undefined;
  private readonly reportedDates = new Set<string>();

  constructor(
    readonly path: string,
    private readonly defs: Definitions,
    options: ParseOptions,
  ) {
    this.aliases = options.ownerAliases ?? {};
    this.order = options.dateOrder ?? 'auto';
    this.zone = options.timeZone ?? 'UTC';
  }

  /** Records one diagnostic against this file. */
  diag(
    line: number,
    rule: string,
    message: string,
    severity: 'error' | 'warning' = 'error',
    column = 1,
  ): void {
    this.diagnostics.push({ file: this.path, line, column, severity, rule, message });
  }

  /** The date-reading options: the configured order, and the incident date once known. */
  dateOpts(): DateParseOptions {
    return { order: this.order, ...(this.reference ? { reference: this.reference } : {}) };
  }

  /** Reads a date, reporting ambiguity once per phrase; returns the day or null. */
  date(raw: string, line: number, what: string): { parse: DateParse; date: string | null } {
    const parse = parseDate(raw, this.dateOpts());
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

  /** The first line of a node. */
  line(node: Nodes): number {
    return node.position?.start.line ?? 1;
  }

  /** The flattened text of inline content; `skipRefs` leaves ticket-only links out. */
  text(nodes: readonly Nodes[], skipRefs = true): InlineText {
    return inlineText(nodes, this.defs, { text: '', links: [], html: [] }, skipRefs);
  }

  /** A list item's own text: its paragraphs before any nested list. */
  ownText(item: ListItem, skipRefs = false): InlineText {
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
}

/** A text on one line, link marks removed, capped at 5,000 characters. */
export function oneLine(text: string): string {
  return stripTicketMarks(text).replace(/\s+/g, ' ').trim().slice(0, 5000);
}

/** A list item's text without its trailing colon, for label matching; empty when too long to be a label. */
export function shortLabel(text: string): string {
  return text.length > 200 ? '' : text.replace(/(?<![:\s])[:\s]+$/, '');
}
