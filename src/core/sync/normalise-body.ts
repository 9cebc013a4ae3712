/**
 * Normalises an issue body for comparison: line endings, trailing spaces, and the commit and line of
 * the source permalink (a permalink to an older commit still points at the item, so a new commit
 * alone is not a change worth a write).
 */
export function normaliseBody(body: string | null | undefined): string {
  return (body ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\]\(([^()\s]*?)\/blob\/[0-9a-f]{7,64}\/([^()\s#]*)#L\d+\)/g, ']($1/blob/~/$2#L)')
    .replace(/ line \d+\]\(/g, ' line ~](')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Normalises an issue title for comparison. */
export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}
