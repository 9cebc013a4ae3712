const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const URL = /\bhttps?:\/\/[^\s<>()[\]]+/g;

/**
 * Splits source text into lines, blanking (with spaces, keeping every column) fenced code,
 * inline code spans, HTML comments and bare URLs: what is left is what a reader reads as prose.
 */
export function proseLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fence: { char: string; size: number } | null = null;
  let inComment = false;
  for (const line of lines) {
    if (fence) {
      const m = FENCE.exec(line);
      if (
        m?.[1] &&
        m[1][0] === fence.char &&
        m[1].length >= fence.size &&
        line.slice(m[0].length).trim() === ''
      ) {
        fence = null;
      }
      out.push(' '.repeat(line.length));
      continue;
    }
    const open = FENCE.exec(line);
    if (open?.[1] && !inComment) {
      fence = { char: open[1][0] ?? '`', size: open[1].length };
      out.push(' '.repeat(line.length));
      continue;
    }
    let masked = line;
    if (inComment || line.includes('`') || line.includes('<!--')) {
      const chars = line.split('');
      inComment = blankComments(line, chars, inComment);
      blankCodeSpans(chars);
      masked = chars.join('');
    }
    if (masked.includes('://')) masked = masked.replace(URL, (u) => ' '.repeat(u.length));
    out.push(masked);
  }
  return out;
}

/** Blanks `<!-- … -->` (possibly spanning lines); returns whether a comment is still open. */
function blankComments(line: string, chars: string[], startInComment: boolean): boolean {
  let inComment = startInComment;
  let i = 0;
  while (i < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', i);
      const stop = end === -1 ? line.length : end + 3;
      for (let k = i; k < stop; k++) chars[k] = ' ';
      if (end === -1) return true;
      inComment = false;
      i = stop;
    } else {
      const start = line.indexOf('<!--', i);
      if (start === -1) return false;
      inComment = true;
      i = start;
    }
  }
  return inComment;
}

/** Blanks backtick code spans in place; linear even on adversarial runs of backticks. */
function blankCodeSpans(chars: string[]): void {
  const n = chars.length;
  const absent = new Set<number>(); // run lengths with no closing run further on
  let i = 0;
  while (i < n) {
    if (chars[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && chars[j] === '`') j++;
    const size = j - i;
    if (absent.has(size)) {
      i = j;
      continue;
    }
    let k = j;
    let close = -1;
    while (k < n) {
      if (chars[k] !== '`') {
        k++;
        continue;
      }
      let e = k;
      while (e < n && chars[e] === '`') e++;
      if (e - k === size) {
        close = e;
        break;
      }
      k = e;
    }
    if (close === -1) {
      absent.add(size);
      i = j;
      continue;
    }
    for (let m = i; m < close; m++) chars[m] = ' ';
    i = close;
  }
}
