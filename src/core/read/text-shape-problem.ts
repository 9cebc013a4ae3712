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
 * super-linear on such lines, so they are refused before it sees them.
 */
export function textShapeProblem(
  text: string,
  limits: Pick<ReadLimits, 'maxLineLength' | 'maxNesting'>,
): ShapeProblem | null {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limits.maxLineLength) {
      return {
        line,
        column: limits.maxLineLength + 1,
        message: `line ${line} is ${end - start} characters long, over the limit of ${limits.maxLineLength} (limits.maxLineLength)`,
      };
    }
    const depth = containerDepth(text, start, end, limits.maxNesting);
    if (depth > limits.maxNesting) {
      return {
        line,
        column: 1,
        message: `line ${line} opens more than ${limits.maxNesting} nested block quotes or list items (limits.maxNesting)`,
      };
    }
    start = end + 1;
    line++;
  }
  return null;
}

/** How many container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) open line `[start, end)`, counting up to `cap + 1`. */
function containerDepth(text: string, start: number, end: number, cap: number): number {
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
  return depth;
}

function isSpace(text: string, i: number, end: number): boolean {
  return i >= end || text[i] === ' ' || text[i] === '\t';
}
