import type { List, Table } from 'mdast';
import type { TimelineEntry } from '../model/index.js';
import { findDate, parseDate, toInstant, type TimeOfDay } from './dates.js';
import { oneLine, type DocumentContext } from './document-context.js';
import { classifyTimelineText, explicitTimelineKind } from './timeline-kind.js';
import { splitTimelineLead, type TimelineLead } from './timeline-lead.js';

/** An entry whose day needs the incident date, resolved once the whole document is read. */
interface DeferredEntry {
  entry: TimelineEntry;
  dayRaw: string | null;
  time: TimeOfDay | null;
  zone: string;
}

/**
 * Reads the timeline section: entries from lines, lists, tables and headings, the day and zone
 * they are in, and the entries whose day is only known once the incident date is.
 */
export class TimelineReader {
  readonly entries: TimelineEntry[] = [];
  /** The first calendar day the timeline writes (a fallback for the incident date). */
  firstDay: { date: string; line: number } | null = null;
  /** A heading entry with no text yet: the paragraph after it is its text. */
  private pending: TimelineEntry | null = null;
  /** The day of the entries that write only a time. */
  private day: string | null = null;
  /** A year-less day heading (`## May 12`) waiting for the incident date to supply its year. */
  private dayRaw: string | null = null;
  /** Set under a day marker that cannot be read (`Day 2`, an ambiguous `12-05`): time-only entries get no day then. */
  private dayUnknown = false;
  private ambiguityReported = false;
  private readonly deferred: DeferredEntry[] = [];
  /** The zone the document states for its times (`All times in PDT`). */
  private zone: string | null = null;

  constructor(private readonly doc: DocumentContext) {}

