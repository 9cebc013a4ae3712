import type { ReadLimits } from './read-limits.js';

/** Where a text breaks a shape limit, and how. */
export interface ShapeProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * The first line longer than `maxLineLength`, or opening more than `maxNesting` block quotes and
 * list items, in one linear scan; null when the text is within both. The markdown parser is
 * super-linear on such lines, so they are refused before it sees them. Lines inside fenced code
 * (a pasted log line, minified JSON) are exempt: the parser reads them as plain text.
 */
export function textShapeProblem(
  text: string,
  limits: Pick<ReadLimits, 'maxLineLength' | 'maxNesting'>,
): ShapeProblem | null {
  let line = 1;
  let start = 0;
  let fence: { char: string; length: number } | null = null;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const { depth, next } = containerDepth(text, start, end, limits.maxNesting);
    const marker = fenceAt(text, next, end);
    if (fence !== null) {
      if (
        marker !== null &&
        marker.char === fence.char &&
        marker.length >= fence.length &&
        marker.bare
      )
        fence = null;
    } else if (end - start > limits.maxLineLength) {
      return {
        line,
        column: limits.maxLineLength + 1,
        message: `line ${line} is ${end - start} characters long, over the limit of ${limits.maxLineLength} (limits.maxLineLength)`,
      };
    } else if (depth > limits.maxNesting) {
      return {
        line,
        column: 1,
        message: `line ${line} opens more than ${limits.maxNesting} nested block quotes or list items (limits.maxNesting)`,
      };
    } else if (marker !== null) {
      fence = { char: marker.char, length: marker.length };
    }
    start = end + 1;
    line++;
  }
  return null;
}

/** A code fence (three or more backticks or tildes, after up to three spaces) at `i`; `bare` when nothing but spaces follows it. */
function fenceAt(
  text: string,
  i: number,
  end: number,
): { char: string; length: number; bare: boolean } | null {
  let j = i;
  while (j < end && j - i < 3 && text[j] === ' ') j++;
  const char = text[j];
  if (char !== '`' && char !== '~') return null;
  let k = j;
  while (k < end && text[k] === char) k++;
  if (k - j < 3) return null;
  // A backtick fence's info string has no backtick (`` ```a`b `` is inline code, not a fence).
  if (char === '`') {
    const tick = text.indexOf('`', k);
    if (tick !== -1 && tick < end) return null;
  }
  let rest = k;
  while (rest < end && (text[rest] === ' ' || text[rest] === '\t')) rest++;
  return { char, length: k - j, bare: rest === end };
}

/**
 * How many container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) open line `[start, end)`, counting
 * up to `cap + 1`, and where the line's content starts after them.
 */
function containerDepth(
  text: string,
  start: number,
  end: number,
  cap: number,
): { depth: number; next: number } {
  let depth = 0;
  let i = start;
  while (i < end && depth <= cap) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const c = text[i];
    if (c === '>') {
      depth++;
      i++;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && isSpace(text, i + 1, end)) {
      depth++;
      i += 2;
      continue;
    }
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j > i && (text[j] === '.' || text[j] === ')') && isSpace(text, j + 1, end)) {
      depth++;
      i = j + 2;
      continue;
    }
    break;
  }
  return { depth, next: i };
}

function isSpace(text: string, i: number, end: number): boolean {
  return i >= end || text[i] === ' ' || text[i] === '\t';
}
