import type { Postmortem } from '../model/index.js';

/** The 1-based line range [start, end] of the first section with the given key, or null. */
export function sectionRange(
  pm: Postmortem,
  key: string,
  lineCount: number,
): { start: number; end: number } | null {
  const index = pm.sections.findIndex((s) => s.key === key);
  const section = pm.sections[index];
  if (!section) return null;
  let end = lineCount;
  for (const next of pm.sections.slice(index + 1)) {
    if (next.depth <= section.depth && next.line > section.line) {
      end = next.line - 1;
      break;
    }
  }
  return { start: section.line, end };
}