  /** A heading inside the timeline: an entry or a day marker when it starts with a date or time (true), else a section. */
  heading(text: string, line: number): boolean {
    const lead = splitTimelineLead(text, this.doc.dateOpts());
    if (lead && (lead.date || lead.timeOfDay || lead.vagueTime)) {
      if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '') {
        this.dayMarker(lead, line);
        return true;
      }
      const entry = this.makeEntry(lead, line, text, lead.rest);
      if (lead.rest === '') this.pending = entry;
      else this.entries.push(entry);
      return true;
    }
    return this.numberedDay(text);
  }

  /** A timeline section starts: its heading may give the day (`Timeline (2024-03-02)`) and the zone. */
  enterSection(heading: string, line: number): void {
    const d = findDate(heading, { order: this.doc.order });
    if (d?.parse.kind === 'date') {
      this.day ??= d.parse.date;
      this.firstDay ??= { date: d.parse.date, line };
    }
    const z =
      /\b(?:all )?times?\s*(?:are\s+)?(?:in\s+)?\(?((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2})?|[A-Z]{2,4}T|IST|BST|CET|CEST|NZST)\b/i.exec(
        heading,
      );
    if (z?.[1]) this.zone = z[1].replace(/\s/g, '').toUpperCase();
  }

  /** `All times in PDT`, wherever it is written before the timeline, sets the zone of its times. */
  zoneStatement(text: string): void {
    const z =
      /\ball times (?:are |shown |listed )?(?:in )?\(?((?:UTC|GMT)(?:\s?[+-]\s?\d{1,2})?|[A-Z]{2,4}T|IST|BST|CET|CEST|NZST|US\/Pacific|[A-Z][a-z]+\/[A-Z][A-Za-z_]+)\b/i.exec(
        text.length > 2000 ? text.slice(0, 2000) : text,
      );
    if (z?.[1]) this.zone = /\//.test(z[1]) ? z[1] : z[1].replace(/\s/g, '').toUpperCase();
  }

  /** A paragraph after a heading entry with no text becomes its text (true), unless it starts a new entry. */
  continueEntry(text: string): boolean {
    if (!this.pending) return false;
    const lead = splitTimelineLead(text.split('\n')[0]!, this.doc.dateOpts());
    if (lead && (lead.timeOfDay || lead.date)) return false;
    this.pending.text = this.pending.text === '' ? oneLine(text) : this.pending.text;
    this.pending.kind ??= classifyTimelineText(this.pending.text);
    this.flush();
    return true;
  }

  /** Ends a heading entry still waiting for its text. */
  flush(): void {
    if (this.pending) {
      this.entries.push(this.pending);
      this.pending = null;
    }
  }

  /** A paragraph of timeline lines; a line with no lead continues the entry before it. */
  lines(text: string, line: number): void {
    let last: TimelineEntry | null = null;
    text.split('\n').forEach((l, i) => {
      const lead = splitTimelineLead(l, this.doc.dateOpts());
      if (lead && (lead.timeOfDay || lead.vagueTime || lead.date)) {
        if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '') {
          this.dayMarker(lead, line + i);
          last = null;
          return;
        }
        last = this.makeEntry(lead, line + i, l, lead.rest);
        this.entries.push(last);
      } else if (last && l.trim() !== '') {
        // Hard-wrapped continuation of the previous entry.
        const prev: TimelineEntry = last;
        prev.text = oneLine(`${prev.text} ${l}`);
        prev.kind ??= classifyTimelineText(prev.text);
      }
    });
  }

  /** A list of entries; a day item (`- May 12`) with nested items gives them its day. */
  list(list: List, parentDay: string | null): void {
    for (const item of list.children) {
      const own = this.doc.ownText(item);
      const text = own.text.trim();
      const line = this.doc.line(item);
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const first = text.split('\n')[0] ?? '';
      const saved = this.day;
      if (parentDay) this.day = parentDay;
      const lead = splitTimelineLead(first, this.doc.dateOpts());
      if (lead && (lead.timeOfDay || lead.vagueTime || lead.date)) {
        if (!lead.timeOfDay && !lead.vagueTime && lead.rest === '' && nested.length > 0) {
          const day = lead.date?.kind === 'date' ? lead.date.date : null;
          for (const l of nested) this.list(l, day);
          continue;
        }
        const rest = [lead.rest, ...text.split('\n').slice(1)].join(' ');
        this.entries.push(this.makeEntry(lead, line, first, rest));
      } else if (text !== '') {
        const entry: TimelineEntry = {
          line,
          time: '',
          at: null,
          text: oneLine(text),
          kind: classifyTimelineText(text),
        };
        if (nested.length > 0 && /:$/.test(text)) {
          for (const l of nested) this.list(l, this.day);
          continue;
        }
        this.entries.push(entry);
      }
      if (parentDay) this.day = saved ?? parentDay;
      for (const l of nested) this.list(l, this.day);
    }
  }

  /** A table of entries: time, date, kind and event columns found by their headers. */
  table(headers: readonly string[], rows: Table['children']): void {
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
        this.doc.text(c.children, false).text.replace(/\s+/g, ' ').trim(),
      );
      const line = this.doc.line(row);
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
      const lead = splitTimelineLead(withZone, this.doc.dateOpts());
      const explicit = kindCol >= 0 ? explicitTimelineKind(cells[kindCol] ?? '') : null;
      const entry = this.makeEntry(lead, line, timeText, text);
      entry.kind = explicit ?? entry.kind;
      this.entries.push(entry);
    }
  }

  /** Year-less days (`## May 12`, `Sun 21:33` under no date) take their year from the incident date. */
  resolveDeferred(incidentDate: string | null): void {
    for (const { entry, dayRaw, time, zone } of this.deferred) {
      if (!incidentDate || !time) continue;
      const day = dayRaw
        ? parseDate(dayRaw, { order: this.doc.order, reference: incidentDate })
        : { kind: 'date' as const, date: incidentDate };
      if (day.kind === 'date') entry.at = toInstant(day.date, time, zone);
      else if (day.kind === 'ambiguous' && dayRaw) this.ambiguous(dayRaw, entry.line, day);
    }
  }

  private makeEntry(
    lead: TimelineLead | null,
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
          this.ambiguous(lead.time.split(/[\sT]/)[0] ?? lead.time, line, lead.date);
          this.dayUnknown = true;
        } else if (lead.date.kind === 'vague' && !this.doc.reference) {
          defer = true;
          dayRaw = lead.time.replace(/(?<![\s,])[\s,]+\d{1,2}:\d{2}.*$/, '');
        }
      } else if (!this.dayUnknown) {
        day = this.day ?? this.doc.reference ?? null;
        if (!day) {
          defer = true;
          dayRaw = this.dayRaw;
        }
      }
      if (lead.date?.kind === 'date') {
        this.day = lead.date.date;
        this.dayRaw = null;
        this.dayUnknown = false;
        this.firstDay ??= { date: lead.date.date, line };
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
        entry.at = toInstant(day, lead.timeOfDay, this.zone ?? this.doc.zone);
      else if (defer && lead.timeOfDay)
        this.deferred.push({
          entry,
          dayRaw,
          time: lead.timeOfDay,
          zone: this.zone ?? this.doc.zone,
        });
      return entry;
    }
    const clean = oneLine(text);
    return { line, time: time.trim(), at: null, text: clean, kind: classifyTimelineText(clean) };
  }

  /** A line or heading that only gives the day of the entries below it. */
  private dayMarker(lead: TimelineLead, line: number): void {
    if (lead.date?.kind === 'date') {
      this.day = lead.date.date;
      this.dayRaw = null;
      this.dayUnknown = false;
      this.firstDay ??= { date: lead.date.date, line };
    } else if (lead.date?.kind === 'ambiguous') {
      this.ambiguous(lead.time, line, lead.date);
      this.dayUnknown = true;
    } else if (lead.date?.kind === 'vague') {
      this.day = null;
      this.dayRaw = lead.time;
      this.dayUnknown = false;
    }
  }

  /** `### Day 2` with no date: the entries below it are on a day the document does not give. */
  private numberedDay(text: string): boolean {
    const m = /^day\s?(\d{1,2})$/i.exec(text);
    if (!m) return false;
    if (Number(m[1]) > 1) {
      this.day = null;
      this.dayRaw = null;
      this.dayUnknown = true;
    }
    return true;
  }

  /**
   * An ambiguous timeline date leaves its entries without an instant; one warning per file says why,
   * rather than one per line of a timeline written that way.
   */
  private ambiguous(raw: string, line: number, parse: { candidates: string[] }): void {
    if (this.ambiguityReported) return;
    this.ambiguityReported = true;
    const [a, b] = parse.candidates;
    this.doc.diag(
      line,
      'date-ambiguous',
      `Timeline date "${raw.trim()}" could be ${a} (day first) or ${b} (month first), so its entries get no time: write dates as ISO YYYY-MM-DD, or set dates.order to DMY or MDY in the configuration.`,
      'warning',
    );
  }
}
