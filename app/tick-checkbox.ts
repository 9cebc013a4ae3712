const UNTICKED = /^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+)\[ \]/;

/**
 * Ticks the task-list checkbox on 1-based `line` of `text` (`- [ ] …` → `- [x] …`), keeping every
 * other byte, line endings included. Null when that line holds no unticked checkbox.
 */
export function tickCheckbox(text: string, line: number): string | null {
  const lines = text.split(/(?<=\n)/);
  const target = lines[line - 1];
  if (target === undefined || !UNTICKED.test(target)) return null;
  lines[line - 1] = target.replace(UNTICKED, '$1[x]');
  return lines.join('');
}
