/** A piece of rendered markdown the splitter keeps whole (text) or splits between rows (table). */
export type Block =
  | { kind: 'text'; text: string }
  | {
      kind: 'table';
      /** Text kept with the table's first rows (a heading or caption), may be empty. */
      caption: string;
      /** Header and delimiter lines. */
      header: string;
      rows: string[];
    };

/** GitHub's limit on an issue, comment or Discussion body, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Options of {@link splitBody}. */
export interface SplitOptions {
  limit?: number;
  /** Marker placed first in each part. */
  marker: (part: number) => string;
  /** Label of the digest in continuation notes (`2026-W48 digest`). */
  label: string;
}

const RESERVE = 240;

function splitLongText(text: string, budget: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const pieces: string[] = [];
    // A single line beyond the budget (never produced by the renderers) is cut into visible chunks.
    for (let i = 0; i < line.length; i += budget) pieces.push(line.slice(i, i + budget));
    if (pieces.length === 0) pieces.push('');
    for (const p of pieces) {
      if (cur.length > 0 && cur.length + 1 + p.length > budget) {
        out.push(cur);
        cur = p;
      } else cur = cur.length > 0 ? `${cur}\n${p}` : p;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Lays blocks out into bodies that each fit GitHub's limit, breaking only between blocks or
 * between table rows (repeating the table header), and numbering the parts so nothing is dropped.
 */
export function splitBody(blocks: readonly Block[], options: SplitOptions): string[] {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const budget = limit - RESERVE;
  if (budget < 200) throw new Error(`Body limit ${limit} is too small to lay out a digest`);
  const parts: string[][] = [[]];
  let used = 0;
  const current = (): string[] => parts[parts.length - 1]!;
  const newPart = (): void => {
    parts.push([]);
    used = 0;
  };
  const add = (text: string): boolean => {
    const cost = text.length + (current().length > 0 ? 2 : 0);
    if (used + cost > budget) return false;
    current().push(text);
    used += cost;
    return true;
  };
  const addWhole = (text: string): void => {
    if (add(text)) return;
    if (current().length > 0) newPart();
    if (add(text)) return;
    for (const piece of splitLongText(text, budget)) {
      if (!add(piece)) {
        newPart();
        add(piece);
      }
    }
  };

  for (const block of blocks) {
    if (block.kind === 'text') {
      addWhole(block.text);
      continue;
    }
    const head = block.caption ? `${block.caption}\n\n${block.header}` : block.header;
    let chunk = head;
    let rowsInChunk = 0;
    const flush = (): void => {
      if (rowsInChunk > 0 || block.rows.length === 0) addWhole(chunk);
    };
    for (const row of block.rows) {
      const next = `${chunk}\n${row}`;
      const cost = next.length + (current().length > 0 ? 2 : 0);
      if (used + cost <= budget) {
        chunk = next;
        rowsInChunk++;
        continue;
      }
      if (rowsInChunk > 0) {
        flush();
        newPart();
        chunk = `${block.caption ? `${block.caption} (continued)\n\n` : ''}${block.header}\n${row}`;
        rowsInChunk = 1;
      } else if (current().length > 0) {
        newPart();
        chunk = `${head}\n${row}`;
        rowsInChunk = 1;
      } else {
        chunk = `${head}\n${row}`;
        rowsInChunk = 1;
      }
    }
    flush();
  }

  const total = parts.length;
  return parts.map((blocksOfPart, i) => {
    const n = i + 1;
    const lines = [options.marker(n)];
    if (n > 1) lines.push(`_Part ${n} of ${total} of the ${options.label}._`);
    lines.push(...blocksOfPart);
    if (n < total) lines.push(`_Continued in part ${n + 1} of ${total}._`);
    return lines.join('\n\n');
  });
}
